/// The explanation as markdown: a CI job summary, or a ticket to the CDC's support.
public struct ExplanationMarkdownRenderer {
    public let language: Language
    public init(language: Language) { self.language = language }

    public func render(_ e: Explanation, to out: TextSink) {
        let l = language
        typealias P = ExplanationPhrases
        out.write("# " + (l == .fr ? "Accusé de traitement" : "Processing report") + " `\(P.fileName(e.reportPath))`\n\n")
        out.write(P.headerFacts(e.report, l).capitalizedFirst + "\n\n")
        if let d = e.deposit {
            out.write(P.depositLine(d, l) + "\n\n")
            if let w = P.mismatchWarning(d, l) { out.write("> **\(w)**\n\n") }
            if let f = d.readFailure { out.write(P.readFailure(f, l) + "\n\n") }
        }
        out.write("**" + P.verdict(e, l) + "**\n\n")
        if !e.countsByClass.isEmpty {
            out.write(l == .fr ? "| Code | Classe | Description | Nombre |\n" : "| Code | Class | Description | Count |\n")
            out.write("|---|---|---|---:|\n")
            for (c, n) in e.countsByClass { out.write("| \(c.code) | `\(c.slug)` | \(cell(c.title(l))) | \(n) |\n") }
            out.write("\n")
        }
        if !e.notInDeposit.isEmpty {
            out.write((l == .fr ? "Passages KO absents du dépôt : " : "KO passages missing from the deposit: ")
                + e.notInDeposit.map { "`\($0)`" }.joined(separator: ", ") + "\n\n")
        }
        for a in e.report.anomalies {
            out.write("- " + (l == .fr ? "Anomalie de l'accusé : " : "Report anomaly: ") + P.anomaly(a, l) + "\n")
        }
        for (c, _) in e.countsByClass {
            out.write("## \(c.code) · \(c.title(l)) (`\(c.slug)`)\n\n")
            out.write((l == .fr ? "*Ce que cela veut dire* : " : "*What it means*: ") + c.meaning(l) + "\n\n")
            out.write((l == .fr ? "*Que faire* : " : "*What to do*: ") + c.fix(l) + "\n\n")
            if e.kind == .functional {
                for p in e.passages where p.errorClass == c {
                    var head = "- **\(cell(p.idTechnique))**"
                    if let f = p.facts { head += " — " + P.certification(f, l) }
                    out.write(head + "\n")
                    for m in p.messages { out.write("  - « \(cell(m)) »\n") }
                    if let f = p.facts { out.write("  - " + cell(P.identity(f, l)) + "\n") }
                    for d in p.diagnoses { out.write("  - → " + cell(d.text(l)) + "\n") }
                }
            } else {
                for err in e.errors where err.errorClass == c {
                    let at = [err.error.line.map { (l == .fr ? "ligne " : "line ") + String($0) },
                              err.error.column.map { (l == .fr ? "colonne " : "column ") + String($0) }]
                        .compactMap { $0 }.joined(separator: ", ")
                    out.write("- **\(at.isEmpty ? "—" : at)**\(err.element.map { " — `\($0)`" } ?? "")\n")
                    out.write("  - " + cell(err.displayMessage) + "\n")
                    if let ctx = err.context { out.write("  - `" + ctx.lineText.trimmingWhitespace().replacingAll("`", with: "'") + "`\n") }
                    if let a = err.advice { out.write("  - → " + cell(a(l)) + "\n") }
                }
            }
            out.write("\n")
        }
        if let next = P.nextStep(e, l) { out.write(next + "\n") }
    }

    /// Text safe in a markdown table cell or list item.
    private func cell(_ s: String) -> String { s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ") }
}
