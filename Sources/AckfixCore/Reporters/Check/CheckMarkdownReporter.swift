/// The findings of `check` as markdown: a CI job summary (`$GITHUB_STEP_SUMMARY`) or a ticket.
public struct CheckMarkdownReporter {
    public let language: Language
    public let privacy: Privacy
    /// Beyond this many rows the table is cut: job summaries are limited in size, and the SARIF
    /// or JSON output has everything.
    public static let maxRows = 200

    public init(language: Language, privacy: Privacy) {
        self.language = language
        self.privacy = privacy
    }

    public func render(_ result: CheckResult, to out: TextSink) {
        let fr = language == .fr
        out.write(fr ? "## ackfix check : vérification avant dépôt\n\n" : "## ackfix check: pre-deposit check\n\n")
        out.write(summary(result) + "\n\n")

        let failures = result.files.compactMap(\.failure)
        if !failures.isEmpty {
            out.write(fr ? "**Fichiers non vérifiés :**\n\n" : "**Files not checked:**\n\n")
            for f in failures { out.write("- " + cell(f.message(language)) + "\n") }
            out.write("\n")
        }

        // Errors first, so that a cut table still shows what the CDC would refuse.
        let all = result.diagnostics.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        if !all.isEmpty {
            out.write(fr ? "| Gravité | Code | Où | Message |\n" : "| Severity | Code | Where | Message |\n")
            out.write("|---|---|---|---|\n")
            for d in all.prefix(Self.maxRows) {
                out.write("| \(severity(d.severity)) | \(d.code) `\(d.slug)` | \(cell(place(d))) | \(cell(message(d))) |\n")
            }
            if all.count > Self.maxRows {
                let rest = all.count - Self.maxRows
                out.write(fr ? "\n*\(rest) \(rest > 1 ? "autres constats non affichés" : "autre constat non affiché") : la sortie `--format sarif` ou `--format json` les a tous.*\n"
                             : "\n*\(rest) more \(rest > 1 ? "findings" : "finding") not shown: `--format sarif` or `--format json` has them all.*\n")
            }
            out.write("\n")

            out.write(fr ? "| Code | Classe | Gravité | Nombre |\n" : "| Code | Class | Severity | Count |\n")
            out.write("|---|---|---|---:|\n")
            var counts: [String: (first: Diagnostic, count: Int)] = [:]
            for d in all { counts[d.code, default: (d, 0)].count += 1 }
            for (code, c) in counts.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
                out.write("| \(code) | `\(c.first.slug)` | \(severity(c.first.severity)) | \(c.count) |\n")
            }
        }
    }

    private func summary(_ r: CheckResult) -> String {
        let fr = language == .fr
        let passages = r.files.reduce(0) { $0 + $1.passageCount }
        var s = "**" + count(r.count(.error), fr ? "erreur" : "error", fr ? "erreurs" : "errors") + "**, "
            + count(r.count(.warning), fr ? "avertissement" : "warning", fr ? "avertissements" : "warnings") + ", "
            + count(r.count(.info), fr ? "information" : "info", fr ? "informations" : "infos")
            + (fr ? " dans " : " in ") + count(r.files.count, fr ? "fichier" : "file", fr ? "fichiers" : "files")
            + " (" + count(passages, "passage", "passages") + ")."
        if r.fixable > 0 {
            s += fr ? " \(r.fixable) \(r.fixable > 1 ? "corrigeables" : "corrigeable") par `--fix`."
                    : " \(r.fixable) fixable with `--fix`."
        }
        if r.unsafeFixable > 0 {
            s += fr ? " \(r.unsafeFixable) de plus avec `--unsafe-fixes` (à vérifier)."
                    : " \(r.unsafeFixable) more with `--unsafe-fixes` (to check)."
        }
        return s
    }

    private func count(_ n: Int, _ one: String, _ many: String) -> String {
        // French uses the singular for 0 and 1, English only for 1.
        "\(n) " + (n == 1 || (n == 0 && language == .fr) ? one : many)
    }

    private func severity(_ s: Diagnostic.Severity) -> String {
        switch (s, language) {
        case (.error, .fr): "erreur"
        case (.warning, .fr): "avertissement"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, _): "info"
        }
    }

    private func place(_ d: Diagnostic) -> String {
        var s = d.file
        if d.line > 0 { s += ":\(d.line)" + (d.column > 0 ? ":\(d.column)" : "") }
        let path = d.domainPath(language)
        return path.isEmpty ? s : s + " · " + path
    }

    private func message(_ d: Diagnostic) -> String {
        let hint: String
        switch d.fixability {
        case .safe: hint = " (--fix)"
        case .unsafe: hint = " (--unsafe-fixes)"
        case .none: hint = ""
        }
        return d.message(language) + hint
    }

    /// Text safe in a table cell: `|` would end the cell, a line break the row, and `<…>` would be
    /// taken for HTML and vanish.
    private func cell(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "|": out += "\\|"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\t": out += " "
            case _ where u.value < 0x20: out += " "
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
