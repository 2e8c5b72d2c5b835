import Foundation
import Testing

@Suite struct ExplainCommandTests {
    @Test("golden outputs on the samples", arguments: [
        (["explain", "Samples/report.xml", "--deposit", "Samples/deposit.xml", "--lang", "fr"], "explain-functional.fr.txt"),
        (["explain", "Samples/report.xml", "--deposit", "Samples/deposit.xml", "--lang", "en"], "explain-functional.en.txt"),
        (["explain", "Samples/report.xml", "--deposit", "Samples/deposit.xml", "--format", "json", "--lang", "en"], "explain-functional.json"),
        (["explain", "Samples/report.xml", "--format", "markdown", "--lang", "fr"], "explain-functional.fr.md"),
        (["explain", "Samples/rejection.xml", "--deposit", "Samples/deposit-rejected.xml", "--lang", "fr"], "explain-rejection.fr.txt"),
        (["explain", "Samples/rejection.xml", "--deposit", "Samples/deposit-rejected.xml", "--format", "json", "--lang", "en"], "explain-rejection.json"),
        (["explain", "Samples/rejection.xml", "--format", "markdown", "--lang", "en"], "explain-rejection.en.md"),
    ])
    func golden(arguments: [String], golden: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 1, "KO passages and errors mean exit 1")
        #expect(r.stderr.isEmpty)
        CLI.expectGolden(r.stdout, golden)
    }

    @Test func jsonCarriesTheDocumentedFields() throws {
        let r = try CLI.run(["explain", "Samples/report.xml", "--deposit", "Samples/deposit.xml", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let report = json["report"] as! [String: Any]
        #expect(report["kind"] as? String == "functional")
        #expect(report["nomFichier"] as? String == "deposit.xml")
        #expect(report["idTraitement"] as? String == "70412")
        let summary = json["summary"] as! [String: Any]
        #expect(summary["ok"] as? Int == 3 && summary["ko"] as? Int == 10)
        let byClass = summary["byClass"] as! [String: Int]
        #expect(byClass["certification-status-ko"] == 3 && byClass["unclassified"] == 1)
        #expect(byClass.values.reduce(0, +) == 10)
        let passages = json["passages"] as! [[String: Any]]
        let p7 = passages.first { $0["idTechnique"] as? String == "ACK-2026-0007" }!
        #expect(p7["class"] as? String == "certification-status-ko")
        #expect((p7["certification"] as! [String: Any])["code"] as? String == "6012")
        let diagnosis = p7["diagnosis"] as! [[String: Any]]
        #expect(diagnosis.first?["slug"] as? String == "code-missing-prefix")
        #expect((diagnosis.first?["details"] as? [String: String])?["suggestedCode"] == "RS6012")
        let deposit = json["deposit"] as! [String: Any]
        #expect(deposit["matchesReport"] as? Bool == true)
        #expect((json["notInDeposit"] as! [String]).isEmpty)
    }

    @Test func personalDataIsMaskedUnlessAsked() throws {
        let names = ["N'Diaye", "Lefèvre", "Garnier", "Chevalier", "Élodie", "Inès", "69123"]
        for format in ["text", "json", "markdown"] {
            let masked = try CLI.run(["explain", "Samples/report.xml", "--deposit", "Samples/deposit.xml", "--format", format])
            for n in names { #expect(!masked.stdout.contains(n), "\(n) leaked in \(format)") }
        }
        let shown = try CLI.run(["explain", "Samples/report.xml", "--deposit", "Samples/deposit.xml", "--show-personal-data"])
        #expect(shown.stdout.contains("nomNaissance=N'Diaye"))
        let rejection = try CLI.run(["explain", "Samples/rejection.xml", "--deposit", "Samples/deposit-rejected.xml"])
        #expect(!rejection.stdout.contains("7505") && !rejection.stdout.contains("Girard") && !rejection.stdout.contains("Mercier"))
    }

    @Test func languageFollowsTheLocaleUnlessGiven() throws {
        let fr = try CLI.run(["explain", "Samples/report.xml"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(fr.stdout.contains("passages refusés"))
        let en = try CLI.run(["explain", "Samples/report.xml"], environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"])
        #expect(en.stdout.contains("passages refused"))
        let forced = try CLI.run(["explain", "Samples/report.xml", "--lang", "fr"], environment: ["LANG": "C"])
        #expect(forced.stdout.contains("passages refusés"))
    }

    @Test func wrongInputsEndWithOneLineAndExitCode2() throws {
        let dir = CLI.scratch()
        let junk = dir + "/junk.xml"
        FileManager.default.createFile(atPath: junk, contents: Data("pas du XML".utf8))
        let cases: [([String], String)] = [
            (["explain", "Samples/deposit.xml"], "c'est un dépôt"),
            (["explain", "nope.xml"], "fichier introuvable"),
            (["explain", junk], "XML mal formé"),
            (["explain", "Samples/report.xml", "--deposit", "Samples/report.xml"], "pas un dépôt"),
        ]
        for (args, words) in cases {
            let r = try CLI.run(args + ["--lang", "fr"])
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stderr.contains(words), "\(r.stderr)")
        }
        let usage = try CLI.run(["explain", "Samples/report.xml", "--lang", "de"])
        #expect(usage.status == 64)
    }

    @Test func aReportWithNoKOExitsZero() throws {
        let dir = CLI.scratch()
        let path = dir + "/ok.xml"
        FileManager.default.createFile(atPath: path, contents: Data("<rapport><PassagesOK><idTechnique>1</idTechnique></PassagesOK></rapport>".utf8))
        let r = try CLI.run(["explain", path])
        #expect(r.status == 0)
    }

    @Test("every reference report is explained with no unclassified entry", .enabled(if: CLI.hasSharedCorpus))
    func referenceCorpus() throws {
        for folder in ["reports", "guide-transcribed"] {
            let dir = CLI.sharedCorpus + "/" + folder
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".xml") {
                let r = try CLI.run(["explain", dir + "/" + name, "--format", "json"])
                #expect(r.status == 1, "\(name)")
                let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
                let byClass = (json["summary"] as! [String: Any])["byClass"] as! [String: Int]
                #expect(byClass["unclassified"] == nil, "\(name): \(byClass)")
                #expect(!byClass.isEmpty, "\(name)")
            }
        }
    }
}
