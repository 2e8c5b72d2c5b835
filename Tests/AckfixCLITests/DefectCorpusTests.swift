import Foundation
import Testing

/// `ackfix check` on the defect corpus (Tests/Fixtures/defects): a clean base deposit, and copies of
/// it with one defect each. manifest.tsv says, per file, the code expected and the line it is
/// reported at (`file<TAB>code<TAB>line<TAB>note`).
@Suite struct DefectCorpusTests {
    struct Entry: Sendable, CustomTestStringConvertible {
        let file: String
        let code: String
        let line: Int
        let note: String
        var testDescription: String { "\(file) \(code)@\(line)" }
    }

    static let directory = CLI.root + "/Tests/Fixtures/defects"

    static let entries: [Entry] = {
        guard let data = FileManager.default.contents(atPath: directory + "/manifest.tsv") else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { row in
            if row.hasPrefix("#") || row.allSatisfy(\.isWhitespace) { return nil }
            let f = row.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, let line = Int(f[2]) else { return Entry(file: String(row), code: "?", line: -1, note: "malformed manifest row") }
            return Entry(file: f[0], code: f[1], line: line, note: f.count > 3 ? f[3] : "")
        }
    }()

    /// Every code the corpus must cover (D01/D02, file size and passage count, are out of its scope).
    static let requiredCodes: [String] =
        (1...11).map { String(format: "X%02d", $0) } + (1...20).map { String(format: "B%02d", $0) }
        + (1...6).map { String(format: "H%02d", $0) } + ["D03", "D04"]

    struct Found {
        let code: String
        let line: Int
        let severity: String
    }

    /// The diagnostics of `ackfix check FILE --format json`, with the exit status.
    static func check(_ path: String) throws -> (status: Int32, diagnostics: [Found], stderr: String) {
        let r = try CLI.run(["check", path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        let json = try #require(object as? [String: Any], "not a JSON object: \(r.stdout.prefix(200)) \(r.stderr)")
        let list = try #require(json["diagnostics"] as? [[String: Any]], "no diagnostics array")
        let found = list.map {
            Found(code: $0["code"] as? String ?? "?", line: $0["line"] as? Int ?? -1, severity: $0["severity"] as? String ?? "?")
        }
        return (r.status, found, r.stderr)
    }

    @Test("each defect is reported with its code, on its line", arguments: entries)
    func defect(_ entry: Entry) throws {
        let path = Self.directory + "/" + entry.file
        try #require(FileManager.default.fileExists(atPath: path), "missing \(entry.file)")
        let r = try Self.check(path)
        #expect(r.status == 0 || r.status == 1, "exit \(r.status): \(r.stderr)")
        let described = r.diagnostics.map { "\($0.code)@\($0.line) \($0.severity)" }.joined(separator: ", ")
        #expect(r.diagnostics.contains { $0.code == entry.code && $0.line == entry.line },
                "\(entry.file): \(entry.code) expected on line \(entry.line) (\(entry.note)); got [\(described)]")
        // Warnings and infos that follow from the same defect are tolerated; another error is not.
        let unexpected = r.diagnostics.filter { $0.severity == "error" && $0.code != entry.code }
        #expect(unexpected.isEmpty, "\(entry.file): unexpected errors [\(described)]")
    }

    @Test func baseDepositIsClean() throws {
        let r = try Self.check(Self.directory + "/base.xml")
        #expect(r.status == 0)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { "\($0.code)@\($0.line)" })")
    }

    @Test func corpusCoversEveryCode() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory)
            .filter { $0.hasSuffix(".xml") && $0 != "base.xml" }
        #expect(files.count >= 40, "only \(files.count) defect files")
        let entries = Self.entries
        #expect(!entries.isEmpty, "manifest.tsv missing or empty")
        #expect(entries.allSatisfy { $0.line > 0 }, "malformed rows: \(entries.filter { $0.line <= 0 }.map(\.file))")
        let covered = Set(entries.map(\.code))
        let missing = Self.requiredCodes.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a defect file: \(missing)")
        // The manifest and the directory name the same files.
        #expect(Set(entries.map(\.file)) == Set(files), "manifest and directory differ")
        #expect(Set(entries.map(\.file)).count == entries.count, "a file is listed twice")
    }
}
