/// The findings of `check` as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
public struct CheckSARIFReporter {
    public let language: Language
    public let privacy: Privacy
    /// Business rules, for their titles and explanations; schema codes come from the catalogue.
    public let rules: [CheckRule]

    public init(language: Language, privacy: Privacy, rules: [CheckRule] = Checker.rules) {
        self.language = language
        self.privacy = privacy
        self.rules = rules
    }

    public func render(_ result: CheckResult, to out: TextSink) {
        let l = language
        let diagnostics = result.diagnostics
        // One rule per code present, in code order; results point at them by index.
        var firstByCode: [String: Diagnostic] = [:]
        for d in diagnostics where firstByCode[d.code] == nil { firstByCode[d.code] = d }
        let codes = firstByCode.keys.sorted()
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })

        let j = JSONWriter(sink: out)
        j.beginObject()
        j.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        j.field("version", "2.1.0")
        j.key("runs")
        j.beginArray()
        j.beginObject()

        j.key("tool")
        j.beginObject()
        j.key("driver")
        j.beginObject()
        j.field("name", "ackfix")
        j.field("version", AckfixVersion.current)
        j.field("semanticVersion", AckfixVersion.current)
        j.key("rules")
        j.beginArray()
        for code in codes { rule(firstByCode[code]!, j) }
        j.endArray()
        j.endObject()
        j.endObject()

        j.field("language", l.rawValue)

        // Files that could not be checked are tool failures, not findings about the deposit.
        j.key("invocations")
        j.beginArray()
        j.beginObject()
        j.field("executionSuccessful", !result.couldNotRun)
        j.key("toolExecutionNotifications")
        j.beginArray()
        for f in result.files {
            guard let failure = f.failure else { continue }
            j.beginObject()
            j.field("level", "error")
            text("message", failure.cause(l), j)
            j.key("locations")
            j.beginArray()
            let place = failure.place
            location(uri: f.path, line: place?.line ?? 0, column: place?.column ?? 0, j)
            j.endArray()
            j.endObject()
        }
        j.endArray()
        j.endObject()
        j.endArray()

        j.key("results")
        j.beginArray()
        for d in diagnostics {
            j.beginObject()
            j.field("ruleId", d.code)
            j.field("ruleIndex", ruleIndex[d.code])
            j.field("level", Self.level(d.severity))
            text("message", d.locatedMessage(l), j)
            j.key("locations")
            j.beginArray()
            location(uri: d.file, line: d.line, column: d.column, j)
            j.endArray()
            j.key("properties")
            j.beginObject()
            j.field("idTechnique", d.idTechnique)
            j.field("certification", d.certification)
            j.field("element", d.element.isEmpty ? nil : d.element)
            j.field("value", d.value.map { privacy.display($0, field: d.element) })
            j.field("fixability", d.fixability.rawValue)
            j.field("fix", d.fix?.code)
            j.endObject()
            j.endObject()
        }
        j.endArray()

        j.endObject()
        j.endArray()
        j.endObject()
    }

    static func level(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private func rule(_ first: Diagnostic, _ j: JSONWriter) {
        let l = language
        let short: String, full: String, help: String, severity: Diagnostic.Severity
        if let r = rules.first(where: { $0.code == first.code }) {
            (short, full, severity) = (r.title(l), r.explanation(l), r.severity)
            help = r.fix.map { $0.title(l) + ". " + $0.explanation(l) } ?? r.explanation(l)
        } else if let c = ErrorCatalogue.errorClass(code: first.code) {
            (short, full, help, severity) = (c.title(l), c.meaning(l), c.fix(l), first.severity)
        } else {
            // A code nothing describes: the first finding's own words are the best available.
            (short, full, severity) = (first.slug, first.message(l), first.severity)
            help = first.fix.map { $0.title(l) + ". " + $0.explanation(l) } ?? first.message(l)
        }
        j.beginObject()
        j.field("id", first.code)
        j.field("name", first.slug)
        text("shortDescription", short, j)
        text("fullDescription", full, j)
        text("help", help, j)
        j.key("defaultConfiguration")
        j.beginObject()
        j.field("level", Self.level(severity))
        j.endObject()
        j.endObject()
    }

    private func text(_ key: String, _ s: String, _ j: JSONWriter) {
        j.key(key)
        j.beginObject()
        j.field("text", s)
        j.endObject()
    }

    private func location(uri path: String, line: Int, column: Int, _ j: JSONWriter) {
        j.beginObject()
        j.key("physicalLocation")
        j.beginObject()
        j.key("artifactLocation")
        j.beginObject()
        j.field("uri", Self.uri(path))
        j.endObject()
        // SARIF lines and columns start at 1: a finding about the whole file has no region.
        if line > 0 {
            j.key("region")
            j.beginObject()
            j.field("startLine", line)
            if column > 0 { j.field("startColumn", column) }
            j.endObject()
        }
        j.endObject()
        j.endObject()
    }

    /// The path as a URI reference: relative paths stay relative (code scanning resolves them
    /// from the repository root); spaces, accents and URI delimiters are percent-encoded.
    static func uri(_ path: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=@".utf8)
        var out = path.hasPrefix("/") ? "file://" : ""
        for b in path.utf8 {
            if allowed.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}

extension Diagnostic {
    /// `certification RS RS6012 › passage P-007 › code: message`, the form annotations use.
    func locatedMessage(_ l: Language) -> String {
        let path = domainPath(l)
        return path.isEmpty ? message(l) : path + ": " + message(l)
    }
}

extension DocumentError {
    /// Where in the file reading stopped, when known.
    var place: (line: Int, column: Int)? {
        switch kind {
        case .xml(let f) where f.line > 0: (f.line, f.column)
        case .invalidContent(let line, let column, _) where line > 0: (line, column ?? 0)
        default: nil
        }
    }
}
