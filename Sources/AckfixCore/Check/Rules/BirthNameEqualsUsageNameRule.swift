extension CheckRule {
    static let birthNameEqualsUsageName = CheckRule(
        code: "H01", slug: "birth-name-equals-usage-name", severity: .info,
        title: Localized(fr: "Nom de naissance identique au nom d'usage", en: "Birth name equal to the usual name"),
        explanation: Localized(
            fr: "Fréquent et souvent juste, mais c'est aussi la trace d'un nom d'usage (d'époux) saisi comme nom de naissance, première cause d'« Aucun titulaire ». Vérifiez sur l'état civil pour les personnes mariées.",
            en: "Common and often right, but also the trace of a usual (married) name typed as the birth name, the first cause of « Aucun titulaire ». Check the civil status of married people."),
        examples: [
            RuleExample(replacing: "<cpf:nomUsage xsi:nil=\"true\"/>", with: "<cpf:nomUsage>AUBERT</cpf:nomUsage>", triggers: true),
            RuleExample(replacing: "<cpf:nomUsage xsi:nil=\"true\"/>", with: "<cpf:nomUsage>Morel</cpf:nomUsage>", triggers: false),
        ],
        body: .passage { ctx in
            guard let b = ctx.value(.nomNaissance), let u = ctx.value(.nomUsage), !b.isNil, !u.isNil,
                  !b.value.trimmingWhitespace().isEmpty, b.value.foldedForMatching() == u.value.foldedForMatching() else { return [] }
            return [RuleFinding(at: u, message: Localized(fr: "nom d'usage identique au nom de naissance", en: "usual name equal to the birth name"))]
        })
}
