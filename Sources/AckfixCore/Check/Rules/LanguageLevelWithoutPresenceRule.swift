extension CheckRule {
    static let languageLevelWithoutPresence = CheckRule(
        code: "B08", slug: "language-level-without-presence", severity: .warning,
        title: Localized(fr: "Niveau de langue sans présence déclarée", en: "Language level without presence"),
        explanation: Localized(
            fr: "niveauLangueEuropeen ne se donne que si presenceNiveauLangueEuro vaut true (dictionnaire des données) ; et s'il vaut true, le niveau est attendu.",
            en: "niveauLangueEuropeen is only given when presenceNiveauLangueEuro is true (data dictionary); and when it is true, the level is expected."),
        examples: [
            RuleExample(replacing: "<cpf:presenceNiveauLangueEuro>false</cpf:presenceNiveauLangueEuro>\n                <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n                <cpf:scoring xsi:nil=\"true\"/>",
                        with: "<cpf:presenceNiveauLangueEuro>false</cpf:presenceNiveauLangueEuro>\n                <cpf:niveauLangueEuropeen>B2</cpf:niveauLangueEuropeen>\n                <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n                <cpf:scoring xsi:nil=\"true\"/>",
                        triggers: true),
            RuleExample(replacing: "<cpf:presenceNiveauLangueEuro>false</cpf:presenceNiveauLangueEuro>\n                <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n                <cpf:scoring xsi:nil=\"true\"/>",
                        with: "<cpf:presenceNiveauLangueEuro>true</cpf:presenceNiveauLangueEuro>\n                <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n                <cpf:scoring xsi:nil=\"true\"/>",
                        triggers: true),
            RuleExample(replacing: "EX-1", with: "EX-1", triggers: false),
        ],
        body: .passage { ctx in
            conditional(ctx, flag: .presenceNiveauLangueEuro, dependent: .niveauLangueEuropeen)
        })
}
