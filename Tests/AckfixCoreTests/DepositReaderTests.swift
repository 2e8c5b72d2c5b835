import Foundation
import Testing
@testable import AckfixCore

@Suite struct DepositReaderTests {
    private func read(_ path: String) throws -> (DepositOutline, [Passage]) {
        var passages: [Passage] = []
        let (outline, _) = try DepositReader.read(path: path) { passages.append($0) }
        return (outline, passages)
    }

    @Test func sampleDepositOutline() throws {
        let (o, passages) = try read(Paths.sample("deposit.xml"))
        #expect(o.header.idFlux?.value == "5f0c9a52-8d1e-4c6b-9a57-2d1b3c4e5f60")
        #expect(o.header.horodatage?.value == "2026-10-05T09:30:00+02:00")
        #expect(o.header.emetteurIdClient?.value == "12ABC345")
        #expect(o.header.certificateurIdClient?.value == "12ABC345")
        #expect(o.header.idContrat?.value == "MCFCER000123")
        #expect(o.header.action == nil)
        #expect(o.generation == .v1_1_2)
        #expect(o.certifications.map { "\($0.typeText ?? "") \($0.codeText ?? "")" } == ["RS RS6012", "RS 6012", "RS RNCP34826", "RNCP RNCP35108"])
        #expect(o.certifications.map(\.passageCount) == [6, 2, 1, 4])
        #expect(o.certifications[0].natureDeposant?.value == "CERTIFICATEUR")
        #expect(o.certifications[3].natureDeposant == nil)
        #expect(o.passageCount == 13)
        #expect(passages.map { $0.idTechnique ?? "" } == (1...13).map { String(format: "ACK-2026-%04d", $0) })
        #expect(passages.map(\.certificationIndex) == [0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 3, 3, 3])
    }

    @Test func passagesCarryFieldsNilsBranchesAndDecodedText() throws {
        let (_, p) = try read(Paths.sample("deposit.xml"))
        #expect(p[0].identityBranch == .titulaire)
        #expect(p[0].holderValue("nomUsage")?.isNil == true)
        #expect(p[0].holderValue("nomNaissance")?.value == "Lefèvre")
        #expect(p[0].holderValue("moisNaissance")?.value == "03")
        #expect(p[0].value(at: "dateFinValidite")?.isNil == true)
        #expect(p[0].value(at: "identificationTitulaire/titulaire/codeCommuneNaissance/codeInseeNaissance/codeInsee")?.value == "75056")
        // Character reference decoded.
        #expect(p[2].holderValue("prenom1")?.value == "Élodie")
        #expect(p[4].holderValue("codePostal")?.isNil == true)
        #expect(p[5].identityBranch == .dossierFormation)
        #expect(p[5].value(at: "scoring")?.isNil == true)
        #expect(p[9].value(at: "libelleOption")?.value == "Gestion & paie")
        #expect(p[1].line == 53)
        #expect(p[1].holderValue("nomNaissance")?.value == "N'Diaye")
        let containers = p[0].elements.filter(\.isContainer).map(\.name)
        #expect(containers.contains("identificationTitulaire") && containers.contains("codeCommuneNaissance"))
    }

    @Test func byteRangesAreExactSlicesOfTheFile() throws {
        let path = Paths.sample("deposit.xml")
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let (o, passages) = try read(path)
        for p in passages {
            let slice = String(decoding: bytes[p.range], as: UTF8.self)
            #expect(slice.hasPrefix("<cpf:passageCertification>"))
            #expect(slice.hasSuffix("</cpf:passageCertification>"))
            for e in p.elements where !e.isContainer && !e.isNil {
                let raw = String(decoding: bytes[e.contentRange], as: UTF8.self)
                #expect(raw.contains("&") || raw == e.value, "\(e.path)")
            }
            // Leading trivia is white space only in this file.
            #expect(bytes[p.leadingTriviaStart..<p.range.lowerBound].allSatisfy { $0 == 0x20 || $0 == 0x0A })
        }
        for c in o.certifications {
            let slice = String(decoding: bytes[c.range], as: UTF8.self)
            #expect(slice.hasPrefix("<cpf:certification>") && slice.hasSuffix("</cpf:certification>"))
        }
    }

    /// A file written by an unusual hand: BOM, CRLF, single quotes, comments between passages,
    /// CDATA, a passage with its own prefix, type and code after the passages (xsd:all allows it).
    static let quirky: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\r\n"
        + "<x:flux xmlns:x='urn:cdc:cpf:pc5:schema:1.0.0' xmlns:i='http://www.w3.org/2001/XMLSchema-instance'>\r\n"
        + "<x:horodatage>2026-01-02T03:04:05+01:00</x:horodatage><x:idFlux>F1</x:idFlux>\r\n"
        + "<x:emetteur><x:certificateurs><x:certificateur><x:certifications><x:certification>\r\n"
        + "<x:passageCertifications>\r\n"
        + "  <!-- premier -->\r\n"
        + "  <x:passageCertification><x:idTechnique>Q&#45;1</x:idTechnique><x:scoring i:nil = 'true' ></x:scoring>"
        + "<x:verbatim><![CDATA[a < b & c]]></x:verbatim></x:passageCertification>\r\n"
        + "  <p:passageCertification xmlns:p='urn:cdc:cpf:pc5:schema:1.0.0'><p:idTechnique>Q-2</p:idTechnique></p:passageCertification>\r\n"
        + "</x:passageCertifications><x:code>RS6012</x:code><x:type>RS</x:type>\r\n"
        + "</x:certification></x:certifications><x:idContrat>C</x:idContrat><x:idClient>12ABC345</x:idClient>"
        + "</x:certificateur></x:certificateurs><x:idClient>12ABC345</x:idClient></x:emetteur></x:flux>\r\n").utf8)

    @Test func quirkyFileReadsWithExactRanges() throws {
        let path = Paths.scratch() + "/quirky.xml"
        Paths.writeBytes(Self.quirky, to: path)
        let (o, p) = try read(path)
        #expect(o.hasByteOrderMark)
        #expect(o.rootName?.prefix == "x")
        #expect(o.certifications[0].codeText == "RS6012" && o.certifications[0].typeText == "RS")
        #expect(p.map { $0.idTechnique ?? "" } == ["Q-1", "Q-2"])
        #expect(p[0].value(at: "scoring")?.isNil == true)
        #expect(p[0].value(at: "verbatim")?.value == "a < b & c")
        let first = String(decoding: Self.quirky[p[0].range], as: UTF8.self)
        #expect(first.hasPrefix("<x:passageCertification>") && first.hasSuffix("</x:passageCertification>"))
        let second = String(decoding: Self.quirky[p[1].range], as: UTF8.self)
        #expect(second.hasPrefix("<p:passageCertification xmlns:p=") && second.hasSuffix("</p:passageCertification>"))
        // The comment before the first passage belongs to its leading trivia.
        #expect(String(decoding: Self.quirky[p[0].leadingTriviaStart..<p[0].range.lowerBound], as: UTF8.self).contains("premier"))
        #expect(p[0].line == 7 && p[1].line == 8)
    }

    /// Feeds `quirky` to a parser in chunks of `chunk` bytes.
    private static func parseQuirky(with handler: XMLStreamHandler, chunk: Int) throws {
        let parser = XMLStreamParser(handler: handler)
        var i = 0
        while i < quirky.count {
            parser.feed(Array(quirky[i..<min(i + chunk, quirky.count)]))
            i += chunk
        }
        try parser.finish()
    }

    @Test("the same events whatever the chunk size", arguments: [1, 7, 64, 4096])
    func chunkSizeDoesNotMatter(chunk: Int) throws {
        final class Recorder: XMLStreamHandler {
            var events: [String] = []
            func startElement(_ t: XMLStartTag) { events.append("<\(t.name.localName)@\(t.tagStart)-\(t.tagEnd) \(t.line):\(t.column)") }
            func endElement(_ t: XMLEndTag) { events.append("/\(t.name.localName)@\(t.tagStart)-\(t.tagEnd)") }
            func characters(_ text: UnsafeRawBufferPointer) { events.append("#\(text.count)") }
        }
        func run(_ size: Int) throws -> [String] {
            let r = Recorder()
            try Self.parseQuirky(with: r, chunk: size)
            // Text may arrive in more pieces with small chunks: compare tags only.
            return r.events.filter { !$0.hasPrefix("#") }
        }
        #expect(try run(chunk) == run(1 << 20))
    }

    /// Asks, at the end of each passage's first child, to skip the rest of the passage.
    final class Skipper: XMLStreamHandler {
        var events: [String] = []
        private var open: [(name: String, children: Int)] = []
        private unowned(unsafe) var parser: XMLStreamParser?
        func attach(to parser: XMLStreamParser) { self.parser = parser }
        func startElement(_ t: XMLStartTag) {
            if !open.isEmpty { open[open.count - 1].children += 1 }
            open.append((t.name.localName, 0))
            events.append("<\(t.name.localName)@\(t.tagStart)-\(t.tagEnd) \(t.line):\(t.column)")
        }
        func endElement(_ t: XMLEndTag) {
            open.removeLast()
            events.append("/\(t.name.localName)@\(t.tagStart)-\(t.tagEnd)")
            if let parent = open.last, parent.name == "passageCertification", parent.children == 1 {
                events.append("skip")
                parser?.skipRestOfOpenElement(for: self)
            }
        }
        func characters(_ text: UnsafeRawBufferPointer) { events.append("#") }
        func skippedElement(_ name: XMLName) { events.append("~\(name.localName)") }
    }

    @Test("a skipped element's end tag comes as without skipping, and only the names of what it holds", arguments: [1, 7, 4096])
    func skippingTheRestOfAnElement(chunk: Int) throws {
        let skipped = Skipper()
        try Self.parseQuirky(with: skipped, chunk: chunk)
        // Behind a fan-out the request is not honoured: the others may want the content.
        let whole = Skipper()
        try Self.parseQuirky(with: HandlerFanout([whole]), chunk: chunk)
        // What the whole run gives, with each passage's rest (after "skip", up to its end tag)
        // reduced to the names of the elements that start in it.
        var expected: [String] = []
        var skippedLevels = 0
        for e in whole.events {
            if skippedLevels > 0 {
                if e.hasPrefix("<") {
                    expected.append("~" + e.dropFirst().prefix { $0 != "@" })
                    skippedLevels += 1
                } else if e.hasPrefix("/") {
                    skippedLevels -= 1
                    if skippedLevels == 0 { expected.append(e) }
                }
                continue
            }
            expected.append(e)
            if e == "skip" { skippedLevels = 1 }
        }
        let tags = { (events: [String]) in events.filter { $0 != "#" } }
        #expect(tags(skipped.events) == tags(expected))
        #expect(skipped.events.contains("~verbatim") && !skipped.events.contains { $0.hasPrefix("<verbatim") })
        // No text from inside a skipped passage.
        let inside = skipped.events.split(separator: "skip").dropFirst().map { $0.prefix { !$0.hasPrefix("/passageCertification") } }
        #expect(inside.count == 2 && inside.allSatisfy { !$0.contains("#") })
    }

    @Test func passagesSkippedAfterTheirIDKeepTheirRangesAndTellTheGeneration() throws {
        // Without its header's action, only an identity branch inside a passage tells the 2026 schema.
        let noAction = Paths.scratch() + "/deposit-2026-no-action.xml"
        let text = try String(contentsOfFile: Paths.sample("deposit-2026.xml"), encoding: .utf8)
        try text.replacing(/<cpf:action>[^<]*<\/cpf:action>/, with: "").write(toFile: noAction, atomically: true, encoding: .utf8)
        for path in [Paths.sample("deposit.xml"), Paths.sample("deposit-2026.xml"), noAction] {
            let (whole, passages) = try read(path)
            var skipped: [Passage] = []
            let (outline, _) = try DepositReader.read(path: path, keepingOnly: { _ in false }) { skipped.append($0) }
            #expect(outline.generation == whole.generation)
            #expect(path.hasSuffix("deposit.xml") || outline.generation == .v1_1_5)
            #expect(path != noAction || whole.header.action == nil)
            #expect(outline.passageCount == whole.passageCount)
            #expect(skipped.map(\.range) == passages.map(\.range))
            #expect(skipped.map(\.leadingTriviaStart) == passages.map(\.leadingTriviaStart))
            #expect(skipped.map(\.idTechnique) == passages.map(\.idTechnique))
            #expect(skipped.allSatisfy { !$0.isComplete } && skipped.allSatisfy { $0.value(at: "dateDebutValidite") == nil })
        }
    }

    @Test("line and column of every tag match a count over the raw bytes", arguments: ["quirky", "deposit.xml", "deposit-rejected.xml"])
    func positionsAreExact(file: String) throws {
        final class Positions: XMLStreamHandler {
            var tags: [(start: Int, line: Int, column: Int)] = []
            func startElement(_ t: XMLStartTag) { tags.append((t.tagStart, t.line, t.column)) }
            func endElement(_ t: XMLEndTag) {}
            func characters(_ text: UnsafeRawBufferPointer) {}
        }
        let bytes = file == "quirky" ? Self.quirky : [UInt8](FileManager.default.contents(atPath: Paths.sample(file))!)
        let p = Positions()
        let parser = XMLStreamParser(handler: p)
        parser.feed(bytes)
        try parser.finish()
        #expect(p.tags.count > 10)
        for t in p.tags {
            let before = bytes[..<t.start]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            let column = bytes[lineStart..<t.start].filter { $0 & 0xC0 != 0x80 }.count + 1
            #expect(t.line == line && t.column == column, "tag at \(t.start)")
        }
    }

    @Test func generation115IsDetected() throws {
        let (o, p) = try read(Paths.sample("deposit-2026.xml"))
        #expect(o.generation == .v1_1_5)
        #expect(o.header.action?.value == "CREATION")
        #expect(p[0].identityBranch == .identifiantNational)
        #expect(p[0].holderValue("nir")?.value == "1990199000001")
    }

    @Test func aReportGivenAsDepositIsRefused() {
        #expect(throws: DocumentError(path: Paths.sample("report.xml"), kind: .wrongDocument(expected: .deposit, found: "rapport"))) {
            _ = try read(Paths.sample("report.xml"))
        }
    }

    @Test("reference deposits read", .enabled(if: Paths.hasSharedCorpus))
    func referenceDeposits() throws {
        let (o, p) = try read(Paths.sharedCorpus + "/official/cdc-example-deposit.xml")
        #expect(o.passageCount == 3 && p[1].identityBranch == .dossierFormation)
        let (pix, _) = try read(Paths.sharedCorpus + "/deposits/pix-export.xml")
        #expect(pix.certifications.first?.codeText == "RS5875")
    }
}
