/// The findings of `check` as JUnit XML, for GitLab's test reports and Jenkins: one suite per
/// deposit, one test case per passage with findings, plus one for the file itself.
///
/// A test case carries at most one `<failure>` holding all its findings: the JUnit schema allows
/// one, and Jenkins, Azure DevOps and most viewers show only the first when there are several.
public struct CheckJUnitReporter {
    public let language: Language
    public let privacy: Privacy

    public init(language: Language, privacy: Privacy) {
        self.language = language
        self.privacy = privacy
    }

    private struct TestCase {
        let name: String
        var findings: [Diagnostic] = []
        var error: DocumentError?
        var fails: Bool { findings.contains { $0.severity != .info } }
    }

    public func render(_ result: CheckResult, to out: TextSink) {
        let suites = result.files.map { ($0, testCases($0)) }
        let tests = suites.reduce(0) { $0 + $1.1.count }
        let failures = suites.reduce(0) { $0 + $1.1.filter(\.fails).count }
        let errors = suites.reduce(0) { $0 + $1.1.filter { $0.error != nil }.count }
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.write("<testsuites name=\"ackfix check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n")
        for (file, cases) in suites {
            let path = Self.escape(file.path)
            out.write("  <testsuite name=\"\(path)\" tests=\"\(cases.count)\" failures=\"\(cases.filter(\.fails).count)\""
                      + " errors=\"\(cases.filter { $0.error != nil }.count)\" skipped=\"0\">\n")
            for c in cases { testCase(c, classname: path, out) }
            out.write("  </testsuite>\n")
        }
        out.write("</testsuites>\n")
    }

    /// The file's own case first (it passes when the file has no finding outside passages), then
    /// one per passage in the order its first finding appears.
    private func testCases(_ file: CheckedFile) -> [TestCase] {
        var cases = [TestCase(name: "file", error: file.failure)]
        var index: [String: Int] = [:]
        for d in file.diagnostics {
            guard let id = d.idTechnique else {
                cases[0].findings.append(d)
                continue
            }
            if index[id] == nil {
                index[id] = cases.count
                cases.append(TestCase(name: "passage " + id))
            }
            cases[index[id]!].findings.append(d)
        }
        return cases
    }

    private func testCase(_ c: TestCase, classname: String, _ out: TextSink) {
        let l = language
        out.write("    <testcase classname=\"\(classname)\" name=\"\(Self.escape(c.name))\"")
        let failing = c.findings.filter { $0.severity != .info }
        let infos = c.findings.filter { $0.severity == .info }
        guard c.error != nil || !c.findings.isEmpty else { return out.write("/>\n") }
        out.write(">\n")
        if let e = c.error {
            let cause = Self.escape(e.cause(l))
            out.write("      <error type=\"\(l == .fr ? "fichier-illisible" : "unreadable-file")\" message=\"\(cause)\">"
                      + Self.escape(e.message(l), attribute: false) + "</error>\n")
        }
        if let first = failing.first {
            var codes: [String] = []
            for d in failing where !codes.contains(d.code) { codes.append(d.code) }
            var message = first.code + " " + first.slug + ": " + first.locatedMessage(l)
            if failing.count > 1 { message += l == .fr ? " (+\(failing.count - 1) autres)" : " (+\(failing.count - 1) more)" }
            out.write("      <failure type=\"\(Self.escape(codes.joined(separator: " ")))\" message=\"\(Self.escape(message))\">")
            out.write(Self.escape(failing.map(details).joined(separator: "\n"), attribute: false))
            out.write("</failure>\n")
        }
        if !infos.isEmpty {
            out.write("      <system-out>" + Self.escape(infos.map(details).joined(separator: "\n"), attribute: false) + "</system-out>\n")
        }
        out.write("    </testcase>\n")
    }

    /// One finding in full: where, what, the CDC's wording and the fix.
    private func details(_ d: Diagnostic) -> String {
        let l = language
        var place = d.file
        if d.line > 0 { place += ":\(d.line)" + (d.column > 0 ? ":\(d.column)" : "") }
        var s = "\(d.severity.rawValue) \(d.code) \(d.slug) \(place): \(d.locatedMessage(l))"
        if let v = d.value { s += "\n  " + (l == .fr ? "valeur" : "value") + ": « " + privacy.display(v, field: d.element) + " »" }
        if let w = d.cdcWording { s += "\n  CDC: " + w }
        if let f = d.fix {
            s += "\n  " + (l == .fr ? "correction" : "fix") + ": \(f.code) \(f.title(l)) (\(d.applicability(of: f)))"
        }
        return s
    }

    /// Text safe in XML 1.0 content and attributes. Characters XML cannot carry at all (control
    /// characters a deposit may hold) are shown as their code point.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // In attributes, only references survive normalisation; in content, line breaks stay readable.
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(u)
            case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF:
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
