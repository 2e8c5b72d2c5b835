import Foundation
import Testing
@testable import AckfixCore

/// ackfix's own validator must give libxml2's verdict, on ackfix's XSD and on the CDC's official
/// one, for every mutation of the sample deposit that a spreadsheet or a careless script makes.
@Suite(.enabled(if: Xmllint.available))
struct SchemaAgreementTests {
    static func nativeViolations(_ path: String, generation: SchemaGeneration = .v1_1_5) -> [SchemaViolation]? {
        var found: [SchemaViolation] = []
        let validator = SchemaValidator(schema: .forGeneration(generation)) { found.append($0) }
        do {
            try DocumentStream.parse(path: path, handler: validator)
        } catch {
            return nil
        }
        return found
    }

    @Test func mutationsGetTheSameVerdictAsXmllint() throws {
        let dir = Paths.scratch()
        let ownXSD = dir + "/own.xsd"
        Paths.write(XSDWriter.xsd(for: .v112), to: ownXSD)
        let base = String(decoding: FileManager.default.contents(atPath: Paths.sample("deposit.xml"))!, as: UTF8.self)
        let clock = ContinuousClock()
        let t0 = clock.now
        let mutations = Mutations.of(base)
        print("generated in \(clock.now - t0)")
        #expect(mutations.count > 500)
        var files: [String] = []
        for (i, m) in mutations.enumerated() {
            let f = dir + "/m\(i).xml"
            Paths.write(m, to: f)
            files.append(f)
        }
        let own = try Xmllint.verdicts(files, schema: ownXSD)
        let official = Paths.hasSharedCorpus ? try Xmllint.verdicts(files, schema: Paths.sharedCorpus + "/official/cdc-deposit-1.1.2.xsd") : own
        print("xmllint done at \(clock.now - t0)")
        var disagreements: [String] = []
        for (i, f) in files.enumerated() {
            guard let native = Self.nativeViolations(f, generation: .v1_1_2) else { continue }  // not well-formed: same for all
            let nativeValid = native.isEmpty
            if nativeValid != own[f] || own[f] != official[f] {
                disagreements.append("m\(i): native \(nativeValid) own \(own[f]!) official \(official[f]!) \(native.map(\.validatorCode))\n\(Mutations.describe(base, mutations[i]))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).joined(separator: "\n"))")
        print("native done at \(clock.now - t0)")
        let invalid = own.values.filter { !$0 }.count
        print("mutations: \(files.count), invalid per xmllint: \(invalid)")
    }
}

enum Xmllint {
    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") }

    /// File → valid, for many files in one xmllint run.
    static func verdicts(_ files: [String], schema: String) throws -> [String: Bool] {
        var result: [String: Bool] = [:]
        for batch in stride(from: 0, to: files.count, by: 200) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            p.arguments = ["--noout", "--nonet", "--schema", schema] + files[batch..<min(batch + 200, files.count)]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            for line in text.split(separator: "\n") {
                if line.hasSuffix(" validates") { result[String(line.dropLast(" validates".count))] = true }
                if line.hasSuffix(" fails to validate") { result[String(line.dropLast(" fails to validate".count))] = false }
            }
        }
        return result
    }
}

/// Single-edit mutations of a deposit: each leaf value replaced by typical mistakes, each element
/// removed, duplicated or given stray attributes and text.
enum Mutations {
    static let generic = ["", " ", "x", "nil", "NULL", String(repeating: "a", count: 256), "&amp;", "&#233;"]
    static let byKind: [String: [String]] = [
        "date": ["30/06/2026", "2026-02-30", "2024-02-29", "2026-06-30Z", " 2026-06-30 ", "1899-12-31", "2100-01-01"],
        "dateTime": ["2026-10-05T09:30:00Z", "2026-10-05T09:30:00.5+02:00", "2026-10-05T09:30:00+1:00",
                     "2026-10-05T09:30:00+14:00", "2026-10-05T09:30:00+15:00", "2026-10-05T24:00:00+02:00",
                     " 2026-10-05T09:30:00+02:00 ", "2026-10-05T09:30:00-00:00", "2026-10-05T09:30:00+19:00"],
        "int": ["0", "-1", "+3", " 3", "13", "32", "1899", "2100", "99999999999", "1.5"],
        "boolean": ["TRUE", "True", "1", "0", " false ", "vrai"],
        "enumeration": ["M", "F", "H", "m", " M", "TIERS_DE_CONFIANCE", "PAR_ADMISSION", "EQUIVALENCE_(DIPLOME_ETRANGER)"],
        "string": ["75056", "7505", "750560", "ABCDEFGH", "ABCDEFG", "12ABC345 ", String(repeating: "é", count: 60),
                   String(repeating: "é", count: 61), String(repeating: "é", count: 20), String(repeating: "é", count: 21)],
    ]

    static func kind(of element: String) -> String {
        guard let decl = DepositSchema.v112.declaration(named: element),
              let t = DepositSchema.v112.simpleType(decl.type) else { return "string" }
        if t.enumeration != nil { return "enumeration" }
        return t.base.rawValue
    }

    static func of(_ xml: String) -> [String] {
        var out: [String] = []
        let leaf = try! NSRegularExpression(pattern: "<cpf:([A-Za-z0-9]+)>([^<]*)</cpf:\\1>")
        let ns = xml as NSString
        let leaves = leaf.matches(in: xml, range: NSRange(location: 0, length: ns.length))
        // Values: a sample of leaves (every distinct element name once) times every value.
        var seenNames = Set<String>()
        for m in leaves {
            let name = ns.substring(with: m.range(at: 1))
            guard seenNames.insert(name).inserted else { continue }
            let valueRange = m.range(at: 2)
            for v in generic + byKind[kind(of: name)]! { out.append(ns.replacingCharacters(in: valueRange, with: v)) }
            let whole = m.range
            let element = ns.substring(with: whole)
            out.append(ns.replacingCharacters(in: whole, with: ""))                                         // removed
            out.append(ns.replacingCharacters(in: whole, with: element + element))                          // repeated
            out.append(ns.replacingCharacters(in: whole, with: "<cpf:\(name) xsi:nil=\"true\"/>"))          // nil
            out.append(ns.replacingCharacters(in: whole, with: "<cpf:\(name) xsi:nil=\"true\"> </cpf:\(name)>"))
            out.append(ns.replacingCharacters(in: whole, with: "<cpf:\(name) xsi:nil=\"yes\"/>"))
            out.append(ns.replacingCharacters(in: whole, with: "<cpf:\(name) foo=\"1\">\(ns.substring(with: valueRange))</cpf:\(name)>"))
            out.append(ns.replacingCharacters(in: whole, with: element + "<cpf:inconnu>1</cpf:inconnu>"))
            out.append(ns.replacingCharacters(in: whole, with: "<\(name)>\(ns.substring(with: valueRange))</\(name)>"))
        }
        // Containers: removed, repeated, text inside, both birth-place branches.
        for container in ["emetteur", "certificateurs", "certificateur", "certifications", "certification",
                          "passageCertifications", "modalitesInscription", "identificationTitulaire", "titulaire",
                          "codeCommuneNaissance", "codeInseeNaissance", "codePostalNaissance", "dossierFormation"] {
            let open = "<cpf:\(container)>"
            let close = "</cpf:\(container)>"
            let start = ns.range(of: open)
            guard start.location != NSNotFound else { continue }
            let end = ns.range(of: close, options: [], range: NSRange(location: start.location, length: ns.length - start.location))
            let whole = NSRange(location: start.location, length: end.location + end.length - start.location)
            let element = ns.substring(with: whole)
            out.append(ns.replacingCharacters(in: whole, with: ""))
            out.append(ns.replacingCharacters(in: whole, with: element + element))
            out.append(ns.replacingCharacters(in: NSRange(location: start.location + start.length, length: 0), with: "texte"))
            out.append(ns.replacingCharacters(in: start, with: "<cpf:\(container) xsi:nil=\"true\">"))
        }
        out.append(xml.replacingOccurrences(of: "</cpf:codeInseeNaissance>",
                                            with: "</cpf:codeInseeNaissance><cpf:codePostalNaissance><cpf:codePostal>75001</cpf:codePostal></cpf:codePostalNaissance>"))
        out.append(xml.replacingOccurrences(of: "urn:cdc:cpf:pc5:schema:1.0.0", with: "urn:cdc:cpf:pc5:schema:0.0.7"))
        out.append(xml.replacingOccurrences(of: "<cpf:type>RS</cpf:type>", with: ""))
        return out
    }

    /// The first differing line, for a readable failure.
    static func describe(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<min(la.count, lb.count) where la[i] != lb[i] { return "line \(i + 1): \(la[i]) → \(lb[i])" }
        return "(length differs)"
    }
}
