extension CheckRule {
    /// Reported from the fix engine: values the schema accepts but that are not what was meant.
    static let surroundingSpaces = CheckRule(
        code: "B19", slug: "surrounding-spaces", severity: .warning, fix: .trimmed,
        title: Localized(fr: "Espaces autour d'une valeur", en: "Spaces around a value"),
        explanation: Localized(
            fr: "Des espaces ou retours à la ligne entourent la valeur : pour un nom ou un code, ils font partie de la donnée envoyée et peuvent faire échouer le rapprochement.",
            en: "Spaces or line breaks surround the value: for a name or a code they are part of the data sent and can make matching fail."),
        examples: [
            RuleExample(replacing: "<cpf:nomNaissance>Aubert</cpf:nomNaissance>", with: "<cpf:nomNaissance> Aubert </cpf:nomNaissance>", triggers: true),
            RuleExample(replacing: "<cpf:nomNaissance>Aubert</cpf:nomNaissance>", with: "<cpf:nomNaissance>Aubert</cpf:nomNaissance>", triggers: false),
        ],
        body: .fixEngine(.trimmed))
}
