/// The account of a repair, for people.
public struct RepairTextRenderer {
    public let language: Language
    public let privacy: Privacy
    public let style: Style

    public init(language: Language, privacy: Privacy, style: Style = .plain) {
        self.language = language
        self.privacy = privacy
        self.style = style
    }

    public func render(_ r: RepairResult, to out: TextSink) {
        let l = language
        let fr = l == .fr
        let kind = r.reportKind == .functional
            ? (fr ? "accusé de traitement, \(r.passages.count) passage(s) refusé(s)" : "processing report, \(r.passages.count) refused passage(s)")
            : (fr ? "refus technique : tout le dépôt est renvoyé" : "technical rejection: the whole deposit goes again")
        out.write(style.bold((fr ? "Réparation de " : "Repair of ") + r.depositPath) + (fr ? " d'après " : " from ") + r.reportPath + " (\(kind))\n")
        let counts = r.counts
        let inOutput = counts.reduce(0) { $0 + ($1.key.isInOutput ? $1.value : 0) }
        switch r.refusal {
        case .invalid(let check)?:
            out.write(style.red(fr ? "Fichier NON écrit : il ne passerait pas le contrôle du schéma. À corriger d'abord (à la main ou avec --corrections) :"
                                   : "File NOT written: it would fail the schema check. To fix first (by hand or with --corrections):") + "\n")
            for v in check.violations.prefix(200) { out.write("  • " + RepairPhrases.violation(v, in: r, privacy: privacy, l) + "\n") }
            if check.violations.count > 200 { out.write("  … \(check.violations.count - 200) " + (fr ? "de plus" : "more") + "\n") }
            if let f = check.readFailure { out.write("  • " + DocumentError(path: r.outputPath, kind: .xml(f)).cause(l) + "\n") }
        case .nothingToSend?:
            out.write(style.yellow(fr ? "Aucun fichier écrit : aucun passage à renvoyer." : "No file written: no passage to send again.") + "\n")
        case nil:
            let facts = fr
                ? "\(inOutput) passage(s), nouvel idFlux \(r.newFluxID), horodatage \(r.newHorodatage)"
                : "\(inOutput) passage(s), new idFlux \(r.newFluxID), horodatage \(r.newHorodatage)"
            if r.dryRun {
                out.write((fr ? "Simulation (--dry-run) : rien n'est écrit. Le fichier " : "Dry run (--dry-run): nothing written. The file ")
                    + r.outputPath + (fr ? " aurait " : " would have ") + facts + (fr ? " et passerait le contrôle du schéma.\n" : " and would pass the schema check.\n"))
            } else {
                out.write(style.green((fr ? "Fichier écrit : " : "File written: ") + r.outputPath) + " (" + facts + (fr ? ", contrôlé avec le schéma)\n" : ", checked against the schema)\n"))
            }
        }
        if !r.fileFixes.isEmpty {
            out.write("\n" + (fr ? "Corrections du fichier :" : "File fixes:") + "\n")
            for f in r.fileFixes { out.write("  • " + RepairPhrases.fix(f, privacy: privacy, l) + lineSuffix(f.line) + "\n") }
        }
        out.write("\n" + (fr ? "Passages :" : "Passages:") + "\n")
        // By outcome and class, what to do told once a group: 200,000 accounts, each with its
        // advice, were 50 MB of text. Written piece by piece.
        // Whether unsafe fixes exist that were not applied, told in the same pass over the accounts.
        var reviewHasUnsafeFix = false, unsafeFixApplied = false
        for group in r.passages.groups() {
            let errorClass = group.errorClass
            if group.outcome == .needsReview, let c = errorClass, Self.unsafeFixClasses.contains(c.slug) { reviewHasUnsafeFix = true }
            // In words for people, with the slugs scripts and the JSON account use.
            out.write("  " + style.bold(group.outcome.rawValue) + " (" + RepairPhrases.outcome(group.outcome)(l) + ")"
                + (errorClass.map { " · " + $0.title(l) + " (" + $0.slug + ")" } ?? "") + " · \(group.count) passage(s)\n")
            if let note = group.note { out.write("    → " + note(l) + "\n") }
            for i in r.passages.members(of: group) {
                let p = r.passages[i]
                if !unsafeFixApplied, p.fixes.contains(where: { $0.kind.safety == .unsafe }) { unsafeFixApplied = true }
                out.write("    ")
                out.write(p.idTechnique)
                if let n = p.newIdTechnique { out.write((fr ? "  → nouvel id " : "  → new id ") + n) }
                out.write("\n")
                for f in p.fixes where f.kind != .renumbered { out.write("      + " + RepairPhrases.fix(f, privacy: privacy, l) + "\n") }
                if group.note == nil, let note = p.note {
                    out.write("      → ")
                    out.write(note(l))
                    out.write("\n")
                }
            }
        }
        out.write("\n" + summary(r, counts) + "\n")
        if r.resendsRejectedDepositUnchanged {
            out.write(style.yellow(fr ? "Rien à corriger n'a été trouvé : le fichier est le dépôt refusé tel quel (idFlux et horodatage mis à part), la CDC le refusera sans doute pour les mêmes erreurs. Voyez ackfix explain pour le détail de chaque erreur."
                                      : "Nothing to fix was found: the file is the refused deposit as it was (idFlux and horodatage aside), so the CDC will likely refuse it for the same errors. See ackfix explain for each error.") + "\n")
        }
        if reviewHasUnsafeFix && !unsafeFixApplied {
            out.write(fr ? "Des corrections risquées (suppositions sur l'identité) existent pour certains passages à vérifier : --unsafe-fixes les applique (docs/fixes.md).\n"
                         : "Unsafe fixes (guesses at identity data) exist for some passages to review: --unsafe-fixes applies them (docs/fixes.md).\n")
        }
    }

    /// The classes with an unsafe fix, by slug.
    static let unsafeFixClasses: Set<String> = [
        "holder-not-found-birth-date", "holder-not-found", "holder-ambiguous", "holder-not-found-reconciliation",
        "validity-dates-inverted"]

    private func summary(_ r: RepairResult, _ counts: [RepairResult.Outcome: Int]) -> String {
        let parts = RepairResult.Outcome.allCases.map { o in "\(counts[o] ?? 0) " + RepairPhrases.outcome(o)(language) }
        return (language == .fr ? "Bilan : " : "Summary: ") + "\(r.passages.count) passage(s) — " + parts.joined(separator: ", ") + "."
    }

    private func lineSuffix(_ line: Int) -> String {
        line > 0 ? (language == .fr ? " (ligne \(line))" : " (line \(line))") : ""
    }
}
