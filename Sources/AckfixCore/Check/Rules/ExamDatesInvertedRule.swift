extension CheckRule {
    static let examDatesInverted = CheckRule(
        code: "B07", slug: "exam-dates-inverted", severity: .warning,
        title: Localized(fr: "Fin d'examen avant le début", en: "Exam end before its start"),
        explanation: Localized(
            fr: "dateFinExamen doit suivre dateDebutExamen (dictionnaire des données). Une incohérence de dates fait refuser le passage.",
            en: "dateFinExamen must follow dateDebutExamen (data dictionary). Inconsistent dates get the passage refused."),
        examples: [
            RuleExample(replacing: "<cpf:dateFinExamen>2025-12-02</cpf:dateFinExamen>",
                        with: "<cpf:dateFinExamen>2025-11-02</cpf:dateFinExamen>", triggers: true),
            RuleExample(replacing: "<cpf:dateFinExamen>2025-12-02</cpf:dateFinExamen>",
                        with: "<cpf:dateFinExamen>2025-12-01</cpf:dateFinExamen>", triggers: false),
        ],
        body: .passage { ctx in
            guard let s = ctx.value(.dateDebutExamen), let e = ctx.value(.dateFinExamen),
                  let start = isoDate(s.value), let end = isoDate(e.value), end < start else { return [] }
            return [RuleFinding(at: e, message: Localized(fr: "fin d'examen \(end) avant le début \(start)",
                                                          en: "exam end \(end) before its start \(start)"))]
        })
}
