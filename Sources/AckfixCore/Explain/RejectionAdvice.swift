/// Advice specific to one rejection error: the class's general fix says what kind of mistake it
/// is; this says what to write instead, when ackfix can tell.
enum RejectionAdvice {
    static func advice(for c: Classification, element: String?, privacy: Privacy) -> Localized? {
        let value = c.values["value"]
        let decl = element.flatMap { DepositSchema.v115.declaration(named: $0) }
        let label = element.map { DepositFields.label($0) }
        func shown(_ v: String) -> String { element.map { privacy.display(v, field: $0) } ?? v }

        switch c.errorClass {
        case .invalidFormat:
            guard let value else { return nil }
            if ValueRepair.isNilWord(value) {
                if let decl, decl.nillable, let element {
                    return Localized(fr: "« \(value) » n'est pas une valeur vide : écrivez <cpf:\(element) xsi:nil=\"true\"/>.",
                                     en: "« \(value) » is not an empty value: write <cpf:\(element) xsi:nil=\"true\"/>.")
                }
                return Localized(fr: "« \(value) » n'est pas une valeur : ce champ en demande une vraie.",
                                 en: "« \(value) » is not a value: this field needs a real one.")
            }
            let type = (decl.flatMap { DepositSchema.v115.simpleType($0.type)?.base.rawValue } ?? c.values["type"] ?? "").lowercased()
            if element == "horodatage" || type == "datetime" {
                let fixed = ValueRepair.horodatage(value)
                return Localized(
                    fr: "Écrivez l'horodatage AAAA-MM-JJTHH:MM:SS+01:00 (ou +02:00 en été)\(fixed.map { " : \($0)" } ?? ".")",
                    en: "Write the timestamp as YYYY-MM-DDTHH:MM:SS+01:00 (or +02:00 in summer)\(fixed.map { ": \($0)" } ?? ".")")
            }
            if type == "date" || (element ?? "").hasPrefix("date") {
                let fixed = ValueRepair.date(value)
                return Localized(fr: "Écrivez la date AAAA-MM-JJ\(fixed.map { " : \(shown($0))" } ?? ".")",
                                 en: "Write the date as YYYY-MM-DD\(fixed.map { ": \(shown($0))" } ?? ".")")
            }
            if type == "boolean" {
                return Localized(fr: "Écrivez true ou false, en minuscules\(ValueRepair.boolean(value).map { " : \($0)" } ?? ".")",
                                 en: "Write true or false, in lower case\(ValueRepair.boolean(value).map { ": \($0)" } ?? ".")")
            }
            return nil
        case .invalidEnumeration:
            let allowed = c.values["expected"].map(listItems) ?? []
            guard let value, !allowed.isEmpty else { return nil }
            if let s = ValueRepair.enumeration(value, allowed: allowed, element: element ?? "") {
                return Localized(fr: "Remplacez « \(value) » par \(s).", en: "Replace « \(value) » with \(s).")
            }
            return Localized(fr: "Valeurs permises : \(allowed.joined(separator: ", ")).",
                             en: "Allowed values: \(allowed.joined(separator: ", ")).")
        case .invalidLength:
            guard let decl, let label, let t = DepositSchema.v115.simpleType(decl.type) else { return nil }
            if value == "" {
                if decl.optional {
                    return Localized(fr: "Le champ \(label.fr) est vide : retirez l'élément.", en: "The \(label.en) field is empty: remove the element.")
                }
                if decl.nillable {
                    return Localized(fr: "Le champ \(label.fr) est vide : écrivez-le avec xsi:nil=\"true\".",
                                     en: "The \(label.en) field is empty: write it with xsi:nil=\"true\".")
                }
            }
            if let n = t.length {
                return Localized(fr: "Le champ \(label.fr) fait exactement \(n) caractères.", en: "The \(label.en) field is exactly \(n) characters long.")
            }
            return Localized(fr: "Le champ \(label.fr) fait de \(t.minLength ?? 1) à \(t.maxLength ?? 255) caractères.",
                             en: "The \(label.en) field is \(t.minLength ?? 1) to \(t.maxLength ?? 255) characters long.")
        case .outOfRange:
            guard let decl, let label, let t = DepositSchema.v115.simpleType(decl.type),
                  let lo = t.minInclusive, let hi = t.maxInclusive else { return nil }
            let nilHint = decl.nillable
                ? Localized(fr: " ; inconnu, il s'écrit avec xsi:nil=\"true\"", en: "; when unknown, write it with xsi:nil=\"true\"")
                : Localized(fr: "", en: "")
            return Localized(fr: "Le champ \(label.fr) va de \(lo) à \(hi)\(nilHint.fr).",
                             en: "The \(label.en) field goes from \(lo) to \(hi)\(nilHint.en).")
        case .missingElement:
            let expected = c.values["expected"].map(expectedNames) ?? []
            let nillable = expected.filter { DepositSchema.v115.declaration(named: $0)?.nillable == true }
            guard !expected.isEmpty else { return nil }
            var fr = "Éléments attendus à cet endroit : \(expected.joined(separator: ", "))."
            var en = "Elements expected here: \(expected.joined(separator: ", "))."
            if !nillable.isEmpty {
                fr += " Sans valeur, \(nillable.joined(separator: ", ")) s'écri\(nillable.count > 1 ? "vent" : "t") avec xsi:nil=\"true\"."
                en += " Without a value, \(nillable.joined(separator: ", ")) \(nillable.count > 1 ? "are" : "is") written with xsi:nil=\"true\"."
            }
            return Localized(fr: fr, en: en)
        case .unexpectedElement:
            let expected = c.values["expected"].map(expectedNames) ?? []
            guard !expected.isEmpty else { return nil }
            return Localized(fr: "Éléments attendus à cet endroit : \(expected.joined(separator: ", ")).",
                             en: "Elements expected here: \(expected.joined(separator: ", ")).")
        case .exclusiveChoice where element == "codePostalNaissance" || element == "codeInseeNaissance":
            return Localized(fr: "Gardez codeInseeNaissance et retirez codePostalNaissance ; ackfix repair le fait seul.",
                             en: "Keep codeInseeNaissance and remove codePostalNaissance; ackfix repair does it by itself.")
        default:
            return nil
        }
    }

    /// `[M, F]` → M, F.
    static func listItems(_ s: String) -> [String] {
        s.trimmingCharacters(in: "[] ").split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// `{"urn:…":idClient, "urn:…":certificateurs}` → idClient, certificateurs.
    static func expectedNames(_ s: String) -> [String] {
        s.trimmingCharacters(in: "{} ").split(separator: ",").map { XMLNames.localName(String($0).trimmingWhitespace()) }
            .filter { !$0.isEmpty }
    }
}
