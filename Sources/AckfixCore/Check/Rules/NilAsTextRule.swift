extension CheckRule {
    static let nilAsText = CheckRule(
        code: "B20", slug: "nil-as-text", severity: .warning, fix: .nilWord,
        title: Localized(fr: "« nil » ou « NULL » écrit en texte", en: "« nil » or « NULL » typed as text"),
        explanation: Localized(
            fr: "Le champ contient le mot nil, nill ou NULL : c'est une valeur pour la CDC (un score « NULL »), pas une absence. Une valeur inconnue s'écrit avec xsi:nil=\"true\".",
            en: "The field holds the word nil, nill or NULL: a value for the CDC (a « NULL » score), not an absence. An unknown value is written with xsi:nil=\"true\"."),
        examples: [
            RuleExample(replacing: "<cpf:scoring>15</cpf:scoring>", with: "<cpf:scoring>NULL</cpf:scoring>", triggers: true),
            RuleExample(replacing: "<cpf:scoring>15</cpf:scoring>", with: "<cpf:scoring>15</cpf:scoring>", triggers: false),
        ],
        body: .fixEngine(.nilWord))
}
