import Foundation
import Testing

/// Nothing lost: over deposits and reports invented by `ackfix-gen` (sizes, KO shares, error
/// classes, both schema generations, the repair options), `ackfix repair` accounts for every refused
/// passage exactly once, its exit code follows the outcomes (docs/repair.md), the file it writes
/// holds exactly the passages it says go out and validates (xmllint against `ackfix schema`, and
/// `ackfix check --select X`), and the same inputs give the same bytes again.
@Suite struct RepairPropertyTests {
    /// One generated deposit and report, and how repair is asked to treat them.
    struct Case: Sendable, CustomTestStringConvertible {
        let seed: UInt64
        let passages: Int
        let koShare: Double
        /// `--mix` of ackfix-gen; nil for its standard mix.
        let mix: String?
        let generation: String
        /// Certification blocks (`--certifications`); nil for ackfix-gen's default (one per 1,000 passages).
        let certifications: Int?
        let options: [String]
        /// Repair a second time and compare the bytes.
        let checksReproducibility: Bool
        /// Add to the report a refusal of an id the deposit lacks (ackfix-gen never writes one).
        let addsUnknownID: Bool

        var testDescription: String {
            "seed \(seed), \(passages) passages, KO \(Int(koShare * 100)) %, \(mix ?? "standard mix"), "
                + "\(certifications.map { "\($0) blocks" } ?? "default blocks"), \(generation) \(options.joined(separator: " "))"
                + (addsUnknownID ? ", unknown id" : "")
        }
    }

    static let sizes = [10, 37, 120, 300, 64, 200, 15]
    static let mixes: [String?] = [
        nil,
        "duplicate-id=1",
        "certification-status-ko=3,duplicate-id=1",
        "holder-not-found=1,holder-ambiguous=1,validity-dates-inverted=1,unclassified=1",
        "certification-status-ko=1",
        "holder-not-found-birth-date=2,holder-not-found-reconciliation=1,duplicate-id=1",
    ]
    /// Several blocks exercise moving fixed passages to a block of the right type and code.
    static let blockCounts: [Int?] = [nil, 3, 8]
    static let optionSets: [[String]] = [[], ["--duplicates", "renumber"], ["--unsafe-fixes"], ["--duplicates", "renumber", "--unsafe-fixes"]]

    /// Every generation × KO share × option set (32 runs), sizes, mixes and blocks rotating through them.
    static let cases: [Case] = {
        var cases: [Case] = []
        for generation in ["1.1.2", "1.1.5"] {
            for koShare in [0, 0.05, 0.5, 1] {
                for options in optionSets {
                    let i = cases.count
                    cases.append(Case(seed: UInt64(1000 + i * 7919), passages: sizes[i % sizes.count], koShare: koShare,
                                      mix: mixes[i % mixes.count], generation: generation,
                                      certifications: blockCounts[i % blockCounts.count], options: options,
                                      checksReproducibility: i % 3 == 0, addsUnknownID: i % 4 == 2))
                }
            }
        }
        return cases
    }()

    static let outcomes = ["resubmitted", "resubmitted-fixed", "needs-review", "already-recorded", "not-in-deposit"]
    /// The outcomes whose passage is in the file written.
    static let sentOutcomes: Set<String> = ["resubmitted", "resubmitted-fixed", "needs-review"]
    static let environment = ["SOURCE_DATE_EPOCH": "1790000000"]
    static let fluxID = "00000000-0000-4000-8000-000000000001"
    /// As SchemaAgreementTests runs it (libxml2's own validator, no network).
    static let xmllint = "/usr/bin/xmllint"

    /// ackfix's own XSD per generation, written once: what xmllint validates the outputs against.
    static let schemas: [String: String] = {
        let dir = CLI.scratch()
        var paths: [String: String] = [:]
        for generation in ["1.1.2", "1.1.5"] {
            guard let r = try? CLI.run(["schema", "--version", generation]), r.status == 0 else { continue }
            let path = dir + "/cpf-\(generation).xsd"
            _ = FileManager.default.createFile(atPath: path, contents: Data(r.stdout.utf8))
            paths[generation] = path
        }
        return paths
    }()

    @Test("repair accounts for every passage and writes a valid file", arguments: cases)
    func repairAccountsForEveryPassage(_ c: Case) throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var generate = ["--passages", "\(c.passages)", "--seed", "\(c.seed)", "--deposit", "deposit.xml", "--report", "report.xml",
                        "--ko-share", "\(c.koShare)", "--generation", c.generation]
        if let mix = c.mix { generate += ["--mix", mix] }
        if let blocks = c.certifications { generate += ["--certifications", "\(blocks)"] }
        let gen = try CLI.run(generate, executable: CLI.sibling("ackfix-gen"), in: dir)
        try #require(gen.status == 0, "ackfix-gen: \(gen.stderr)")
        if c.addsUnknownID { try Self.addRefusal(of: "ABSENT-\(c.seed)", to: dir + "/report.xml") }
        let report = try Self.text(dir + "/report.xml")
        let refused = Self.ids(in: Self.section("PassagesKO", of: report))
        let accepted = Set(Self.ids(in: Self.section("PassagesOK", of: report)))
        let depositIDs = Set(Self.ids(in: try Self.text(dir + "/deposit.xml")))

        let arguments = ["repair", "deposit.xml", "report.xml", "--format", "json", "--flux-id", Self.fluxID] + c.options
        let r = try CLI.run(arguments + ["-o", "out.xml"], environment: Self.environment, in: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "stdout: \(r.stdout)\nstderr: \(r.stderr)")
        let passages = try #require(json["passages"] as? [[String: Any]])
        let counts = try #require(json["counts"] as? [String: Int])

        // Every refused id exactly once, and nothing else.
        let reported = passages.compactMap { $0["idTechnique"] as? String }
        #expect(reported.count == passages.count)
        #expect(reported.sorted() == refused.sorted(), "passages differ from the report's refusals")
        #expect(counts["total"] == refused.count)
        #expect(Self.outcomes.reduce(0) { $0 + (counts[$1] ?? -1) } == counts["total"], "counts do not add up: \(counts)")
        for outcome in Self.outcomes {
            #expect(counts[outcome] == passages.filter { $0["outcome"] as? String == outcome }.count, "count of \(outcome)")
        }
        for p in passages {
            let id = p["idTechnique"] as? String ?? "?"
            let outcome = p["outcome"] as? String ?? "?"
            #expect(Self.outcomes.contains(outcome), "\(id): outcome \(outcome)")
            #expect((outcome == "not-in-deposit") == !depositIDs.contains(id), "\(id): \(outcome)")
            if outcome == "resubmitted-fixed" {
                #expect(!((p["fixes"] as? [Any]) ?? []).isEmpty, "\(id): resubmitted-fixed without a fix")
            }
        }

        // The exit code follows the outcomes.
        let needsAttention = passages.contains { ["needs-review", "not-in-deposit"].contains($0["outcome"] as? String ?? "") }
        let refusal = (json["refusal"] as? [String: Any])?["reason"] as? String
        let sent = passages.filter { Self.sentOutcomes.contains($0["outcome"] as? String ?? "") }
        #expect(refusal != "invalid-output", "output refused on generated data: \(json["refusal"] ?? "")\n\(r.stderr)")
        #expect(r.status == (needsAttention ? 1 : 0), "exit \(r.status), stderr: \(r.stderr)")
        #expect((refusal == "nothing-to-send") == sent.isEmpty)
        #expect(json["written"] as? Bool == !sent.isEmpty)
        let output = dir + "/out.xml"
        guard !sent.isEmpty else {
            #expect(!FileManager.default.fileExists(atPath: output), "a file written with nothing to send")
            return
        }

        // The file holds exactly the passages sent, under their new id when renumbered, none accepted.
        let written = Self.ids(in: try Self.text(output))
        let expected = sent.map { ($0["newIdTechnique"] as? String) ?? ($0["idTechnique"] as? String ?? "?") }
        #expect(written.sorted() == expected.sorted(), "the file's passages differ from those reported sent")
        #expect(accepted.isDisjoint(with: written), "an accepted passage is sent again")

        // It validates: libxml2 with ackfix's XSD, and ackfix's own schema check.
        if FileManager.default.isExecutableFile(atPath: Self.xmllint) {
            let xsd = try #require(Self.schemas[c.generation], "ackfix schema --version \(c.generation) failed")
            let lint = try CLI.run(["--noout", "--nonet", "--schema", xsd, output], executable: Self.xmllint)
            #expect(lint.status == 0, "xmllint: \(lint.stderr)")
        }
        let check = try CLI.run(["check", output, "--select", "X", "--format", "json"])
        #expect(check.status == 0, "ackfix check: \(check.stdout)")
        let checked = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        #expect((checked?["diagnostics"] as? [Any])?.isEmpty == true, "schema errors in the output: \(check.stdout)")

        // Same inputs, same SOURCE_DATE_EPOCH and idFlux: same bytes.
        if c.checksReproducibility {
            let again = try CLI.run(arguments + ["-o", "again.xml"], environment: Self.environment, in: dir)
            #expect(again.status == r.status)
            #expect(FileManager.default.contents(atPath: dir + "/again.xml") == FileManager.default.contents(atPath: output),
                    "a second run wrote different bytes")
            #expect(again.stdout.replacingOccurrences(of: "again.xml", with: "out.xml") == r.stdout, "a second run reported differently")
        }
    }

    @Test func casesCoverTheSpace() {
        let cases = Self.cases
        #expect(cases.count >= 30)
        #expect(Set(cases.map(\.passages)) == Set(Self.sizes))
        #expect(Set(cases.map(\.mix)).count == Self.mixes.count)
        #expect(Set(cases.map(\.certifications)).count == Self.blockCounts.count)
        #expect(cases.contains { $0.passages >= 300 && $0.koShare == 1 })
        #expect(cases.filter(\.checksReproducibility).count >= 8)
        #expect(cases.contains { $0.addsUnknownID && $0.koShare == 0 })
    }

    // MARK: - Reading the generated files

    /// One more refused passage, at the end of the report's KO section.
    static func addRefusal(of id: String, to report: String) throws {
        let passage = "<passage><idTechnique>\(id)</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>"
        var text = try Self.text(report)
        if text.contains("<PassagesKO/>") {
            text = text.replacingOccurrences(of: "<PassagesKO/>", with: "<PassagesKO>\(passage)</PassagesKO>")
        } else {
            text = text.replacingOccurrences(of: "</PassagesKO>", with: passage + "</PassagesKO>")
        }
        try text.write(toFile: report, atomically: true, encoding: .utf8)
    }

    static func text(_ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The content of `<name>…</name>` (empty when absent or self-closing).
    static func section(_ name: String, of xml: String) -> Substring {
        guard let open = xml.range(of: "<\(name)>"), let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex) else {
            return ""
        }
        return xml[open.upperBound..<close.lowerBound]
    }

    /// Every idTechnique value, with or without a namespace prefix (ackfix-gen writes ids that need
    /// no escaping).
    static func ids(in xml: some StringProtocol) -> [String] {
        let pattern = /<(?:[A-Za-z0-9_]+:)?idTechnique>([^<]*)<\//
        return String(xml).matches(of: pattern).map { String($0.output.1) }
    }
}
