import Foundation
import Testing

@Suite struct RepairCommandTests {
    static let fixed = ["SOURCE_DATE_EPOCH": "1767225600"]

    private func run(_ args: [String], output: String, lang: String = "en") throws -> CLI.Result {
        try CLI.run(["repair"] + args + ["-o", output, "--flux-id", "00000000-0000-4000-8000-000000000001", "--lang", lang],
                    environment: Self.fixed)
    }

    @Test("golden accounts on the samples", arguments: [
        (["Samples/deposit.xml", "Samples/report.xml"], "fr", "repair-functional.fr.txt", Int32(1)),
        (["Samples/deposit.xml", "Samples/report.xml", "--corrections", "Samples/corrections.csv", "--unsafe-fixes",
          "--duplicates", "renumber", "--diff"], "en", "repair-functional-fixed.en.txt", Int32(1)),
        (["Samples/deposit.xml", "Samples/report.xml", "--format", "json"], "en", "repair-functional.json", Int32(1)),
        (["Samples/deposit-rejected.xml", "Samples/rejection.xml"], "fr", "repair-rejection-refused.fr.txt", Int32(2)),
        (["Samples/deposit-rejected.xml", "Samples/rejection.xml", "--corrections", "Samples/corrections-rejected.csv"],
         "en", "repair-rejection.en.txt", Int32(0)),
    ])
    func golden(arguments: [String], lang: String, golden: String, status: Int32) throws {
        let dir = CLI.scratch()
        let r = try run(arguments, output: dir + "/resubmission.xml", lang: lang)
        #expect(r.status == status, "\(r.stderr)")
        CLI.expectGolden(r.stdout.replacingOccurrences(of: dir, with: "<tmp>"), golden)
    }

    @Test("the resubmission passes the official XSD", .enabled(if: CLI.hasSharedCorpus && FileManager.default.fileExists(atPath: "/usr/bin/xmllint")))
    func officialSchemaAcceptsTheOutput() throws {
        let dir = CLI.scratch()
        for (args, name) in [(["Samples/deposit.xml", "Samples/report.xml"], "a.xml"),
                             (["Samples/deposit.xml", "Samples/report.xml", "--corrections", "Samples/corrections.csv",
                               "--unsafe-fixes", "--duplicates", "renumber"], "b.xml"),
                             (["Samples/deposit-rejected.xml", "Samples/rejection.xml", "--corrections",
                               "Samples/corrections-rejected.csv"], "c.xml")] {
            let out = dir + "/" + name
            _ = try run(args, output: out)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            p.arguments = ["--noout", "--schema", CLI.sharedCorpus + "/official/cdc-deposit-1.1.2.xsd", out]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(name) does not validate")
        }
    }

    @Test func jsonAccountAddsUp() throws {
        let dir = CLI.scratch()
        let r = try run(["Samples/deposit.xml", "Samples/report.xml", "--format", "json"], output: dir + "/o.xml")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let passages = json["passages"] as! [[String: Any]]
        let counts = json["counts"] as! [String: Int]
        #expect(passages.count == 10 && counts["total"] == 10)
        #expect(counts.filter { $0.key != "total" }.values.reduce(0, +) == 10)
        for outcome in ["resubmitted", "resubmitted-fixed", "needs-review", "already-recorded", "not-in-deposit"] {
            #expect(counts[outcome] == passages.filter { $0["outcome"] as? String == outcome }.count)
        }
        #expect(json["output"] as? String == dir + "/o.xml")
        let p7 = passages.first { $0["idTechnique"] as? String == "ACK-2026-0007" }!
        #expect((p7["fixes"] as! [[String: Any]]).first?["slug"] as? String == "certification-code")
    }

    @Test func defaultOutputSitsBesideTheDepositAndIsNeverOverwritten() throws {
        let dir = CLI.scratch()
        for f in ["deposit.xml", "report.xml"] {
            try FileManager.default.copyItem(atPath: CLI.root + "/Samples/" + f, toPath: dir + "/" + f)
        }
        let first = try CLI.run(["repair", "deposit.xml", "report.xml"], environment: Self.fixed, in: dir)
        #expect(first.status == 1)
        #expect(FileManager.default.fileExists(atPath: dir + "/deposit-resubmission-20260101.xml"))
        let second = try CLI.run(["repair", "deposit.xml", "report.xml", "--lang", "fr"], environment: Self.fixed, in: dir)
        #expect(second.status == 2 && second.stderr.contains("existe déjà"))
        let dry = try CLI.run(["repair", "deposit.xml", "report.xml", "--dry-run", "-o", "dry.xml"], environment: Self.fixed, in: dir)
        #expect(dry.status == 1 && !FileManager.default.fileExists(atPath: dir + "/dry.xml"))
    }
}
