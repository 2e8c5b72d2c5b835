/// The explanation for people at a terminal.
public struct ExplanationTextRenderer {
    public let language: Language
    public let style: Style

    public init(language: Language, style: Style = .plain) {
        self.language = language
        self.style = style
    }

    public func render(_ e: Explanation, to out: TextSink) {
        let l = language
        typealias P = ExplanationPhrases
        out.write(style.bold((l == .fr ? "Accusé de traitement : " : "Processing report: ") + e.reportPath) + "\n")
        out.write(P.headerFacts(e.report, l).capitalizedFirst + "\n")
        if let d = e.deposit {
            out.write(P.depositLine(d, l) + "\n")
            if let w = P.mismatchWarning(d, l) { out.write(style.yellow(w) + "\n") }
            if let f = d.readFailure { out.write(P.readFailure(f, l) + "\n") }
        }
        out.write("\n" + style.bold(P.verdict(e, l)) + "\n")
        for (c, n) in e.countsByClass {
            out.write("  \(padLeft(String(n), 5)) × \(c.code) \(pad(c.slug, 32)) \(c.title(l))\n")
        }
        if !e.notInDeposit.isEmpty {
            out.write(style.yellow(l == .fr
                ? "  \(e.notInDeposit.count) passage(s) KO absent(s) du dépôt : \(e.notInDeposit.joined(separator: ", "))"
                : "  \(e.notInDeposit.count) KO passage(s) missing from the deposit: \(e.notInDeposit.joined(separator: ", "))") + "\n")
        }
        for a in e.report.anomalies {
            out.write(style.yellow((l == .fr ? "  Anomalie de l'accusé : " : "  Report anomaly: ") + P.anomaly(a, l)) + "\n")
        }
        if e.kind == .functional {
            // By place: copies of 10,000 passages, one class at a time, would double what the explanation holds.
            for (c, _) in e.countsByClass {
                let members = e.passages.indices.filter { e.passages[$0].errorClass == c }
                section(c, passages: members.lazy.map { e.passages[$0] }, to: out)
            }
        } else {
            for (c, _) in e.countsByClass { section(c, errors: e.errors.filter { $0.errorClass == c }, to: out) }
        }
        if let next = P.nextStep(e, l) { out.write("\n" + next + "\n") }
    }

    private func heading(_ c: ErrorClass, count: String, to out: TextSink) {
        let l = language
        out.write("\n" + style.bold("── \(c.code) · \(c.title(l)) (\(c.slug)) · \(count)") + "\n")
        out.write((l == .fr ? "Ce que cela veut dire : " : "What it means: ") + c.meaning(l) + "\n")
        out.write((l == .fr ? "Que faire : " : "What to do: ") + c.fix(l) + "\n")
    }

    private func section(_ c: ErrorClass, passages: some Collection<Explanation.Passage>, to out: TextSink) {
        let l = language
        heading(c, count: ExplanationPhrases.count(passages.count, .verbatim("passage"), .verbatim("passages"), l), to: out)
        for p in passages {
            var line = "  • " + style.bold(p.idTechnique)
            if let f = p.facts {
                line += (l == .fr ? " (ligne \(f.line) du dépôt) — " : " (deposit line \(f.line)) — ") + ExplanationPhrases.certification(f, l)
            }
            out.write(line + "\n")
            for m in p.messages { out.write("      « \(m) »\n") }
            if let f = p.facts { out.write("      " + ExplanationPhrases.identity(f, l) + "\n") }
            for d in p.diagnoses { out.write("      → " + d.text(l) + "\n") }
        }
    }

    private func section(_ c: ErrorClass, errors: [Explanation.RejectionError], to out: TextSink) {
        let l = language
        heading(c, count: ExplanationPhrases.count(errors.count, Localized(fr: "erreur", en: "error"),
                                                   Localized(fr: "erreurs", en: "errors"), l), to: out)
        for e in errors {
            var place: [String] = []
            if let line = e.error.line { place.append((l == .fr ? "ligne " : "line ") + String(line)) }
            if let col = e.error.column { place.append((l == .fr ? "colonne " : "column ") + String(col)) }
            var head = "  • " + (place.isEmpty ? (l == .fr ? "sans position" : "no position") : place.joined(separator: ", "))
            if let element = e.element { head += " — " + element }
            if let ctx = e.context, let id = ctx.passageID { head += (l == .fr ? " (passage \(id))" : " (passage \(id))") }
            out.write(head + "\n")
            out.write("      " + e.displayMessage + "\n")
            if let ctx = e.context, let line = e.error.line {
                let gutter = String(line)
                // Indentation is dropped; the caret moves with it.
                let indent = ctx.lineText.prefix { $0 == " " || $0 == "\t" }.count
                out.write("      " + style.dim(gutter + " | ") + String(ctx.lineText.dropFirst(indent)) + "\n")
                if let col = ctx.column, col > indent {
                    out.write("      " + style.dim(String(repeating: " ", count: gutter.count) + " | ")
                        + String(repeating: " ", count: col - 1 - indent) + style.red("^") + "\n")
                }
            }
            if let advice = e.advice { out.write("      → " + advice(l) + "\n") }
        }
    }

    private func padLeft(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
