extension CheckRule {
    static let vaeRouteWithoutVAE = CheckRule(
        code: "B10", slug: "vae-route-without-vae", severity: .warning,
        title: Localized(fr: "Voie d'accès VAE sans modalité VAE", en: "VAE route without VAE access"),
        explanation: Localized(
            fr: "voieAccessVAE ne se donne que si modaliteAcces vaut VAE (dictionnaire des données).",
            en: "voieAccessVAE is only given when modaliteAcces is VAE (data dictionary)."),
        examples: [
            RuleExample(replacing: "<cpf:modaliteAcces>FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION</cpf:modaliteAcces>",
                        with: "<cpf:modaliteAcces>FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION</cpf:modaliteAcces>\n                  <cpf:voieAccessVAE>VAE_CLASSIQUE</cpf:voieAccessVAE>",
                        triggers: true),
            RuleExample(replacing: "<cpf:modaliteAcces>FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION</cpf:modaliteAcces>",
                        with: "<cpf:modaliteAcces>VAE</cpf:modaliteAcces>\n                  <cpf:voieAccessVAE>VAE_CLASSIQUE</cpf:voieAccessVAE>",
                        triggers: false),
        ],
        body: .passage { ctx in
            guard let route = ctx.value(.voieAccessVAE) else { return [] }
            let access = ctx.value(.modaliteAcces)
            let value = access.map { $0.isNil ? "xsi:nil" : $0.value.trimmingWhitespace() } ?? ""
            guard value != "VAE" else { return [] }
            return [RuleFinding(at: route, message: Localized(fr: "voieAccessVAE donné alors que modaliteAcces vaut « \(value) »",
                                                              en: "voieAccessVAE given while modaliteAcces is « \(value) »"))]
        })
}
