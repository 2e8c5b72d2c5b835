/// The documentation pages ackfix generates from its own catalogues, so that docs/ cannot drift
/// from the code: `ackfix docs docs/` writes them, and a test checks the committed copies.
public enum DocumentationPages {
    public struct Page: Sendable {
        /// Path below docs/.
        public let path: String
        public let content: String
    }

    public static func all() -> [Page] {
        var pages = ErrorCatalogue.all.map(errorClassPage)
        pages.append(errorIndex())
        pages.append(fixesPage())
        pages += Checker.rules.map(rulePage)
        pages.append(ruleIndex())
        return pages
    }

    static func errorClassPath(_ c: ErrorClass) -> String {
        "errors/\(c.code)-\(c.slug).md"
    }

    private static func errorIndex() -> Page {
        var s = "# CDC error classes / classes d'erreurs de la CDC\n\n"
        s += "Generated from the catalogue by `ackfix docs docs/`; do not edit by hand.\n\n"
        s += "Refused passages (`PassagesKO`) and technical rejections (`erreurs`) of a processing report fall in one of these classes. The slug appears in `ackfix explain --format json` (`class`) and is stable.\n\n"
        for (title, family) in [("Refused passages (functional report)", ErrorCatalogue.functional),
                                ("Technical rejection (whole file refused)", ErrorCatalogue.rejection)] {
            s += "## \(title)\n\n| Code | Slug | Titre | Title |\n|---|---|---|---|\n"
            for c in family {
                let file = errorClassPath(c).split(separator: "/").last!
                s += "| [\(c.code)](\(file)) | `\(c.slug)` | \(c.title.fr) | \(c.title.en) |\n"
            }
            s += "\n"
        }
        return Page(path: "errors/README.md", content: s)
    }

    static func rulePath(_ r: CheckRule) -> String { "rules/\(r.code)-\(r.slug).md" }

    private static func ruleIndex() -> Page {
        var s = "# `ackfix check` rules / règles\n\nGenerated from `Sources/AckfixCore/Check/Rules` by `ackfix docs docs/`; do not edit by hand.\n\n"
        s += "Schema violations are reported under the CDC's rejection classes (`X01`…`X11`, docs/errors/). The rules below catch what the schema lets through. Severity: `error` the CDC will refuse it; `warning` likely to come back KO; `info` worth knowing. Fix: `safe` applied by `--fix`, `unsafe` only with `--unsafe-fixes`.\n\n"
        s += "| Code | Slug | Severity | Fix | Title | Titre |\n|---|---|---|---|---|---|\n"
        for r in Checker.rules {
            let file = rulePath(r).split(separator: "/").last!
            s += "| [\(r.code)](\(file)) | `\(r.slug)` | \(r.severity.rawValue) | \(r.fixability.rawValue) | \(r.title.en) | \(r.title.fr) |\n"
        }
        return Page(path: "rules/README.md", content: s)
    }

    private static func rulePage(_ r: CheckRule) -> Page {
        var s = "# \(r.code) `\(r.slug)`: \(r.title.en) / \(r.title.fr)\n\n"
        s += "Generated from `Sources/AckfixCore/Check/Rules` by `ackfix docs docs/`; do not edit by hand.\n\n"
        s += "Severity: **\(r.severity.rawValue)**. Fix: **\(r.fixability.rawValue)**"
        if let f = r.fix { s += " (\(f.code) `\(f.slug)`: \(f.title.en))" }
        s += ".\n\n## Why\n\n\(r.explanation.en)\n\n## Pourquoi\n\n\(r.explanation.fr)\n\n"
        let shown = r.examples.filter { $0.replacing != $0.with }
        if !shown.isEmpty {
            s += "## Examples\n\n"
            for e in shown {
                s += (e.triggers ? "Flagged:" : "Not flagged:") + "\n\n```xml\n" + e.with + "\n```\n\n"
            }
        }
        return Page(path: rulePath(r), content: s)
    }

    private static func fixesPage() -> Page {
        var s = "# Fixes / corrections\n\nGenerated from `Sources/AckfixCore/Fixes/FixKind.swift` by `ackfix docs docs/`; do not edit by hand.\n\n"
        s += "Safe fixes apply by default: the value can only have meant one thing. Unsafe fixes guess at identity data and apply only with `--unsafe-fixes`; each one is listed in the account of the repair so that a person checks it. The slug appears in JSON output (`fixes[].slug`).\n\n"
        for safety in [FixKind.Safety.safe, .unsafe] {
            s += safety == .safe ? "## Safe fixes\n\n" : "## Unsafe fixes (`--unsafe-fixes`)\n\n"
            for f in FixKind.all where f.safety == safety {
                s += "### \(f.code) `\(f.slug)`: \(f.title.en) / \(f.title.fr)\n\n\(f.explanation.en)\n\n\(f.explanation.fr)\n\n"
            }
        }
        return Page(path: "fixes.md", content: s)
    }

    private static func errorClassPage(_ c: ErrorClass) -> Page {
        var s = "# \(c.code) `\(c.slug)`: \(c.title.en) / \(c.title.fr)\n\n"
        s += "Generated from `Sources/AckfixCore/Catalogue` by `ackfix docs docs/`; do not edit by hand.\n\n"
        s += c.family == .functional
            ? "Family: refused passage (`PassagesKO/passage/messageErreur`).\n\n"
            : "Family: technical rejection (`erreurs/erreur/message`): the whole file was refused, nothing was recorded.\n\n"
        if !c.validatorCodes.isEmpty {
            s += "Validator codes: " + c.validatorCodes.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
        }
        s += "## What it means\n\n\(c.meaning.en)\n\n## What to do\n\n\(c.fix.en)\n\n"
        s += "## Ce que cela veut dire\n\n\(c.meaning.fr)\n\n## Que faire\n\n\(c.fix.fr)\n\n"
        if !c.templates.isEmpty || !c.fallbackTemplates.isEmpty {
            s += "## CDC wordings recognised\n\nMatched ignoring accents, case and white space. `{name}` is a value ackfix extracts, `{…}` any text.\n\n"
            for t in c.templates { s += "- `\(t.text)`\n" }
            for t in c.fallbackTemplates { s += "- `\(t.text)` (when nothing more precise matches)\n" }
            s += "\n"
        }
        if !c.examples.isEmpty {
            s += "## Examples\n\n"
            for e in c.examples {
                s += "- « \(e.message) »"
                if !e.values.isEmpty {
                    s += " → " + e.values.keys.sorted().map { "\($0) = `\(e.values[$0]!)`" }.joined(separator: ", ")
                }
                s += "\n"
            }
            s += "\n"
        }
        return Page(path: errorClassPath(c), content: s)
    }
}
