/// Sentences the explanation renderers share, so that text and markdown say the same thing.
enum ExplanationPhrases {
    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    static func headerFacts(_ r: ProcessingReport, _ l: Language) -> String {
        // The report's own words, written out safely (no control character reaches the terminal).
        let q = Privacy(showPersonalData: true)
        var parts: [String] = []
        parts.append((l == .fr ? "fichier déposé : " : "deposited file: ")
            + (r.nomFichier.map { q.quoted($0, limit: 200) } ?? (l == .fr ? "non indiqué" : "not given")))
        if let id = r.idFlux { parts.append("idFlux " + q.quoted(id, limit: 200)) }
        if let t = r.idTraitement { parts.append((l == .fr ? "traitement n° " : "processing no. ") + q.quoted(t, limit: 200)) }
        if let d = r.idDemande { parts.append((l == .fr ? "demande n° " : "request no. ") + q.quoted(d, limit: 200)) }
        return parts.joined(separator: " · ")
    }

    /// `1 passage refusé`, `3 passages refusés`.
    static func count(_ n: Int, _ one: Localized, _ many: Localized, _ l: Language) -> String {
        "\(n) \(n > 1 ? many(l) : one(l))"
    }

    static func verdict(_ e: Explanation, _ l: Language) -> String {
        if e.kind == .rejection {
            let n = count(e.errors.count, Localized(fr: "erreur signalée", en: "error reported"),
                          Localized(fr: "erreurs signalées", en: "errors reported"), l)
            let more = e.errors.count >= 90
            return l == .fr
                ? "Fichier REFUSÉ dans son ensemble par le contrôle technique (schéma XSD) : aucun passage n'a été enregistré. \(n)\(more ? " (la CDC n'en liste qu'une centaine au plus : il peut y en avoir d'autres)" : "")."
                : "File REFUSED as a whole by the technical check (XSD schema): no passage was recorded. \(n)\(more ? " (the CDC lists about a hundred at most: there may be more)" : "")."
        }
        let ok = count(e.okCount, Localized(fr: "passage accepté", en: "passage accepted"),
                       Localized(fr: "passages acceptés", en: "passages accepted"), l)
        let ko = count(e.koCount, Localized(fr: "passage refusé", en: "passage refused"),
                       Localized(fr: "passages refusés", en: "passages refused"), l)
        return "\(ok), \(ko) (KO)."
    }

    static func depositLine(_ d: Explanation.DepositMatch, _ l: Language) -> String {
        func mark(_ s: Explanation.DepositMatch.Status) -> String {
            switch s {
            case .match: return l == .fr ? "identique" : "same"
            case .mismatch: return l == .fr ? "DIFFÉRENT" : "DIFFERENT"
            case .unknown: return l == .fr ? "non vérifiable" : "cannot tell"
            }
        }
        let passages = count(d.passageCount, .verbatim("passage"), .verbatim("passages"), l)
        return (l == .fr ? "Dépôt comparé : " : "Deposit compared: ")
            + "\(d.path) (\(passages), \(l == .fr ? "schéma" : "schema") \(d.generation.rawValue)) · nomFichier \(mark(d.nomFichierMatch)) · idFlux \(mark(d.idFluxMatch))"
    }

    static func mismatchWarning(_ d: Explanation.DepositMatch, _ l: Language) -> String? {
        guard d.nomFichierMatch == .mismatch || d.idFluxMatch == .mismatch else { return nil }
        return l == .fr
            ? "Attention : cet accusé ne semble pas porter sur ce dépôt (nomFichier ou idFlux différent)."
            : "Warning: this report does not seem to be about this deposit (nomFichier or idFlux differs)."
    }

    static func identity(_ facts: PassageFacts, _ l: Language) -> String {
        guard let branch = facts.branch else { return l == .fr ? "identité : aucune" : "identity: none" }
        // Each field goes to its group in one pass (a report can refuse every passage of a deposit).
        var sent = "", nils = "", empty = "", missing = "", optional = ""
        func add(_ name: String, to group: inout String) {
            if !group.isEmpty { group += ", " }
            group += name
        }
        for f in facts.identity {
            switch f.status {
            case .sent: add(f.value.map { f.name + "=" + $0 } ?? f.name, to: &sent)
            case .nil: add(f.name, to: &nils)
            case .empty: add(f.name, to: &empty)
            case .missing:
                if DepositFields.isOptional(f.name) { add(f.name, to: &optional) } else { add(f.name, to: &missing) }
            }
        }
        let groups = [(l == .fr ? "envoyés" : "sent", sent), ("nil", nils), (l == .fr ? "vides" : "empty", empty),
                      (l == .fr ? "ABSENTS" : "MISSING", missing), (l == .fr ? "facultatifs non envoyés" : "optional, not sent", optional)]
        // French puts a space before the colon, English does not (the values are left as they are).
        let colon = l == .fr ? " :" : ":"
        var body = ""
        for (label, names) in groups where !names.isEmpty {
            if !body.isEmpty { body += " · " }
            body += label + colon + " " + names
        }
        var branches = branch.rawValue
        for other in facts.branches.dropFirst() { branches += " + " + other.rawValue }
        return (l == .fr ? "identité (" : "identity (") + branches + ") — " + body
    }

    static func certification(_ facts: PassageFacts, _ l: Language) -> String {
        "certification \(facts.certificationType ?? "?") \(facts.certificationCode ?? "?")"
    }

    static func nextStep(_ e: Explanation, _ l: Language) -> String? {
        guard e.hasProblems else {
            return l == .fr ? "Rien à renvoyer : tous les passages ont été acceptés." : "Nothing to send again: every passage was accepted."
        }
        let report = e.reportPath
        let deposit = e.deposit?.path ?? (l == .fr ? "<dépôt.xml>" : "<deposit.xml>")
        return l == .fr
            ? "Prochaine étape : ackfix repair \(deposit) \(report) écrit le fichier corrigé à déposer."
            : "Next step: ackfix repair \(deposit) \(report) writes the corrected file, ready to deposit."
    }

    static func anomaly(_ a: ProcessingReport.Anomaly, _ l: Language) -> String {
        let at = a.line > 0 ? (l == .fr ? " (ligne \(a.line) de l'accusé)" : " (line \(a.line) of the report)") : ""
        switch a.kind {
        case .passageWithoutID:
            return (l == .fr ? "un passage KO sans idTechnique" : "a KO passage without idTechnique") + at
        case .passageWithoutMessage:
            return (l == .fr ? "un passage KO sans messageErreur" : "a KO passage without messageErreur") + at
        case .duplicateKO(let id):
            return (l == .fr ? "le passage \(id) figure plusieurs fois parmi les KO" : "passage \(id) is listed several times as KO") + at
        case .bothOKAndKO(let id):
            return l == .fr ? "le passage \(id) est à la fois OK et KO" : "passage \(id) is both OK and KO"
        case .unreadableNumber(let element, let value):
            return (l == .fr ? "\(element) illisible : « \(value) »" : "unreadable \(element): « \(value) »") + at
        }
    }

    static func readFailure(_ f: XMLReadFailure, _ l: Language) -> String {
        let cause = DocumentError(path: "", kind: .xml(f)).cause(l)
        return l == .fr ? "Le dépôt n'a pas pu être lu jusqu'au bout (\(cause)). ackfix l'a lu jusque-là."
                        : "The deposit could not be read to its end (\(cause)). ackfix read it up to there."
    }
}
