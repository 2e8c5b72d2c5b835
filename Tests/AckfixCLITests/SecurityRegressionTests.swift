import Foundation
import Testing

/// Problems found while fuzzing and hunting for personal data in outputs (docs/security.md), kept
/// as tests.
@Suite struct SecurityRegressionTests {
    /// The functional sample, with passage ACK-2026-0002's identity written in ways XML allows
    /// but the samples never use: CDATA, a start tag closed on the next line, a value over two
    /// lines, a comment before the value. Invented people, none of them in the samples.
    static func oddlyWrittenDeposit(in dir: String) throws -> String {
        var text = try String(contentsOfFile: CLI.root + "/Samples/deposit.xml", encoding: .utf8)
        let pad = String(repeating: " ", count: 27)
        let identity = [
            "<cpf:nomNaissance>N'Diaye</cpf:nomNaissance>", "<cpf:nomUsage xsi:nil=\"true\"/>", "<cpf:prenom1>Jean-Baptiste</cpf:prenom1>",
        ].map { pad + $0 }.joined(separator: "\n")
        try #require(text.contains(identity))
        text = text.replacingOccurrences(of: identity, with: [
            pad + "<cpf:nomNaissance><![CDATA[Quennec]]></cpf:nomNaissance>",
            pad + "<cpf:nomUsage", pad + "   >Le Bihan</cpf:nomUsage>",
            pad + "<cpf:prenom1>Anne", "Solène</cpf:prenom1>",
        ].joined(separator: "\n"))
        text = text.replacingOccurrences(of: "<cpf:libelleCommuneNaissance>Lyon</cpf:libelleCommuneNaissance>",
                                         with: "<cpf:libelleCommuneNaissance><!-- lieu -->Quimperlé</cpf:libelleCommuneNaissance>")
        let path = dir + "/deposit.xml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let oddlyWrittenValues = ["Quennec", "Bihan", "Solène", "Quimperlé"]

    /// `repair --diff` masks a personal value however it is written: CDATA, a comment before the
    /// value, a value on two lines, a start tag closed on the next line.
    @Test func diffMasksPersonalValuesHoweverTheyAreWritten() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let deposit = try Self.oddlyWrittenDeposit(in: dir)
        // Every identity field of the passage corrected, so that every old line is in the diff.
        let corrections = dir + "/corrections.csv"
        try "idTechnique;nomNaissance;nomUsage;prenom1;libelleCommuneNaissance\nACK-2026-0002;Kervella;nil;Maëlle;Brest\n"
            .write(toFile: corrections, atomically: true, encoding: .utf8)
        let r = try CLI.run(["repair", deposit, CLI.root + "/Samples/report.xml", "--corrections", corrections,
                             "--dry-run", "--diff", "--flux-id", "diff-test", "--lang", "en"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("--- "), "no diff printed")
        for value in Self.oddlyWrittenValues + ["Kervella", "Maëlle", "Brest"] {
            #expect(!r.stdout.contains(value) && !r.stderr.contains(value), "\(value) shown by repair --diff")
        }
        // Every other output of the same deposit already masks them: explain and check read values
        // through the parser.
        for arguments in [["explain", CLI.root + "/Samples/report.xml", "--deposit", deposit, "--format", "json"],
                          ["check", deposit, "--format", "json"],
                          ["repair", deposit, CLI.root + "/Samples/report.xml", "--corrections", corrections, "--dry-run",
                           "--format", "json", "--flux-id", "diff-test"]] {
            let other = try CLI.run(arguments + ["--lang", "en"])
            for value in Self.oddlyWrittenValues {
                #expect(!other.stdout.contains(value) && !other.stderr.contains(value), "\(value) shown by \(arguments[0])")
            }
        }
    }

    /// A corrections cell holding a character XML forbids (U+0001 from a copy and paste, a terminal
    /// escape sequence) is refused at its cell, never written, never played on the terminal.
    @Test(arguments: [0x01, 0x1B] as [UInt8])
    func correctionsCellWithAForbiddenCharacterIsRefusedAtItsCell(_ code: UInt8) throws {
        // Given by its code: the test log would play the sequence.
        let cell = "Ker" + String(UnicodeScalar(code)) + "[31mvella"
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corrections = dir + "/corrections.csv"
        try "idTechnique;nomNaissance\nACK-2026-0002;\(cell)\n".write(toFile: corrections, atomically: true, encoding: .utf8)
        let arguments = ["repair", "Samples/deposit.xml", "Samples/report.xml", "--corrections", corrections, "--dry-run", "--diff", "--lang", "en"]
        let r = try CLI.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!r.stderr.contains("vella") && !r.stdout.contains("vella"), "the refused value is personal: masked")
        // Not quoted in the expectation: the test log would play the escape sequence.
        let escapes = try CLI.run(arguments + ["--show-personal-data"]).stdout.contains("\u{1B}")
        #expect(r.stderr.contains("corrections.csv: line 2, column 2"), "\(r.stderr)")
        #expect(!escapes, "an escape sequence reaches the terminal")
    }

    /// The files ackfix writes hold the same personal data as the deposit: they must not be readable
    /// by more people than the deposit, nor than the umask allows, and `check --fix --in-place` keeps
    /// the deposit's own mode.
    @Test func writtenFilesAreNoMoreReadableThanTheDeposit() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in ["deposit.xml", "report.xml"] {
            try FileManager.default.copyItem(atPath: CLI.root + "/Samples/" + f, toPath: dir + "/" + f)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/deposit.xml")
        // Under umask 077, as a shared machine holding personal data should run.
        func run(_ arguments: [String]) throws -> CLI.Result {
            try CLI.run(["-c", "umask 077 && exec \"$0\" \"$@\"", CLI.binary] + arguments + ["--lang", "en"], executable: "/bin/sh", in: dir)
        }
        #expect(try run(["repair", "deposit.xml", "report.xml", "-o", "out.xml"]).status == 1)
        #expect(try run(["check", "deposit.xml", "--fix", "-o", "fixed.xml"]).status == 1)
        #expect(try run(["check", "deposit.xml", "--fix", "--in-place"]).status == 1)
        for f in ["out.xml", "fixed.xml", "deposit.xml"] {
            let mode = try FileManager.default.attributesOfItem(atPath: dir + "/" + f)[.posixPermissions] as? Int ?? 0o777
            #expect(mode & 0o077 == 0, "\(f) has mode \(String(mode, radix: 8))")
        }
    }

    /// `check --schema` hands the XSD to libxml2, whose schema reader substitutes entities: what it
    /// may load goes through ackfix's deny-all entity loader, so an XSD can neither read a file,
    /// reach the network nor expand entities without bound.
    @Test func aHostileSchemaReadsNothingAndLoadsNothing() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let secret = "ackfix-secret-\(UUID().uuidString)"
        try secret.write(toFile: dir + "/secret.txt", atomically: true, encoding: .utf8)
        let xsd = try CLI.run(["schema"]).stdout
        let prolog = try #require(xsd.range(of: "?>")).upperBound
        func schema(_ name: String, doctype: String = "", documentation: String = "", extra: String = "") throws -> String {
            var text = xsd
            text.insert(contentsOf: "\n" + doctype, at: prolog)
            text = text.replacingOccurrences(of: "</xs:schema>", with: extra
                + "<xs:annotation><xs:documentation>\(documentation)</xs:documentation></xs:annotation></xs:schema>")
            try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
            return name
        }
        let laughs = (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
        let cases: [(file: String, statuses: [Int32])] = [
            (try schema("xxe.xsd", doctype: "<!DOCTYPE xs:schema [<!ENTITY x SYSTEM \"file://\(dir)/secret.txt\">]>", documentation: "&x;"), [0, 1]),
            (try schema("laughs.xsd", doctype: "<!DOCTYPE xs:schema [<!ENTITY l0 \"lol\">\(laughs)]>", documentation: "&l9;"), [2]),
            (try schema("include.xsd", extra: "<xs:include schemaLocation=\"http://127.0.0.1:9/cpf.xsd\"/>"), [2]),
            (try schema("include-file.xsd", extra: "<xs:include schemaLocation=\"file://\(dir)/secret.txt\"/>"), [2]),
        ]
        let clock = ContinuousClock()
        for c in cases {
            let start = clock.now
            let r = try CLI.run(["check", "Samples/deposit.xml", "--schema", dir + "/" + c.file, "--format", "json", "--lang", "en"])
            #expect(c.statuses.contains(r.status), "\(c.file): exit \(r.status), \(r.stderr)")
            #expect(clock.now - start < .seconds(20), "\(c.file)")
            #expect(!r.stdout.contains(secret) && !r.stderr.contains(secret), "\(c.file): the file was read")
        }
    }
}
