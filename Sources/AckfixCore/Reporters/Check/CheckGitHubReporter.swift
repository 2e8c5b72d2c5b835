/// The findings of `check` as GitHub Actions workflow commands: each line becomes an annotation
/// on the deposit, in the pull request and the run's summary.
public struct CheckGitHubReporter {
    public let language: Language
    public let privacy: Privacy

    public init(language: Language, privacy: Privacy) {
        self.language = language
        self.privacy = privacy
    }

    public func render(_ result: CheckResult, to out: TextSink) {
        let l = language
        for f in result.files {
            if let failure = f.failure {
                let place = failure.place
                out.write(Self.command("error", file: f.path, line: place?.line ?? 0, column: place?.column ?? 0,
                                       title: l == .fr ? "ackfix : vérification impossible" : "ackfix: could not check",
                                       message: failure.cause(l)))
            }
            for d in f.diagnostics {
                out.write(Self.command(Self.kind(d.severity), file: d.file, line: d.line, column: d.column,
                                       title: d.code + " " + d.slug, message: d.locatedMessage(l)))
            }
        }
    }

    static func kind(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func command(_ kind: String, file: String, line: Int, column: Int, title: String, message: String) -> String {
        var properties = ["file=" + escapeProperty(file)]
        if line > 0 {
            properties.append("line=\(line)")
            if column > 0 { properties.append("col=\(column)") }
        }
        properties.append("title=" + escapeProperty(title))
        return "::\(kind) " + properties.joined(separator: ",") + "::" + escapeData(message) + "\n"
    }

    /// A message: the runner decodes these three, and a raw line break would end the command.
    static func escapeData(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A property value: also `:` and `,`, which delimit properties.
    static func escapeProperty(_ s: String) -> String {
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
