import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Names, birth dates, birth places, NIR and CPF file numbers never reach standard output or
/// standard error without --show-personal-data: every command, every format, the samples, the
/// defect corpus, corrections that are applied and corrections that are refused. The values looked
/// for are read from the input files themselves (see `PersonalValue`), so a new sample or fixture
/// is covered without touching this test.
@Suite struct PersonalDataTests {
    /// One command line, run from the package root.
    struct Run: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let functional = (report: "Samples/report.xml", deposit: "Samples/deposit.xml", corrections: "Samples/corrections.csv")
    static let rejection = (report: "Samples/rejection.xml", deposit: "Samples/deposit-rejected.xml", corrections: "Samples/corrections-rejected.csv")
    static let defects: [String] = {
        let dir = CLI.root + "/Tests/Fixtures/defects"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { "Tests/Fixtures/defects/" + $0 }
    }()
    static let checkedDeposits = ["Samples/deposit.xml", "Samples/deposit-rejected.xml", "Samples/deposit-2026.xml"] + defects

    /// Written once for every run: outputs, and corrections that fail (their invented values are
    /// searched too).
    static let scratch = CLI.scratch()

    /// Corrections for the first passage a sample corrections file names: `read` holds a value
    /// refused while the file is read, `output` one only the file to write turns out to refuse (a
    /// control character, docs/security.md known issue 3), beside values that read well.
    static func badCorrections(for pair: (report: String, deposit: String, corrections: String)) -> (read: String, output: String) {
        let sample = (try? String(contentsOfFile: CLI.root + "/" + pair.corrections, encoding: .utf8)) ?? ""
        let id = sample.split(whereSeparator: \.isNewline).dropFirst().first?.split(separator: ";").first.map(String.init) ?? "?"
        let stem = scratch + "/" + URL(fileURLWithPath: pair.corrections).deletingPathExtension().lastPathComponent
        let read = stem + "-bad-read.csv", output = stem + "-bad-output.csv"
        _ = FileManager.default.createFile(atPath: read, contents: Data("idTechnique;prenom1;jourNaissance\n\(id);Clémentine;Trente\n".utf8))
        _ = FileManager.default.createFile(atPath: output, contents: Data("idTechnique;nomNaissance;prenom2;codeInsee\n\(id);Vasseur-Quentin;Maël\u{7};7505O\n".utf8))
        return (read, output)
    }
    static let badFiles = [functional, rejection].map(badCorrections)

    static let runs: [Run] = {
        var runs: [[String]] = []
        for (pair, bad) in zip([functional, rejection], badFiles) {
            for format in ["text", "json", "markdown"] {
                runs.append(["explain", pair.report, "--format", format])
                runs.append(["explain", pair.report, "--deposit", pair.deposit, "--format", format])
            }
            for format in ["text", "json"] {
                for corrections in [nil, pair.corrections, bad.read, bad.output] {
                    // A fixed idFlux: a random UUID may hold four digits that look like a birth year.
                    let base = ["repair", pair.deposit, pair.report, "--format", format, "--diff", "--flux-id", "pii-test"]
                        + (corrections.map { ["--corrections", $0] } ?? [])
                    runs.append(base + ["--dry-run"])
                    runs.append(base + ["--dry-run", "--unsafe-fixes", "--duplicates", "renumber"])
                    runs.append(base + ["-o", scratch + "/out-\(runs.count).xml"])
                }
            }
        }
        for format in ["text", "json", "markdown", "sarif", "github", "junit"] {
            runs.append(["check"] + checkedDeposits + ["--format", format])
        }
        for format in ["text", "json"] {
            runs.append(["check", rejection.deposit, "--fix", "--unsafe-fixes", "-o", scratch + "/fixed-\(format).xml", "--format", format])
        }
        // Both languages: messages are worded apart, and each quotes values its own way.
        return runs.enumerated().map { i, arguments in Run(arguments: arguments + ["--lang", i % 2 == 0 ? "en" : "fr"]) }
    }()

    static let values: [PersonalValue] = PersonalValue.extract(
        deposits: checkedDeposits.map { CLI.root + "/" + $0 },
        corrections: [functional.corrections, rejection.corrections].map { CLI.root + "/" + $0 } + badFiles.flatMap { [$0.read, $0.output] },
        reports: [functional.report, rejection.report].map { CLI.root + "/" + $0 },
        binary: CLI.binary)

    @Test("personal data stays masked", arguments: runs)
    func staysMasked(_ run: Run) throws {
        let r = try CLI.run(run.arguments, environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect([0, 1, 2].contains(r.status), "exit \(r.status): \(r.stderr)")
        #expect(!r.stdout.isEmpty || !r.stderr.isEmpty)
        for (stream, text) in [("stdout", r.stdout), ("stderr", r.stderr)] {
            let haystack = SearchText(text)
            for v in Self.values where v.occurs(in: haystack) {
                Issue.record("\(v) appears on \(stream)")
            }
        }
    }

    /// The search is not vacuous: the same commands show the values when asked.
    @Test func showPersonalDataShowsThem() throws {
        let shown = [
            ["explain", Self.functional.report, "--deposit", Self.functional.deposit, "--show-personal-data"],
            ["repair", Self.functional.deposit, Self.functional.report, "--corrections", Self.functional.corrections,
             "--dry-run", "--diff", "--unsafe-fixes", "--flux-id", "pii-test", "--show-personal-data"],
            ["repair", Self.rejection.deposit, Self.rejection.report, "--corrections", Self.badFiles[1].output,
             "--dry-run", "--format", "json", "--flux-id", "pii-test", "--show-personal-data"],
            ["check", Self.rejection.deposit, "Tests/Fixtures/defects/53-digits-in-name.xml", "--format", "json", "--show-personal-data"],
        ]
        var found = Set<String>()
        for arguments in shown {
            let r = try CLI.run(arguments + ["--lang", "en"], environment: ["SOURCE_DATE_EPOCH": "1790000000"])
            let haystack = SearchText(r.stdout + "\n" + r.stderr)
            found.formUnion(Self.values.filter { $0.occurs(in: haystack) }.map(\.field))
        }
        for field in ["nomNaissance", "prenom1", "anneeNaissance", "codeInsee"] {
            #expect(found.contains(field), "no \(field) shown with --show-personal-data (shown: \(found.sorted()))")
        }
    }

    @Test func everyKindOfValueIsSearched() {
        let fields = Set(Self.values.map(\.field))
        for field in ["nomNaissance", "nomUsage", "prenom1", "birthDate", "anneeNaissance", "codeInsee", "codePostal",
                      "libelleCommuneNaissance", "nir", "idDossier", "nomTitulaire", "prenom1Titulaire"] {
            #expect(fields.contains(field), "no \(field) value is searched")
        }
        #expect(Self.values.count >= 40, "\(Self.values.count) values")
        #expect(Self.values.contains { $0.value == "7505" }, "the four-digit INSEE code the rejection report quotes")
        #expect(Self.values.contains { $0.value == "7505o" && $0.source.hasSuffix("bad-output.csv") })
    }
}

/// A personal value to look for in what ackfix prints, read from the inputs: the text of every
/// personal element of the deposits (names, given names, birth year, birth place codes and names,
/// NIR, CPF file number and holder), every birth date rebuilt from its three parts (2026-03-14,
/// 14/03/2026, 14/3/2026), and the personal cells of the corrections files.
///
/// Only values that cannot appear by chance are searched:
/// - at least 4 characters: a birth day « 12 », a month « 3 » or a country code « 134 » are line,
///   column and count numbers too;
/// - digits only (years, INSEE and postal codes, NIR) match as a whole number, bounded by non-digits;
/// - not in ackfix's own binary (« France », « Paris »: its messages and time zone say them);
/// - not in what the inputs may show: their file names (23-anneeNaissance-1890.xml), the deposits
///   without their personal elements (ids, codes, dates of the exam), the reports without the
///   CDC's messages (those quote deposit values, and must be masked).
/// Matching ignores case, and each value is also looked for as JSON, XML and GitHub workflow
/// commands escape it.
struct PersonalValue: Sendable, CustomStringConvertible {
    /// Lower-cased.
    let value: String
    let field: String
    let source: String
    /// The value as each output format may write it.
    let forms: [String]

    var description: String { "\(field) « \(value) » from \(URL(fileURLWithPath: source).lastPathComponent)" }

    static let personalFields: Set<String> = [
        "nomNaissance", "nomUsage", "prenom1", "prenom2", "prenom3", "anneeNaissance", "moisNaissance", "jourNaissance",
        "codeInsee", "codePostal", "libelleCommuneNaissance", "codePaysNaissance", "libellePaysNaissance", "commentairesMEN",
        "idDossier", "nomTitulaire", "prenom1Titulaire", "nir",
    ]

    init(value: String, field: String, source: String) {
        let v = value.lowercased()
        self.value = v
        self.field = field
        self.source = source
        let xml = v.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&apos;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
        let json = v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let github = v.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ":", with: "%3a")
            .replacingOccurrences(of: ",", with: "%2c")
        forms = Array(Set([v, xml, json, github]))
    }

    var isNumber: Bool { value.utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// Found in `text`, as a whole number when it is one.
    func occurs(in text: SearchText) -> Bool {
        forms.contains { text.contains($0, wholeNumber: isNumber) }
    }

    // MARK: - Extraction

    static func extract(deposits: [String], corrections: [String], reports: [String], binary: String) -> [PersonalValue] {
        var candidates: [PersonalValue] = []
        // What the inputs hold besides personal data: ackfix may show any of it.
        var shown = (deposits + corrections + reports).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: "\n") + "\n"
        for path in deposits {
            let (leaves, rest) = scan(read(path), hiding: personalFields)
            shown += rest + "\n"
            var birthDates: [Int: [String: Int]] = [:]
            for leaf in leaves where personalFields.contains(leaf.name) {
                candidates.append(PersonalValue(value: leaf.value, field: leaf.name, source: path))
                if let holder = leaf.holder, let n = Int(leaf.value) { birthDates[holder, default: [:]][leaf.name] = n }
            }
            for parts in birthDates.values {
                guard let y = parts["anneeNaissance"], let mo = parts["moisNaissance"], let d = parts["jourNaissance"] else { continue }
                let padded = (String(format: "%02d", d), String(format: "%02d", mo))
                for date in ["\(y)-\(padded.1)-\(padded.0)", "\(padded.0)/\(padded.1)/\(y)", "\(d)/\(mo)/\(y)"] {
                    candidates.append(PersonalValue(value: date, field: "birthDate", source: path))
                }
            }
        }
        for path in corrections {
            let lines = read(path).split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first else { continue }
            for row in lines.dropFirst() {
                for (name, cell) in zip(header, row) where personalFields.contains(name) {
                    candidates.append(PersonalValue(value: cell.trimmingCharacters(in: .whitespaces), field: name, source: path))
                }
            }
        }
        for path in reports {
            shown += scan(read(path), hiding: ["message", "messageErreur"]).rest + "\n"
        }
        let inputs = SearchText(shown)
        // ackfix's messages, names and time zones, as its binary holds them.
        let own = SearchText(utf8: FileManager.default.contents(atPath: binary)?.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) } ?? [])
        var seen = Set<String>()
        return candidates.filter { c in
            let v = c.value
            guard v.unicodeScalars.count >= 4, !["nil", "nill", "null"].contains(v), seen.insert(c.field + "|" + v).inserted else { return false }
            return !inputs.contains(v, wholeNumber: c.isNumber) && !own.contains(v, wholeNumber: c.isNumber)
        }
    }

    /// The leaf elements of a deposit or report (local name, decoded text, and which `titulaire`
    /// block holds it), and the file without the text of the leaves named in `hidden`. Enough for
    /// the project's own files: no CDATA, no `<` in comments.
    static func scan(_ xml: String, hiding hidden: Set<String>) -> (leaves: [(name: String, value: String, holder: Int?)], rest: String) {
        var leaves: [(name: String, value: String, holder: Int?)] = []
        var rest = ""
        var holders = 0
        var holder: Int?
        let pieces = xml.split(separator: "<", omittingEmptySubsequences: false)
        func localName(_ tag: Substring) -> String {
            let name = tag.prefix { !" \t\r\n/>".contains($0) }
            return String(name.split(separator: ":").last ?? name)
        }
        for (i, piece) in pieces.enumerated() {
            guard let close = piece.firstIndex(of: ">") else {
                rest += "<" + piece
                continue
            }
            let tag = piece[..<close]
            let text = piece[piece.index(after: close)...]
            rest += "<" + tag + ">"
            let name = localName(tag.drop { $0 == "/" })
            if name == "titulaire" {
                if tag.hasPrefix("/") {
                    holder = nil
                } else {
                    holders += 1
                    holder = holders
                }
            }
            let isStart = !tag.hasPrefix("/") && !tag.hasPrefix("?") && !tag.hasPrefix("!") && !tag.hasSuffix("/")
            if isStart, i + 1 < pieces.count, pieces[i + 1].hasPrefix("/"), localName(pieces[i + 1].dropFirst()) == name {
                leaves.append((name, decode(String(text)), holder))
                if hidden.contains(name) { continue }
            }
            rest += text
        }
        return (leaves, rest)
    }

    private static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        // The defect corpus has a Latin-1 deposit.
        return String(data: data, encoding: .utf8) ?? String(data.map { Character(Unicode.Scalar($0)) })
    }

    /// The five predefined entities and character references (&#201;lodie).
    private static func decode(_ text: String) -> String {
        var out = text.replacing(/&#(x?)([0-9A-Fa-f]+);/) { m in
            UInt32(m.output.2, radix: m.output.1.isEmpty ? 10 : 16).flatMap(Unicode.Scalar.init).map { String($0) } ?? ""
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Text searched byte by byte (glibc's strstr): the outputs of `check` on the whole defect corpus
/// and ackfix's binary are large, and Swift's String search, by grapheme cluster, is far too slow
/// in a debug build.
struct SearchText: Sendable {
    /// Lower-cased UTF-8, line breaks for NUL bytes, NUL-terminated.
    private let bytes: [UInt8]

    init(_ text: String) { self.init(utf8: Array(text.lowercased().utf8)) }

    /// Bytes that need not be text (a binary): only ASCII letters are lower-cased.
    init(utf8: [UInt8]) {
        var b = utf8
        b.withUnsafeMutableBufferPointer { p in
            for i in p.indices {
                if p[i] == 0 { p[i] = 0x0A } else if p[i] >= 0x41 && p[i] <= 0x5A { p[i] += 0x20 }
            }
        }
        b.append(0)
        bytes = b
    }

    func contains(_ needle: String, wholeNumber: Bool) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                let base = text.baseAddress!
                return needle.withCString { n in
                    var from = base
                    let length = strlen(n)
                    while let hit = strstr(from, n) {
                        guard wholeNumber else { return true }
                        let before = hit == base ? 0 : hit[-1]
                        if !Self.isDigit(before), !Self.isDigit(hit[length]) { return true }
                        from = UnsafePointer(hit + 1)
                    }
                    return false
                }
            }
        }
    }

    private static func isDigit(_ c: CChar) -> Bool { c >= 0x30 && c <= 0x39 }
}

