import Foundation
import Testing
@testable import AckfixCore

@Suite struct CheckReporterTests {
    static let path = "exports/lot:1, été.xml"
    static let brokenPath = "exports/vide.xml"

    static func diagnostic(
        _ code: String, _ slug: String, _ severity: Diagnostic.Severity, line: Int = 0, column: Int = 0,
        id: String? = nil, certification: String? = "RS RS6012", path: [String] = [], element: String = "",
        value: String? = nil, message: String, cdcWording: String? = nil, validatorCode: String? = nil,
        fixability: Diagnostic.Fixability = .none, fix: FixKind? = nil, file: String = CheckReporterTests.path
    ) -> Diagnostic {
        Diagnostic(code: code, slug: slug, severity: severity, file: file, line: line, column: column,
                   idTechnique: id, certification: certification, elementPath: path, element: element, value: value,
                   message: Localized(fr: message, en: message), cdcWording: cdcWording, validatorCode: validatorCode,
                   fixability: fixability, fix: fix)
    }

    static let holder = ["flux", "emetteur", "certificateurs", "certificateur", "certifications", "certification",
                         "passageCertifications", "passageCertification", "identificationTitulaire", "titulaire"]

    /// Two files: one with four findings (a personal value, a message with `%` and a line break,
    /// a file-level info, a warning full of XML specials), one that could not be read.
    static func result(showing extra: [Diagnostic] = []) -> CheckResult {
        var file = CheckedFile(path: path)
        file.passageCount = 2
        file.diagnostics = DiagnosticList([
            diagnostic("X06", "invalid-format", .error, line: 12, column: 7, id: "P-001", path: holder + ["nomNaissance"],
                       element: "nomNaissance", value: "Dupont", message: "nom de naissance « *** » mal formé",
                       cdcWording: "cvc-pattern-valid: Value '***' is not facet-valid", validatorCode: "cvc-pattern-valid"),
            diagnostic("B02", "certification-code-prefix", .error, line: 20, column: 5, id: "P-002",
                       path: ["flux", "certification", "code"], element: "code", value: "6012",
                       message: "100% sûr\r\nligne 2", fixability: .safe, fix: .certificationCode),
            diagnostic("B90", "file-note", .info, certification: nil, message: "a | b, c: d"),
            diagnostic("B07", "odd-scoring", .warning, line: 30, column: 9, id: "P-002", path: ["passageCertification", "scoring"],
                       element: "scoring", value: "<b>&\"'", message: "scoring <b>&\"' douteux\u{1}",
                       fixability: .unsafe, fix: .swapValidityDates),
        ] + extra)
        var broken = CheckedFile(path: brokenPath)
        broken.failure = DocumentError(path: brokenPath, kind: .input(.empty))
        var r = CheckResult()
        r.files = [file, broken]
        return r
    }

    static func render(_ format: String, _ r: CheckResult = result(), language: Language = .en,
                       showPersonalData: Bool = false) -> String {
        let privacy = Privacy(showPersonalData: showPersonalData)
        let out = StringSink()
        switch format {
        case "json": CheckJSONReporter(language: language, privacy: privacy).render(r, to: out)
        case "sarif": CheckSARIFReporter(language: language, privacy: privacy).render(r, to: out)
        case "github": CheckGitHubReporter(language: language, privacy: privacy).render(r, to: out)
        case "junit": CheckJUnitReporter(language: language, privacy: privacy).render(r, to: out)
        case "markdown": CheckMarkdownReporter(language: language, privacy: privacy).render(r, to: out)
        default: Issue.record("unknown format \(format)")
        }
        return out.text
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: JSON

    @Test func jsonHasTheDocumentedShape() throws {
        let root = try Self.object(Self.render("json"))
        #expect(root["tool"] as? String == "ackfix")
        #expect(root["version"] as? String == AckfixVersion.current)
        #expect(root["command"] as? String == "check")
        #expect(root["language"] as? String == "en")

        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[0]["path"] as? String == Self.path)
        #expect(files[0]["passages"] as? Int == 2)
        #expect(files[0]["schemaVersion"] as? String == "1.1.2")
        #expect(files[0]["fixedOutput"] is NSNull)
        #expect(files[0]["error"] is NSNull)
        #expect((files[1]["error"] as? String)?.contains("empty") == true)

        let ds = try #require(root["diagnostics"] as? [[String: Any]])
        #expect(ds.count == 4)
        let keys: Set = ["code", "slug", "severity", "file", "line", "column", "idTechnique", "certification", "element",
                         "elementPath", "value", "message", "cdcWording", "validatorCode", "fix"]
        for d in ds { #expect(Set(d.keys) == keys) }
        #expect(ds[0]["code"] as? String == "X06")
        #expect(ds[0]["value"] as? String == "***")
        #expect(ds[0]["line"] as? Int == 12 && ds[0]["column"] as? Int == 7)
        #expect((ds[0]["elementPath"] as? [String])?.last == "nomNaissance")
        #expect(ds[0]["fix"] is NSNull)
        #expect(ds[1]["message"] as? String == "100% sûr\r\nligne 2")
        let fix = try #require(ds[1]["fix"] as? [String: Any])
        #expect(fix["code"] as? String == "FX12" && fix["slug"] as? String == "certification-code")
        #expect(fix["applicability"] as? String == "safe")
        #expect(fix["title"] as? String == FixKind.certificationCode.title(.en))
        #expect((ds[3]["fix"] as? [String: Any])?["applicability"] as? String == "unsafe")
        #expect(ds[2]["severity"] as? String == "info" && ds[2]["idTechnique"] is NSNull && ds[2]["line"] is NSNull)

        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["infos"] as? Int == 1)
        #expect(summary["files"] as? Int == 2)
        #expect(summary["fixable"] as? Int == 1)
        #expect(summary["unsafeFixable"] as? Int == 1)
        #expect(summary["failed"] as? Bool == true)
    }

    @Test func jsonShowsTheValueOnlyWhenAsked() throws {
        let shown = try Self.object(Self.render("json", showPersonalData: true))
        #expect((shown["diagnostics"] as? [[String: Any]])?.first?["value"] as? String == "Dupont")
        // Values of other fields are never masked.
        let masked = try Self.object(Self.render("json"))
        #expect((masked["diagnostics"] as? [[String: Any]])?[1]["value"] as? String == "6012")
    }

    // MARK: SARIF

    @Test func sarifIsVersion210WithOneRulePerCode() throws {
        let root = try Self.object(Self.render("sarif"))
        #expect(root["version"] as? String == "2.1.0")
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "ackfix")
        #expect(driver["version"] as? String == AckfixVersion.current)
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["B02", "B07", "B90", "X06"])
        for r in rules {
            #expect(r["name"] is String)
            #expect(((r["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((r["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((r["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        // Schema codes are described by the catalogue.
        let x06 = try #require(rules.first { $0["id"] as? String == "X06" })
        #expect((x06["shortDescription"] as? [String: Any])?["text"] as? String == ErrorCatalogue.errorClass(code: "X06")?.title(.en))
        // Business rules by theirs.
        let b02 = try #require(rules.first { $0["id"] as? String == "B02" })
        let rule = try #require(Checker.rule(code: "B02"))
        #expect((b02["shortDescription"] as? [String: Any])?["text"] as? String == rule.title(.en))
        #expect((b02["fullDescription"] as? [String: Any])?["text"] as? String == rule.explanation(.en))
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")

        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["error", "error", "note", "warning"])
        #expect(results.map { $0["ruleId"] as? String } == ["X06", "B02", "B90", "B07"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [3, 0, 2, 1])
        #expect(results.allSatisfy { $0["fixes"] == nil })
        let text = try #require((results[0]["message"] as? [String: Any])?["text"] as? String)
        #expect(text.hasPrefix("certification RS RS6012 › passage P-001 › titulaire › nomNaissance: "))

        func physical(_ r: [String: Any]) -> [String: Any]? {
            ((r["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        }
        let first = try #require(physical(results[0]))
        #expect((first["artifactLocation"] as? [String: Any])?["uri"] as? String == "exports/lot%3A1,%20%C3%A9t%C3%A9.xml")
        let region = try #require(first["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 12 && region["startColumn"] as? Int == 7)
        // A file-level finding has no line: no region (SARIF lines start at 1).
        #expect(physical(results[2])?["region"] == nil)

        let invocation = try #require((runs[0]["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as? [[String: Any]])?.count == 1)
    }

    @Test func sarifURIs() {
        #expect(CheckSARIFReporter.uri("exports/a.xml") == "exports/a.xml")
        #expect(CheckSARIFReporter.uri("/srv/dépôt #1.xml") == "file:///srv/d%C3%A9p%C3%B4t%20%231.xml")
        #expect(CheckSARIFReporter.uri("100%.xml") == "100%25.xml")
    }

    // MARK: GitHub

    @Test func githubLinesAreEscaped() {
        let lines = Self.render("github").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 5)
        let file = "file=exports/lot%3A1%2C été.xml"
        #expect(lines[0] == "::error \(file),line=12,col=7,title=X06 invalid-format::certification RS RS6012 › passage P-001 › titulaire › nomNaissance: nom de naissance « *** » mal formé")
        #expect(lines[1] == "::error \(file),line=20,col=5,title=B02 certification-code-prefix::certification RS RS6012 › passage P-002 › code: 100%25 sûr%0D%0Aligne 2")
        // No line: no line or col property; `,` and `:` are left alone in the message.
        #expect(lines[2] == "::notice \(file),title=B90 file-note::a | b, c: d")
        #expect(lines[3].hasPrefix("::warning \(file),line=30,col=9,title=B07 odd-scoring::"))
        #expect(lines[4].hasPrefix("::error file=exports/vide.xml,title=ackfix%3A could not check::"))
        #expect(!lines.contains { $0.contains("\r") })
    }

    @Test func githubPropertyEscapes() {
        #expect(CheckGitHubReporter.escapeData("50%\r\n: ,") == "50%25%0D%0A: ,")
        #expect(CheckGitHubReporter.escapeProperty("50%\r\n: ,") == "50%25%0D%0A%3A %2C")
    }

    // MARK: JUnit

    @Test func junitCountsAndEscapes() throws {
        let xml = Self.render("junit")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ackfix check\" tests=\"4\" failures=\"2\" errors=\"1\">"))
        #expect(xml.contains("<testsuite name=\"exports/lot:1, été.xml\" tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"0\">"))
        #expect(xml.contains("<testsuite name=\"exports/vide.xml\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">"))
        #expect(xml.contains("name=\"passage P-001\""))
        // Both findings of P-002 in its one failure; the file-level info in system-out.
        #expect(xml.contains("<failure type=\"B02 B07\" message=\"B02 certification-code-prefix: "))
        #expect(xml.contains("(+1 more)"))
        #expect(xml.contains("<system-out>info B90 file-note exports/lot:1, été.xml: a | b, c: d</system-out>"))
        // Specials escaped, the control character XML cannot hold shown as its code point.
        #expect(xml.contains("scoring &lt;b&gt;&amp;&quot;&apos; douteux[U+0001]"))
        #expect(!xml.contains("<b>") && !xml.contains("\u{1}"))
        // Line breaks: references in attributes (which would fold them into spaces), kept in content.
        #expect(xml.contains("message=\"B02 certification-code-prefix: certification RS RS6012 › passage P-002 › code: 100% sûr&#13;&#10;ligne 2 (+1 more)\""))
        #expect(xml.contains("nom de naissance « *** » mal formé\n  value: « *** »\n  CDC: cvc-pattern-valid: Value &apos;***&apos; is not facet-valid</failure>"))
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 4)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 2)
        #expect(xml.components(separatedBy: "<error ").count - 1 == 1)

        if Xmllint.available {
            let file = Paths.scratch() + "/junit.xml"
            Paths.write(xml, to: file)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
            p.arguments = ["--noout", "--nonet", file]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "xmllint finds the JUnit output not well-formed")
        }
    }

    @Test func junitCleanFilePassesItsFileCase() {
        var r = CheckResult()
        r.files = [CheckedFile(path: "ok.xml")]
        let xml = Self.render("junit", r)
        #expect(xml.contains("tests=\"1\" failures=\"0\" errors=\"0\""))
        #expect(xml.contains("<testcase classname=\"ok.xml\" name=\"file\"/>"))
    }

    // MARK: Markdown

    @Test func markdownHasTheTableAndEscapesPipes() {
        let md = Self.render("markdown")
        #expect(md.contains("| Severity | Code | Where | Message |"))
        #expect(md.contains("a \\| b, c: d"))
        #expect(md.contains("2 errors") && md.contains("1 warning,") && md.contains("1 info "))
        // Line breaks do not break the row; `<…>` does not turn into HTML.
        #expect(md.contains("100% sûr  ligne 2 (--fix)"))
        #expect(md.contains("scoring &lt;b&gt;&amp;\"' douteux"))
        #expect(md.contains("exports/vide.xml"))
        // Errors first.
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| error") || $0.hasPrefix("| warning") || $0.hasPrefix("| info") }
        #expect(rows.map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) } == ["error", "error", "warning", "info"])
        #expect(!md.contains("not shown"))
    }

    @Test func markdownCutsTheTableAt200Rows() {
        let many = (1...250).map { Self.diagnostic("B03", "many", .warning, line: $0, message: "n° \($0)") }
        let md = Self.render("markdown", Self.result(showing: many), language: .fr)
        #expect(md.contains("| Gravité | Code | Où | Message |"))
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| erreur") || $0.hasPrefix("| avertissement") || $0.hasPrefix("| info |") }
        #expect(rows.count == CheckMarkdownReporter.maxRows)
        #expect(md.contains("54 autres constats non affichés"))
        #expect(md.contains("| B03 | `many` | avertissement | 250 |"))
    }

    // MARK: Privacy, every format

    @Test(arguments: ["json", "sarif", "github", "junit", "markdown"])
    func personalValuesAreMasked(format: String) {
        for l in Language.allCases {
            let text = Self.render(format, language: l)
            #expect(!text.contains("Dupont"), "\(format) \(l) shows a personal value")
        }
    }

    @Test(arguments: ["json", "sarif", "junit"])
    func personalValuesShowWhenAsked(format: String) {
        #expect(Self.render(format, showPersonalData: true).contains("Dupont"))
    }
}
