import Foundation
import Testing
@testable import AckfixCore

/// What the parser, the input and the output writer make of hostile bytes, below the CLI.
@Suite struct HostileParsingTests {
    private final class Ignore: XMLStreamHandler {
        func startElement(_ tag: XMLStartTag) {}
        func endElement(_ tag: XMLEndTag) {}
        func characters(_ text: UnsafeRawBufferPointer) {}
    }

    /// The failure of parsing `bytes` in one chunk, nil when they are well-formed.
    private func failure(_ bytes: [UInt8]) -> XMLReadFailure? {
        let parser = XMLStreamParser(handler: Ignore())
        parser.feed(bytes)
        do { try parser.finish() } catch { return error }
        return nil
    }

    private func failure(_ text: String) -> XMLReadFailure? { failure(Array(text.utf8)) }

    @Test func depthIsCapped() {
        let n = XMLStreamParser.maximumDepth
        #expect(failure(String(repeating: "<x>", count: n) + String(repeating: "</x>", count: n)) == nil)
        let deep = failure(String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000))
        #expect(deep?.kind == .tooDeep)
        #expect(deep.map { DocumentError(path: "d.xml", kind: .xml($0)).message(.en).contains("depth") } == true)
    }

    @Test func aFileCutShortSaysSo() throws {
        let cut = try #require(failure("<?xml version=\"1.0\"?>\n<a>\n  <b>Lo"))
        #expect(cut.kind == .malformed && cut.openElements == 2 && cut.line == 3)
        let en = DocumentError(path: "d.xml", kind: .xml(cut)).message(.en)
        let fr = DocumentError(path: "d.xml", kind: .xml(cut)).message(.fr)
        #expect(en.contains("malformed XML") && en.contains("before its end") && !en.contains("Extra content"), "\(en)")
        #expect(fr.contains("avant sa fin") && !fr.contains("contenu en trop"), "\(fr)")
        // Content after the root is still what libxml2 says.
        #expect(failure("<a/><b/>")?.openElements == 0)
    }

    @Test func whiteSpaceAloneIsAnEmptyFile() {
        let f = failure("  \n\t\r\n")
        #expect(f?.kind == .empty)
        #expect(f.map { DocumentError(path: "d.xml", kind: .xml($0)).message(.en).contains("empty") } == true)
    }

    @Test("forbidden characters are not an encoding problem", arguments: [
        ("<a>x\u{0}y</a>", UInt32(0)), ("<a>&#0;</a>", 0), ("<a>&#x1F;</a>", 0x1F), ("<a>x\u{1}</a>", 1),
    ])
    func forbiddenCharacters(_ xml: String, _ code: UInt32) {
        let f = failure(xml)
        #expect(f?.kind == .forbiddenCharacter(code), "\(String(describing: f))")
        let message = f.map { DocumentError(path: "d.xml", kind: .xml($0)).message(.en) } ?? ""
        #expect(message.contains("forbidden character") && !message.contains("UTF-8"), "\(message)")
    }

    @Test func bytesThatAreNotUTF8AreAnEncodingProblem() {
        #expect(failure([0x3C, 0x61, 0x3E, 0xE9, 0x3C, 0x2F, 0x61, 0x3E])?.kind == .invalidEncoding)
    }

    @Test func aDeclarationOfUTF16InEightBitTextIsRefusedAsSuch() {
        let dir = Paths.scratch()
        Paths.write("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a>é</a>\n", to: dir + "/d.xml")
        do {
            _ = try DocumentInput(path: dir + "/d.xml")
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .declaredEncodingMismatch("UTF-16"))
            let m = DocumentError(path: "d.xml", kind: .input(error.kind)).message(.en)
            #expect(m.contains("UTF-16") && m.contains("UTF-8"), "\(m)")
        }
    }

    @Test func aStreamCopyLeavesNothingBehind() throws {
        let dir = Paths.scratch()
        func hidden() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasPrefix(".") } }
        // Dropped before it is finished: a read that threw half-way.
        do {
            let copy = try #require(StreamCopy(besides: dir + "/d.xml"))
            copy.write(Array("<a>".utf8))
            #expect(hidden().count == 1)
        }
        #expect(hidden().isEmpty)
        // Finished and handed over: readable while the source lives, gone from the folder at once.
        let copy = try #require(StreamCopy(besides: dir + "/d.xml"))
        copy.write(Array("<a/>".utf8))
        copy.finish()
        let source = try ByteSource(path: copy.path, temporary: true)
        #expect(hidden().isEmpty)
        #expect(try source.bytes(0..<4) == Array("<a/>".utf8))
    }

    @Test func theDeclarationWrittenNamesTheOutputsEncoding() {
        func conformed(_ head: String, _ e: DocumentEncoding) -> String {
            var bytes = Array(head.utf8)
            PrologRepair.conform(&bytes, to: e)
            return String(decoding: bytes, as: UTF8.self)
        }
        let utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"
        let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"yes\"?><a/>"
        // Kept when it already says so.
        #expect(conformed(utf16, .utf16BE) == utf16)
        #expect(conformed(latin1, .latin1) == latin1)
        #expect(conformed("<a/>", .utf8) == "<a/>")
        // Rewritten or added otherwise.
        #expect(conformed(latin1, .utf8) == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>")
        #expect(conformed("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>", .windows1252)
                == "<?xml version=\"1.0\" encoding=\"Windows-1252\"?><a/>")
        #expect(conformed("<a/>", .latin9) == "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a/>")
        #expect(conformed("\u{FEFF}<a/>", .latin1) == "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")
        #expect(conformed("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><a/>", .utf16LE) == utf16)
    }

    @Test("an output kept in its encoding is checked as the UTF-8 it was read as", arguments: [
        DocumentEncoding.utf16LE, .utf16BE, .latin1,
    ])
    func outputInAnotherEncoding(_ encoding: DocumentEncoding) throws {
        let dir = Paths.scratch()
        let declared = encoding == .latin1 ? "ISO-8859-1" : "UTF-16"
        // A birth name of 50 accented letters: 100 bytes of UTF-8, within the 60-character limit.
        let name = String(repeating: "é", count: 50)
        let sample = try String(contentsOfFile: Paths.sample("deposit.xml"), encoding: .utf8)
        var text = sample.replacingOccurrences(of: "<cpf:nomNaissance>Lefèvre</cpf:nomNaissance>", with: "<cpf:nomNaissance>\(name)</cpf:nomNaissance>")
        text = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"\(declared)\"")
        #expect(text.contains(name) && text.contains(declared))
        Paths.write(text, to: dir + "/stream.xml")
        let source = try ByteSource(path: dir + "/stream.xml")
        let size = Array(text.utf8).count
        let check = try OutputWriter.write([.copy(0..<size)], from: source, to: dir + "/out.xml", overwrite: false,
                                           encoding: encoding, generation: .v1_1_2)
        #expect(check.isValid, "\(check.violations.map(\.element)) \(String(describing: check.readFailure))")
        let written = try #require(FileManager.default.contents(atPath: dir + "/out.xml"))
        switch encoding {
        case .utf16LE: #expect(written.starts(with: [0xFF, 0xFE]))
        case .utf16BE: #expect(written.starts(with: [0xFE, 0xFF]))
        default: #expect(written.contains(0xE9) && !written.contains(0xC3))
        }
        // Read back in its own encoding, it is the same text.
        let input = try DocumentInput(path: dir + "/out.xml")
        var back: [UInt8] = []
        while let chunk = try input.nextChunk() { back += chunk }
        #expect(String(decoding: back, as: UTF8.self) == text)
    }

    @Test("line feeds are counted and found sixteen bytes at a time as one at a time would")
    func lineFeedsCounted() {
        var generator = SystemRandomNumberGenerator()
        // Lengths around the 16-byte blocks and past 255 blocks (a lane's counter is added up then),
        // from no line feed to nothing else.
        for length in [0, 1, 15, 16, 17, 255 * 16, 255 * 16 + 1, 10_000] {
            for share in [0, 5, 50, 100] {
                let bytes = (0..<length).map { _ in Int.random(in: 0..<100, using: &generator) < share ? UInt8(0x0A) : UInt8.random(in: 0...255, using: &generator) | 0x80 }
                let count = bytes.withUnsafeBytes { ByteWindow.newlines(in: $0, before: length) }
                #expect(count == bytes.filter { $0 == 0x0A }.count, "\(length) bytes, \(share) % line feeds")
                let last = bytes.withUnsafeBytes { ByteWindow.lastNewline(in: $0, before: length) }
                #expect(last == bytes.lastIndex(of: 0x0A), "\(length) bytes, \(share) % line feeds")
            }
        }
    }
}
