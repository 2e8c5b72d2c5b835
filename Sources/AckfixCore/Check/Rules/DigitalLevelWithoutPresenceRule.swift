extension CheckRule {
    static let digitalLevelWithoutPresence = CheckRule(
        code: "B09", slug: "digital-level-without-presence", severity: .warning,
        title: Localized(fr: "Niveau numérique sans présence déclarée", en: "Digital level without presence"),
        explanation: Localized(
            fr: "niveauNumeriqueEuropeen ne se donne que si presenceNiveauNumeriqueEuro vaut true ; et s'il vaut true, le bloc (avec son scoreGeneral) est attendu.",
            en: "niveauNumeriqueEuropeen is only given when presenceNiveauNumeriqueEuro is true; and when it is true, the block (with its scoreGeneral) is expected."),
        examples: [
            RuleExample(replacing: "<cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n                <cpf:scoring xsi:nil=\"true\"/>",
                        with: "<cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>\n                <cpf:niveauNumeriqueEuropeen><cpf:scoreGeneral>300</cpf:scoreGeneral></cpf:niveauNumeriqueEuropeen>\n                <cpf:scoring xsi:nil=\"true\"/>",
                        triggers: true),
            RuleExample(replacing: "EX-1", with: "EX-1", triggers: false),
        ],
        body: .passage { ctx in
            conditional(ctx, flag: .presenceNiveauNumeriqueEuro, dependent: .niveauNumeriqueEuropeen)
        })
}
