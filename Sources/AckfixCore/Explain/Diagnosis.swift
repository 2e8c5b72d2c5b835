/// A conclusion ackfix draws from the deposit about one refused passage.
public struct Diagnosis: Sendable {
    /// Stable identifier for JSON output, e.g. `code-missing-prefix`.
    public let slug: String
    public let text: Localized
    /// Structured facts for machines (e.g. `suggestedCode`).
    public let details: [String: String]

    public init(slug: String, text: Localized, details: [String: String] = [:]) {
        self.slug = slug
        self.text = text
        self.details = details
    }
}

/// Turns a refused passage's class and deposit facts into diagnoses.
enum Diagnoser {
    static func diagnose(_ c: Classification, facts: PassageFacts, idTechnique: String) -> [Diagnosis] {
        var out: [Diagnosis] = []
        if facts.occurrences > 1 {
            out.append(Diagnosis(
                slug: "id-repeated-in-deposit",
                text: Localized(
                    fr: "Cet idTechnique figure \(facts.occurrences) fois dans le dépôt : chaque passage doit avoir le sien.",
                    en: "This idTechnique appears \(facts.occurrences) times in the deposit: each passage needs its own."),
                details: ["occurrences": String(facts.occurrences)]))
        }
        switch c.errorClass.slug {
        case "certification-status-ko":
            out.append(certification(facts))
        case "validity-dates-inverted":
            out.append(dates(facts))
        case "duplicate-id":
            if let named = c.values["id"], named != idTechnique {
                out.append(Diagnosis(
                    slug: "duplicate-names-another-id",
                    text: Localized(
                        fr: "Le message de la CDC cite l'id technique \(named), différent de celui du passage (\(idTechnique)) : vérifiez lequel est déjà enregistré.",
                        en: "The CDC's message names technical id \(named), not the passage's own (\(idTechnique)): check which one is already recorded."),
                    details: ["idInMessage": named, "idTechnique": idTechnique]))
            }
        case "holder-not-found", "holder-not-found-birth-date", "holder-not-found-reconciliation", "holder-ambiguous":
            out += holder(c.errorClass.slug, facts)
        default:
            break
        }
        return out
    }

    private static func certification(_ facts: PassageFacts) -> Diagnosis {
        let type = facts.certificationType ?? ""
        let code = facts.certificationCode ?? ""
        guard let problem = CertificationCode.analyse(type: type, code: code) else {
            return Diagnosis(
                slug: "check-register",
                text: Localized(
                    fr: "Le type (\(type)) et le code (\(code)) ont une forme correcte : vérifiez que cette certification est bien enregistrée à votre nom dans le répertoire de France Compétences.",
                    en: "The type (\(type)) and code (\(code)) are well formed: check that this certification is registered to you in the France Compétences register."),
                details: ["type": type, "code": code])
        }
        let text: Localized
        var details = ["type": type, "code": code]
        switch problem {
        case .missingPrefix(let suggested):
            details["suggestedCode"] = suggested
            text = Localized(fr: "Le code \(code) n'a pas son préfixe : il faut \(suggested).",
                             en: "Code \(code) lacks its prefix: it should be \(suggested).")
        case .prefixDisagreesWithType(let suggested):
            details["suggestedType"] = suggested
            text = Localized(fr: "Le code \(code) est un code \(suggested) mais le type est « \(type) » : le type doit être \(suggested).",
                             en: "Code \(code) is an \(suggested) code but the type is « \(type) »: the type should be \(suggested).")
        case .nonCanonicalCode(let suggested):
            details["suggestedCode"] = suggested
            text = Localized(fr: "Le code s'écrit \(suggested) (préfixe et numéro, sans espace ni tiret), pas « \(code) ».",
                             en: "The code is written \(suggested) (prefix and number, no space or hyphen), not « \(code) ».")
        case .unknownType:
            text = Localized(fr: "Le type « \(type) » n'est ni RS ni RNCP : la CDC n'accepte que ces deux types.",
                             en: "Type « \(type) » is neither RS nor RNCP: the CDC only takes these two.")
        case .unrecognisedCode:
            text = Localized(fr: "Le code « \(code) » n'a pas la forme RS ou RNCP suivie du numéro de la fiche.",
                             en: "Code « \(code) » is not RS or RNCP followed by the register entry number.")
        }
        return Diagnosis(slug: problem.slug, text: text, details: details)
    }

    private static func dates(_ facts: PassageFacts) -> Diagnosis {
        let start = facts.dateDebutValidite ?? "?"
        guard let end = facts.dateFinValidite else {
            return Diagnosis(
                slug: "dates-not-inverted-in-deposit",
                text: Localized(fr: "Dans le dépôt, la fin de validité est vide (xsi:nil) : le passage envoyé à la CDC différait peut-être de ce fichier.",
                                en: "In the deposit, the validity end is empty (xsi:nil): the passage sent to the CDC may have differed from this file."),
                details: ["dateDebutValidite": start])
        }
        let inverted = end < start
        return Diagnosis(
            slug: inverted ? "dates-inverted-in-deposit" : "dates-not-inverted-in-deposit",
            text: inverted
                ? Localized(fr: "Dans le dépôt : début \(start), fin \(end). Corrigez l'une des deux dates.",
                            en: "In the deposit: start \(start), end \(end). Correct one of the two dates.")
                : Localized(fr: "Dans ce dépôt les dates sont dans l'ordre (début \(start), fin \(end)) : le passage envoyé à la CDC différait peut-être de ce fichier.",
                            en: "In this deposit the dates are in order (start \(start), end \(end)): the passage sent to the CDC may have differed from this file."),
            details: ["dateDebutValidite": start, "dateFinValidite": end])
    }

    private static func holder(_ slug: String, _ facts: PassageFacts) -> [Diagnosis] {
        switch facts.branch {
        case .dossierFormation?:
            return [Diagnosis(
                slug: "identity-by-cpf-file",
                text: Localized(
                    fr: "Ce passage identifie le titulaire par son dossier CPF : vérifiez le numéro de dossier, et le nom et le prénom tels qu'ils sont écrits dans ce dossier.",
                    en: "This passage names the holder by CPF file: check the file number, and the name and given name as written in that file."))]
        case .identifiantNational?:
            return [Diagnosis(
                slug: "identity-by-nir",
                text: Localized(fr: "Ce passage identifie le titulaire par son NIR : vérifiez les 13 premiers chiffres du NIR et le nom de naissance.",
                                en: "This passage names the holder by NIR: check the NIR's first 13 characters and the birth name."))]
        case nil:
            return [Diagnosis(slug: "identity-missing",
                              text: Localized(fr: "Le passage n'a pas de bloc d'identité lisible.", en: "The passage has no readable identity block."))]
        case .titulaire?:
            break
        }
        var out: [Diagnosis] = []
        // The identity worked out once, for the dozen fields looked at below.
        let identity = facts.identity
        func field(_ name: String) -> PassageFacts.IdentityField? { identity.first { $0.name == name } }
        let stage: HolderMatchingStage
        switch slug {
        case "holder-not-found": stage = .mandatory
        case "holder-not-found-birth-date": stage = .birthDayAndMonth
        default: stage = .reconciliation
        }
        // The fields whose absence weighs on matching: stage 1 and 2 fields and the birth place code.
        let decisive = HolderMatchingStage.mandatory.addedFields + HolderMatchingStage.birthDayAndMonth.addedFields
            + ["codeInsee", "codePostal"]
        if slug == "holder-ambiguous" {
            let unsetDecisive = decisive.compactMap { field($0) }.filter { $0.status != .sent }.map(\.name)
            let otherNames = ["prenom2", "prenom3"].filter { field($0)?.status != .sent }
            var fr = unsetDecisive.isEmpty ? "" : "Renseignez \(unsetDecisive.joined(separator: ", ")) (nil ou absents ici). "
            var en = unsetDecisive.isEmpty ? "" : "Fill in \(unsetDecisive.joined(separator: ", ")) (nil or missing here). "
            if field("codeInsee") == nil {
                fr += "Préférez le code INSEE de la commune de naissance au code postal. "
                en += "Prefer the INSEE code of the birth place to its postcode. "
            }
            if !otherNames.isEmpty {
                fr += "Ajoutez les autres prénoms du titulaire s'il en a."
                en += "Add the holder's other given names, if any."
            }
            out.append(Diagnosis(
                slug: "matching-needs-more",
                text: Localized(fr: fr.trimmingWhitespace(), en: en.trimmingWhitespace()),
                details: ["fieldsToAdd": (unsetDecisive + otherNames).joined(separator: ",")]))
        } else {
            let used = HolderMatchingStage.allCases.filter { $0.rawValue <= stage.rawValue }.flatMap(\.addedFields)
            let compared = used.filter { field($0)?.status == .sent }
            out.append(Diagnosis(
                slug: "matching-stage-\(stage.rawValue)",
                text: Localized(
                    fr: "Échec du rapprochement à l'\(stage.title.fr). Champs comparés : \(compared.joined(separator: ", ")).",
                    en: "Matching failed at \(stage.title.en). Fields compared: \(compared.joined(separator: ", "))."),
                details: ["stage": String(stage.rawValue), "fieldsCompared": compared.joined(separator: ",")]))
            let unset = used.filter { decisive.contains($0) }.compactMap { field($0) }.filter { $0.status != .sent }.map(\.name)
            if !unset.isEmpty {
                out.append(Diagnosis(
                    slug: "matching-fields-unset",
                    text: Localized(fr: "Champs utiles au rapprochement non renseignés (nil ou absents) : \(unset.joined(separator: ", ")).",
                                    en: "Fields used by matching not filled in (nil or missing): \(unset.joined(separator: ", "))."),
                    details: ["fields": unset.joined(separator: ",")]))
            }
            if stage == .reconciliation, let insee = field("codeInsee"), insee.status == .sent,
               facts.bornAbroadCodeMismatch {
                out.append(Diagnosis(
                    slug: "birth-country-code-mismatch",
                    text: Localized(fr: "Le code INSEE de naissance désigne un pays étranger (99…) mais codePaysNaissance n'en reprend pas les trois derniers chiffres.",
                                    en: "The birth INSEE code names a foreign country (99…) but codePaysNaissance does not repeat its last three digits.")))
            }
        }
        if facts.birthNameEqualsUsageName {
            out.append(Diagnosis(
                slug: "birth-name-equals-usage-name",
                text: Localized(fr: "Le nom de naissance est identique au nom d'usage : vérifiez que ce n'est pas le nom d'usage (ou d'époux) qui a été envoyé comme nom de naissance.",
                                en: "The birth name equals the usual name: check that the usual (or married) name was not sent as the birth name.")))
        }
        return out
    }
}
