extension CheckRule {
    static let digitsInName = CheckRule(
        code: "H05", slug: "digits-in-name", severity: .warning,
        title: Localized(fr: "Chiffres dans un nom", en: "Digits in a name"),
        explanation: Localized(
            fr: "Un nom ou un prénom avec des chiffres vient souvent d'une colonne décalée dans le tableur : il ne correspondra à personne.",
            en: "A name or given name with digits often comes from a shifted spreadsheet column: it will match nobody."),
        examples: [
            RuleExample(replacing: "<cpf:nomNaissance>Aubert</cpf:nomNaissance>", with: "<cpf:nomNaissance>Aubert2</cpf:nomNaissance>", triggers: true),
            RuleExample(replacing: "<cpf:nomNaissance>Aubert</cpf:nomNaissance>", with: "<cpf:nomNaissance>Aubert-Lévy</cpf:nomNaissance>", triggers: false),
        ],
        body: .passage { ctx in
            ctx.names.filter { $0.value.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }.map {
                RuleFinding(at: $0, message: Localized(fr: "\($0.name) contient des chiffres", en: "\($0.name) holds digits"))
            }
        })
}
