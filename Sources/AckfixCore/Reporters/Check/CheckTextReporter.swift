/// `check` for people at a terminal: findings grouped by passage, a closing summary with what
/// `--fix` can do.
public struct CheckTextReporter {
    public let language: Language
    public let privacy: Privacy
    public let style: Style

    public init(language: Language, privacy: Privacy, style: Style = .plain) {
        self.language = language
        self.privacy = privacy
        self.style = style
    }

    public func render(_ result: CheckResult, to out: TextSink) {
        let l = language
        let fr = l == .fr
        // Files that could not be checked are said on standard error, one line each, by the command.
        guard result.files.contains(where: { $0.failure == nil }) else { return }
        for file in result.files where file.failure == nil {
            out.write(style.bold(file.path) + " — " + (fr ? "\(file.passageCount) passage(s), schéma \(file.generation.rawValue)"
                                                         : "\(file.passageCount) passage(s), schema \(file.generation.rawValue)") + "\n")
            if file.diagnostics.isEmpty { out.write("  " + style.green(fr ? "aucun problème" : "no problem") + "\n") }
            // Grouped by passage (or certification, or the file): diagnostics come in file order, so a
            // passage's are together; two passages sharing an idTechnique stay two groups.
            var current: String?
            for d in file.diagnostics {
                let key = group(d)
                if key != current {
                    out.write("  " + style.bold(key) + "\n")
                    current = key
                }
                write(d, to: out)
            }
            if let output = file.fixedOutput {
                out.write(style.green((fr ? "  fichier corrigé écrit : " : "  fixed file written: ") + output)
                    + " (" + (fr ? "\(file.fixesApplied.count) correction(s)" : "\(file.fixesApplied.count) fix(es)") + ")\n")
            }
            if let refused = file.fixRefused {
                out.write(style.yellow(fr ? "  fichier corrigé NON écrit : des erreurs restent après les corrections :"
                                          : "  fixed file NOT written: errors remain after the fixes:") + "\n")
                for v in refused.violations.prefix(50) {
                    out.write("    • " + (fr ? "ligne \(v.line) " : "line \(v.line) ") + v.element + (fr ? " : " : ": ")
                        + v.plainMessage(privacy: privacy)(l) + "\n")
                }
            }
        }
        out.write("\n" + summary(result) + "\n")
    }

    private func group(_ d: Diagnostic) -> String {
        let fr = language == .fr
        var parts: [String] = []
        if let c = d.certification { parts.append("certification " + c) }
        if let id = d.idTechnique { parts.append("passage " + id) }
        return parts.isEmpty ? (fr ? "fichier" : "file") : parts.joined(separator: " › ")
    }

    private func write(_ d: Diagnostic, to out: TextSink) {
        let l = language
        let severity: String
        switch d.severity {
        case .error: severity = style.red(pad(l == .fr ? "erreur" : "error", 13))
        case .warning: severity = style.yellow(pad(l == .fr ? "avertissement" : "warning", 13))
        case .info: severity = style.dim(pad("info", 13))
        }
        let place = pad("\(d.line):\(d.column)", 8)
        let mark = d.fixability == .safe ? " [*]" : d.fixability == .unsafe ? " [!]" : ""
        let path = d.elementPath.filter { !Self.structural.contains($0) }.joined(separator: " › ")
        out.write("    \(place) \(severity) \(pad(d.code + " " + d.slug, 34)) " + (path.isEmpty ? "" : path + (l == .fr ? " : " : ": "))
            + d.message(l) + style.dim(mark) + "\n")
        if let cdc = d.cdcWording { out.write("    " + String(repeating: " ", count: 23) + style.dim("CDC : " + cdc) + "\n") }
    }

    static let structural: Set<String> = ["flux", "emetteur", "certificateurs", "certificateur", "certifications", "certification",
                                          "passageCertifications", "passageCertification", "identificationTitulaire"]

    private func summary(_ r: CheckResult) -> String {
        let fr = language == .fr
        var parts = [
            "\(r.count(.error)) " + (fr ? "erreur(s)" : "error(s)"),
            "\(r.count(.warning)) " + (fr ? "avertissement(s)" : "warning(s)"),
            "\(r.count(.info)) info",
        ]
        parts.insert("\(r.files.count) " + (fr ? "fichier(s)" : "file(s)"), at: 0)
        var s = (fr ? "Bilan : " : "Summary: ") + parts.joined(separator: ", ") + "."
        if r.fixable > 0 || r.unsafeFixable > 0 {
            s += fr ? " [*] \(r.fixable) corrigeable(s) avec --fix" : " [*] \(r.fixable) fixable with --fix"
            if r.unsafeFixable > 0 {
                s += fr ? " ([!] \(r.unsafeFixable) de plus avec --unsafe-fixes)." : " ([!] \(r.unsafeFixable) more with --unsafe-fixes)."
            } else {
                s += "."
            }
        }
        if r.strict && r.count(.error) == 0 && r.count(.warning) > 0 {
            s += fr ? " --strict : les avertissements comptent comme des erreurs." : " --strict: warnings count as errors."
        }
        return s
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
