extension CheckRule {
    static let birthPlaceNil = CheckRule(
        code: "H03", slug: "birth-place-nil", severity: .warning,
        title: Localized(fr: "Commune de naissance inconnue", en: "Birth place unknown"),
        explanation: Localized(
            fr: "Sans commune de naissance (code postal en xsi:nil), la dernière étape du rapprochement ne peut rien départager. Le code INSEE est recommandé.",
            en: "Without a birth place (postcode xsi:nil), the last matching stage cannot tell people apart. The INSEE code is recommended."),
        examples: [
            RuleExample(replacing: "<cpf:codeInseeNaissance>\n                        <cpf:codeInsee>75056</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>",
                        with: "<cpf:codePostalNaissance>\n                        <cpf:codePostal xsi:nil=\"true\"/>\n                      </cpf:codePostalNaissance>", triggers: true),
            RuleExample(replacing: "EX-1", with: "EX-1", triggers: false),
        ],
        body: .passage { ctx in
            guard let postal = ctx.value(.codePostal), postal.isNil else { return [] }
            return [RuleFinding(at: postal, message: Localized(fr: "commune de naissance inconnue (code postal en xsi:nil)",
                                                               en: "birth place unknown (postcode xsi:nil)"))]
        })
}
