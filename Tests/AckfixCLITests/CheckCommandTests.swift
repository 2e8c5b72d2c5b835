import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test("golden outputs on the samples", arguments: [
        (["Samples/deposit-rejected.xml", "--lang", "fr"], "check-rejected.fr.txt", Int32(1)),
        (["Samples/deposit.xml", "Samples/deposit-2026.xml", "--lang", "en"], "check-samples.en.txt", Int32(1)),
        (["Samples/deposit-rejected.xml", "--format", "json", "--lang", "en"], "check-rejected.json", Int32(1)),
        (["Samples/deposit-rejected.xml", "--format", "github", "--lang", "en"], "check-rejected.github.txt", Int32(1)),
    ])
    func golden(arguments: [String], golden: String, status: Int32) throws {
        let r = try CLI.run(["check"] + arguments)
        #expect(r.status == status, "\(r.stderr)")
        CLI.expectGolden(r.stdout, golden)
    }

    @Test func exitCodesFollowErrorsWarningsAndStrict() throws {
        #expect(try CLI.run(["check", "Samples/deposit-2026.xml"]).status == 0)
        // Only warnings left once the errors' codes are ignored.
        let warnings = try CLI.run(["check", "Samples/deposit.xml", "--ignore", "B02,B03,B06"])
        #expect(warnings.status == 0)
        #expect(try CLI.run(["check", "Samples/deposit.xml", "--ignore", "B02,B03,B06", "--strict"]).status == 1)
        #expect(try CLI.run(["check", "Samples/deposit.xml", "--select", "H"]).status == 0)
        #expect(try CLI.run(["check", "nope.xml"]).status == 2)
        #expect(try CLI.run(["check", "Samples/report.xml"]).status == 2)
        #expect(try CLI.run(["check", "Samples/deposit.xml", "-o", "x.xml"]).status == 64)
    }

    @Test func selectAndIgnoreTakeCodePrefixes() throws {
        let r = try CLI.run(["check", "Samples/deposit-rejected.xml", "--format", "json", "--select", "X05,B"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let codes = Set((json["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String })
        #expect(codes == ["X05", "B20"])
    }

    @Test func fixWritesAValidatedCopyAndNeverTouchesTheInput() throws {
        let dir = CLI.scratch()
        let input = dir + "/deposit.xml"
        try FileManager.default.copyItem(atPath: CLI.root + "/Samples/deposit.xml", toPath: input)
        let before = FileManager.default.contents(atPath: input)
        let r = try CLI.run(["check", input, "--fix", "--lang", "en"])
        #expect(r.stdout.contains("fixed file written: " + dir + "/deposit-fixed.xml"))
        #expect(FileManager.default.contents(atPath: input) == before)
        let again = try CLI.run(["check", dir + "/deposit-fixed.xml", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        let codes = (json["diagnostics"] as! [[String: Any]]).map { $0["code"] as! String }
        #expect(!codes.contains("B02") && !codes.contains("B03"), "safe fixes applied")
        #expect(codes.contains("B06"), "unsafe fix not applied without --unsafe-fixes")
        let unsafe = try CLI.run(["check", input, "--fix", "--unsafe-fixes", "-o", dir + "/u.xml"])
        #expect(unsafe.status == 1 || unsafe.status == 0)
        let third = try CLI.run(["check", dir + "/u.xml", "--format", "json"])
        #expect(!third.stdout.contains("\"B06\""))
        // In place only when asked.
        let inPlace = try CLI.run(["check", input, "--fix", "--in-place"])
        #expect(inPlace.status == 1 || inPlace.status == 0)
        #expect(FileManager.default.contents(atPath: input) != before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }.isEmpty, "no temporary file left")
    }

    @Test func personalDataStaysMaskedInEveryFormat() throws {
        let names = ["Girard", "Manon", "Mercier", "Arthur", "21231", "7505", "1991"]
        for format in ["text", "json", "sarif", "github", "junit", "markdown"] {
            let r = try CLI.run(["check", "Samples/deposit-rejected.xml", "Samples/deposit.xml", "--format", format])
            for n in names { #expect(!r.stdout.contains(n), "\(n) leaked in \(format)") }
        }
        let shown = try CLI.run(["check", "Samples/deposit-rejected.xml", "--show-personal-data", "--select", "X07"])
        #expect(shown.stdout.contains("7505"))
    }

    @Test("official example and a real generator's deposit have no error", .enabled(if: CLI.hasSharedCorpus))
    func referenceDepositsHaveNoError() throws {
        for file in ["/official/cdc-example-deposit.xml", "/deposits/pix-export.xml"] {
            let r = try CLI.run(["check", CLI.sharedCorpus + file, "--format", "json"])
            #expect(r.status == 0, "\(file)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
            #expect((json["summary"] as! [String: Any])["errors"] as? Int == 0)
        }
    }
}
