extension CheckRule {
    static let birthDayMonthNil = CheckRule(
        code: "H02", slug: "birth-day-month-nil", severity: .warning,
        title: Localized(fr: "Jour ou mois de naissance inconnu", en: "Birth day or month unknown"),
        explanation: Localized(
            fr: "Sans jour ni mois, la CDC ne peut pas départager des homonymes nés la même année : le passage risque « Plusieurs titulaires ont été identifiés ».",
            en: "Without day and month, the CDC cannot tell apart namesakes born the same year: the passage risks « Plusieurs titulaires ont été identifiés »."),
        examples: [
            RuleExample(replacing: "<cpf:jourNaissance>12</cpf:jourNaissance>", with: "<cpf:jourNaissance xsi:nil=\"true\"/>", triggers: true),
            RuleExample(replacing: "EX-1", with: "EX-1", triggers: false),
        ],
        body: .passage { ctx in
            let unknown = [RuleField.jourNaissance, .moisNaissance].compactMap { ctx.value($0) }.filter(\.isNil)
            guard let first = unknown.first else { return [] }
            return [RuleFinding(at: first, message: Localized(
                fr: "\(unknown.map(\.name).joined(separator: " et ")) en xsi:nil : risque d'homonymes",
                en: "\(unknown.map(\.name).joined(separator: " and ")) xsi:nil: namesakes risk"))]
        })
}
