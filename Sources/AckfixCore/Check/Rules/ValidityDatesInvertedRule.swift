extension CheckRule {
    static let validityDatesInverted = CheckRule(
        code: "B06", slug: "validity-dates-inverted", severity: .error, fix: .swapValidityDates,
        title: Localized(fr: "Fin de validité avant le début", en: "Validity end before its start"),
        explanation: Localized(
            fr: "La CDC refuse le passage (« La date de fin de validité est inférieure à date de début de validité »). Sans fin de validité, écrivez dateFinValidite en xsi:nil.",
            en: "The CDC refuses the passage (« La date de fin de validité est inférieure à date de début de validité »). With no end of validity, write dateFinValidite as xsi:nil."),
        examples: [
            RuleExample(replacing: "<cpf:dateFinValidite>2030-12-10</cpf:dateFinValidite>",
                        with: "<cpf:dateFinValidite>2020-12-10</cpf:dateFinValidite>", triggers: true),
            RuleExample(replacing: "<cpf:dateFinValidite>2030-12-10</cpf:dateFinValidite>",
                        with: "<cpf:dateFinValidite>2025-12-10</cpf:dateFinValidite>", triggers: false),
        ],
        body: .passage { ctx in
            guard let s = ctx.value(.dateDebutValidite), let e = ctx.value(.dateFinValidite), !e.isNil,
                  let start = isoDate(s.value), let end = isoDate(e.value), end < start else { return [] }
            var editor = ctx.editor()
            editor.set("dateDebutValidite", .value(end), kind: .swapValidityDates)
            editor.set("dateFinValidite", .value(start), kind: .swapValidityDates)
            return [RuleFinding(at: e, message: Localized(fr: "fin de validité \(end) avant le début \(start)",
                                                          en: "validity end \(end) before its start \(start)"),
                                edits: editor.edits)]
        })
}
