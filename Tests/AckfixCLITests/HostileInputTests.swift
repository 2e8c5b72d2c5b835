import Foundation
import Testing

/// Hostile inputs (Tests/Fixtures/hostile/manifest.tsv, plus very large files generated here) run
/// through the built binary: each must end with the expected exit code, in time, without a crash,
/// with at most one line on standard error, without leaving anything behind when it fails, and
/// without touching its inputs.
@Suite struct HostileInputTests {
    static let folder = CLI.root + "/Tests/Fixtures/hostile"
    static let companionDeposit = "companion-deposit.xml"
    static let companionReport = "companion-report.xml"
    static let timeLimit = Duration.seconds(20)

    /// One run: a file in a role, one command, what must come out.
    struct Case: Sendable, CustomTestStringConvertible {
        /// As written in the manifest: a name in the fixtures folder, or `Samples/…`.
        let file: String
        let role: String
        let command: String
        /// Exit codes accepted (one, except for the generated huge values).
        let statuses: [Int32]
        /// Expected on standard error when the exit code is 2; nil for none.
        let fragment: String?
        /// Manifest line, for the messages.
        let line: Int

        var name: String { file.split(separator: "/").last.map(String.init) ?? file }
        var source: String { file.hasPrefix("Samples/") ? CLI.root + "/" + file : HostileInputTests.folder + "/" + file }
        var testDescription: String { "\(file) · \(command) → \(statuses.map(String.init).joined(separator: "|"))" }
    }

    static let commands: Set<String> = ["explain-report", "explain-deposit", "repair-deposit", "repair-report", "repair-corrections", "check"]

    /// Every line of the manifest, and for each `check` line the same file with `check --fix -o fixed.xml`.
    static let manifestCases: [Case] = {
        guard let data = FileManager.default.contents(atPath: folder + "/manifest.tsv") else { return [] }
        var cases: [Case] = []
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let statuses = fields.count == 5 ? fields[3].split(separator: "|").compactMap { Int32($0) } : []
            guard fields.count == 5, !statuses.isEmpty else {
                // Kept as a case that fails, so that a bad line is seen.
                cases.append(Case(file: raw.isEmpty ? "?" : String(raw), role: "?", command: "malformed-manifest-line",
                                  statuses: [], fragment: nil, line: index + 1))
                continue
            }
            let fragment = fields[4] == "-" || fields[4].isEmpty ? nil : fields[4]
            let c = Case(file: fields[0], role: fields[1], command: fields[2], statuses: statuses, fragment: fragment, line: index + 1)
            cases.append(c)
            if c.command == "check" {
                cases.append(Case(file: c.file, role: c.role, command: "check-fix", statuses: c.statuses, fragment: c.fragment, line: c.line))
            }
        }
        return cases
    }()

    // MARK: - The manifest

    @Test("every hostile input of the manifest", arguments: manifestCases)
    func manifestCase(_ c: Case) throws {
        try #require(c.command != "malformed-manifest-line", "manifest.tsv line \(c.line) does not have 5 tab-separated fields: \(c.file)")
        try #require(Self.commands.contains(c.command) || c.command == "check-fix", "manifest.tsv line \(c.line): unknown command \(c.command)")
        try #require(["deposit", "report", "corrections"].contains(c.role), "manifest.tsv line \(c.line): unknown role \(c.role)")
        try #require(FileManager.default.fileExists(atPath: c.source), "manifest.tsv line \(c.line): no file \(c.source)")
        try Self.execute(c, input: c.source)
    }

    @Test func manifestIsSoundAndCoversEveryFixture() throws {
        let cases = Self.manifestCases
        #expect(cases.filter { $0.command != "check-fix" }.count >= 32)
        let named = Set(cases.map(\.file))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0 != "manifest.tsv" }
        for f in files {
            #expect(named.contains(f), "\(f) is in Tests/Fixtures/hostile but not in manifest.tsv")
            let size = (try FileManager.default.attributesOfItem(atPath: Self.folder + "/" + f)[.size] as? Int) ?? 0
            #expect(size < 100_000, "\(f) is \(size) bytes: generate it in the test instead")
        }
        for c in cases where c.statuses == [2] {
            #expect(c.fragment != nil, "manifest.tsv line \(c.line): an exit 2 needs a stderr fragment")
        }
    }

    // MARK: - Generated large inputs

    /// A deposit too big (or too odd) to commit, written at test time from the companion deposit.
    struct Large: Sendable, CustomTestStringConvertible {
        let name: String
        let statuses: [Int32]
        let fragment: String?
        let make: @Sendable (String) throws -> Void
        var testDescription: String { name }
    }

    static let large: [Large] = [
        // 10,000 nested elements in the refused passage, and in the header, outside any passage.
        Large(name: "deep-nesting-in-passage.xml", statuses: [2], fragment: "too large") { path in
            try HostileInputTests.write(path, replacing: "<cpf:prenom1>Loïc</cpf:prenom1>",
                      with: ["<cpf:prenom1>Loïc</cpf:prenom1>", String(repeating: "<x>", count: 10_000), String(repeating: "</x>", count: 10_000)])
        },
        Large(name: "deep-nesting-in-header.xml", statuses: [2], fragment: "depth") { path in
            try HostileInputTests.write(path, replacing: "</cpf:horodatage>",
                      with: ["</cpf:horodatage>", String(repeating: "<x>", count: 10_000), String(repeating: "</x>", count: 10_000)])
        },
        // A 50 MB birth name in the refused passage: a huge value in an otherwise valid deposit.
        // Exit 1 if ackfix reads it and reports it; exit 2 only with a clear message.
        Large(name: "huge-text-node.xml", statuses: [1, 2], fragment: "huge-text-node.xml") { path in
            try HostileInputTests.write(path, replacing: "<cpf:nomNaissance>Ferrand</cpf:nomNaissance>",
                      with: ["<cpf:nomNaissance>", Data(repeating: UInt8(ascii: "F"), count: 50 * 1024 * 1024), "</cpf:nomNaissance>"])
        },
        // 20,000 distinct element names, in the header.
        Large(name: "many-names.xml", statuses: [2], fragment: "element names") { path in
            try HostileInputTests.write(path, replacing: "</cpf:horodatage>",
                      with: ["</cpf:horodatage>", (0..<20_000).map { "<n\($0)/>" }.joined()])
        },
        // 100,000 children in one passage.
        Large(name: "huge-passage.xml", statuses: [2], fragment: "too large") { path in
            try HostileInputTests.write(path, replacing: "<cpf:prenom1>Loïc</cpf:prenom1>",
                      with: ["<cpf:prenom1>Loïc</cpf:prenom1>", String(repeating: "<cpf:prenom2>Léa</cpf:prenom2>", count: 100_000)])
        },
        // One element with 100,000 attributes.
        Large(name: "attribute-bomb.xml", statuses: [2], fragment: "too long") { path in
            try HostileInputTests.write(path, replacing: "<cpf:prenom1>Loïc</cpf:prenom1>",
                      with: ["<cpf:prenom1 ", (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " "), ">Loïc</cpf:prenom1>"])
        },
    ]

    /// The companion deposit with `marker` replaced by `parts`, written piece by piece.
    private static func write(_ path: String, replacing marker: String, with parts: [any Sendable]) throws {
        let base = try String(contentsOfFile: folder + "/" + companionDeposit, encoding: .utf8)
        guard let range = base.range(of: marker) else { throw CocoaError(.fileReadCorruptFile) }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(base[..<range.lowerBound].utf8))
        for part in parts {
            if let s = part as? String { try handle.write(contentsOf: Data(s.utf8)) }
            if let d = part as? Data { try handle.write(contentsOf: d) }
        }
        try handle.write(contentsOf: Data(base[range.upperBound...].utf8))
    }

    @Test("generated large inputs", .serialized, arguments: large)
    func largeInput(_ l: Large) throws {
        let cache = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let path = cache + "/" + l.name
        try l.make(path)
        for command in ["check", "check-fix", "explain-deposit", "repair-deposit"] {
            let c = Case(file: l.name, role: "deposit", command: command, statuses: l.statuses, fragment: l.fragment, line: 0)
            try Self.execute(c, input: path)
        }
    }

    // MARK: - What the manifest cannot say (standard output)

    @Test func duplicateIdsAreReportedAsB05() throws {
        let r = try CLI.run(["check", "Tests/Fixtures/hostile/duplicate-ids.xml", "--format", "json", "--lang", "en"])
        #expect(r.status == 1, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let codes = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("B05"), "\(codes)")
    }

    @Test func undeclaredSingleByteTextIsReportedByCheck() throws {
        for file in ["latin1-undeclared.xml", "invalid-utf8.xml"] {
            let r = try CLI.run(["check", "Tests/Fixtures/hostile/" + file, "--format", "json", "--lang", "en"])
            #expect(r.status == 0 || r.status == 1, "\(file): \(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let codes = (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes.contains("D04"), "\(file): not reported as not UTF-8: \(codes)")
        }
    }

    @Test func unknownRefusedIdsAreListedAndAccounted() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in [Self.companionDeposit, "report-unknown-ids.xml"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + f, toPath: dir + "/" + f)
        }
        let explain = try CLI.run(["explain", "report-unknown-ids.xml", "--deposit", Self.companionDeposit, "--lang", "en"], in: dir)
        #expect(explain.status == 1, "\(explain.stderr)")
        #expect(explain.stdout.contains("ACK-2026-9901") && explain.stdout.contains("ACK-2026-9902"))
        let repair = try CLI.run(["repair", Self.companionDeposit, "report-unknown-ids.xml", "--format", "json", "-o", "out.xml", "--lang", "en"], in: dir)
        #expect(repair.status == 1, "\(repair.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(repair.stdout.utf8)) as? [String: Any])
        let counts = json["counts"] as? [String: Int] ?? [:]
        #expect(counts["not-in-deposit"] == 2 && counts["total"] == 3, "\(counts)")
    }

    @Test func aReportAboutAnotherDepositNeedsForce() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in [Self.companionDeposit, "report-other-deposit.xml"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + f, toPath: dir + "/" + f)
        }
        let refused = try CLI.run(["repair", Self.companionDeposit, "report-other-deposit.xml", "-o", "out.xml", "--lang", "en"], in: dir)
        #expect(refused.status == 2 && !FileManager.default.fileExists(atPath: dir + "/out.xml"))
        let forced = try CLI.run(["repair", Self.companionDeposit, "report-other-deposit.xml", "-o", "out.xml", "--force", "--lang", "en"], in: dir)
        #expect(forced.status == 1, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out.xml"))
    }

    /// After a functional report the encoding is kept: the output starts as the deposit does (byte
    /// order mark, declaration) and reads back as a deposit.
    @Test(arguments: ["utf16.xml", "utf16be-bom.xml", "latin1-long-accented-name.xml", "windows1252-declared.xml"])
    func repairKeepsTheEncodingItDeclares(_ file: String) throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: Self.folder + "/" + file, toPath: dir + "/" + file)
        let report = try String(contentsOfFile: Self.folder + "/" + Self.companionReport, encoding: .utf8)
            .replacingOccurrences(of: "<nomFichier>\(Self.companionDeposit)</nomFichier>", with: "<nomFichier>\(file)</nomFichier>")
        try report.write(toFile: dir + "/report.xml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["repair", file, "report.xml", "-o", "out.xml", "--lang", "en"], in: dir)
        #expect(r.status == 1 && r.stderr.isEmpty, "\(r.stderr) \(r.stdout.prefix(600))")
        let input = try #require(FileManager.default.contents(atPath: dir + "/" + file))
        let output = try #require(FileManager.default.contents(atPath: dir + "/out.xml"))
        #expect(output.prefix(80) == input.prefix(80), "\(file): the output does not start as the deposit")
        let check = try CLI.run(["check", "out.xml", "--lang", "en"], in: dir)
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
    }

    /// A refusal is one line, in the user's language, with the real cause.
    @Test(arguments: [
        ("cut-in-passage.xml", "before its end", "avant sa fin"),
        ("whitespace-only.xml", "empty", "vide"),
        ("nul-bytes.xml", "forbidden character U+0000", "caractère interdit U+0000"),
        ("invalid-char-ref.xml", "forbidden character U+0000", "caractère interdit U+0000"),
        ("declared-utf16-but-utf8.xml", "is not UTF-16", "n'est pas en UTF-16"),
    ])
    func refusalsGiveTheCauseInBothLanguages(_ file: String, _ en: String, _ fr: String) throws {
        for (lang, expected) in [("en", en), ("fr", fr)] {
            let r = try CLI.run(["check", "Tests/Fixtures/hostile/" + file, "--lang", lang])
            #expect(r.status == 2)
            #expect(r.stderr.split(whereSeparator: \.isNewline).count == 1 && r.stderr.contains(expected), "\(lang): \(r.stderr)")
            #expect(!r.stderr.contains("Extra content") && !r.stderr.contains("UTF-8 valide") && !r.stderr.contains("not valid UTF-8"), "\(r.stderr)")
        }
    }

    /// No personal value of the corrections file reaches standard error.
    @Test func correctionsRefusalsMaskPersonalValues() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in [Self.companionDeposit, Self.companionReport, "corrections-overlong-value.csv"] {
            try FileManager.default.copyItem(atPath: Self.folder + "/" + f, toPath: dir + "/" + f)
        }
        let r = try CLI.run(["repair", Self.companionDeposit, Self.companionReport, "--corrections", "corrections-overlong-value.csv",
                             "--dry-run", "--lang", "en"], in: dir)
        #expect(r.status == 2 && !r.stderr.contains("FFFF") && r.stderr.count < 300, "\(r.stderr.prefix(300))")
    }

    // MARK: - Running one case

    static func arguments(_ c: Case) -> [String] {
        let n = c.name
        let args: [String]
        switch c.command {
        case "explain-report": args = ["explain", n, "--deposit", companionDeposit]
        case "explain-deposit": args = ["explain", companionReport, "--deposit", n]
        case "repair-deposit": args = ["repair", n, companionReport, "-o", "resubmission.xml"]
        case "repair-report": args = ["repair", companionDeposit, n, "-o", "resubmission.xml"]
        case "repair-corrections": args = ["repair", companionDeposit, companionReport, "--corrections", n, "-o", "resubmission.xml"]
        case "check-fix": args = ["check", n, "--fix", "-o", "fixed.xml"]
        default: args = ["check", n]
        }
        return args + ["--lang", "en"]
    }

    /// Copies the input (and the companions) into a fresh folder, runs the case there and checks
    /// everything that must hold whatever the input.
    static func execute(_ c: Case, input: String) throws {
        let fm = FileManager.default
        let dir = CLI.scratch()
        defer { try? fm.removeItem(atPath: dir) }
        try fm.copyItem(atPath: input, toPath: dir + "/" + c.name)
        for companion in [companionDeposit, companionReport] where companion != c.name {
            var data = try #require(fm.contents(atPath: folder + "/" + companion))
            if companion == companionReport, c.command == "explain-deposit" || c.command == "repair-deposit" {
                // The report is about the file under test, so that nomFichier matches.
                data = Data(String(decoding: data, as: UTF8.self)
                    .replacingOccurrences(of: "<nomFichier>\(companionDeposit)</nomFichier>", with: "<nomFichier>\(c.name)</nomFichier>").utf8)
            }
            try data.write(to: URL(fileURLWithPath: dir + "/" + companion))
        }
        let inputs = try fm.contentsOfDirectory(atPath: dir)
        var before: [String: Data] = [:]
        for f in inputs { before[f] = fm.contents(atPath: dir + "/" + f) }

        let clock = ContinuousClock()
        let start = clock.now
        let r = try CLI.run(arguments(c), in: dir)
        let elapsed = clock.now - start

        let what = "\(c.file) · \(arguments(c).joined(separator: " "))"
        let stderrLines = r.stderr.split(whereSeparator: \.isNewline)
        let context = "status \(r.status), stderr: \(r.stderr.prefix(600)), stdout: \(r.stdout.prefix(600))"

        // Ended normally: a signal (crash, trap, abort) gives its number, never 0, 1, 2 or 64.
        #expect([0, 1, 2, 64].contains(r.status), "\(what): did not end normally — \(context)")
        #expect(c.statuses.contains(r.status), "\(what): exit \(r.status), expected \(c.statuses) — \(context)")
        #expect(elapsed < timeLimit, "\(what): took \(elapsed)")
        #expect(stderrLines.count <= 1, "\(what): \(stderrLines.count) lines on stderr — \(r.stderr.prefix(600))")
        if r.status == 2 || c.statuses == [2] {
            #expect(r.stderr.hasPrefix("ackfix: "), "\(what): no « ackfix: <path>: <cause> » line on stderr — \(context)")
            #expect(r.stderr.contains(c.name), "\(what): stderr does not name \(c.name) — \(context)")
            if let fragment = c.fragment {
                #expect(r.stderr.contains(fragment), "\(what): stderr lacks « \(fragment) » — \(context)")
            }
        }

        let after = try fm.contentsOfDirectory(atPath: dir)
        let hidden = after.filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "\(what): hidden file(s) left behind: \(hidden)")
        if r.status == 2 || c.statuses == [2] {
            let extra = Set(after).subtracting(inputs)
            #expect(extra.isEmpty, "\(what): exit \(r.status) but wrote \(extra.sorted())")
        }
        for f in inputs {
            #expect(fm.contents(atPath: dir + "/" + f) == before[f], "\(what): input \(f) was modified")
        }
    }
}
