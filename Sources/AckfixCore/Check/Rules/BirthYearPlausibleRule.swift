extension CheckRule {
    static let birthYearPlausible = CheckRule(
        code: "B15", slug: "birth-year-plausible", severity: .warning,
        title: Localized(fr: "Année de naissance peu plausible", en: "Implausible birth year"),
        explanation: Localized(
            fr: "Le titulaire aurait moins de 14 ans ou plus de 100 ans au début de la validité : souvent l'année d'examen saisie à la place de l'année de naissance.",
            en: "The holder would be under 14 or over 100 when the validity starts: often the exam year typed instead of the birth year."),
        examples: [
            RuleExample(replacing: "<cpf:anneeNaissance>1990</cpf:anneeNaissance>", with: "<cpf:anneeNaissance>2020</cpf:anneeNaissance>", triggers: true),
            RuleExample(replacing: "<cpf:anneeNaissance>1990</cpf:anneeNaissance>", with: "<cpf:anneeNaissance>1924</cpf:anneeNaissance>", triggers: true),
            RuleExample(replacing: "<cpf:anneeNaissance>1990</cpf:anneeNaissance>", with: "<cpf:anneeNaissance>2008</cpf:anneeNaissance>", triggers: false),
        ],
        body: .passage { ctx in
            guard let year = ctx.value(.anneeNaissance), let y = Int(year.value.trimmingWhitespace()),
                  let start = ctx.value(.dateDebutValidite).flatMap({ isoDate($0.value) }),
                  let validity = Int(start.prefix(4)) else { return [] }
            let age = validity - y
            guard age < 14 || age > 100 else { return [] }
            return [RuleFinding(at: year, message: Localized(
                fr: "né en \(Privacy.mask) : \(age) ans au début de la validité (\(start))",
                en: "born in \(Privacy.mask): \(age) years old when the validity starts (\(start))"))]
        })
}
