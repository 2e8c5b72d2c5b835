extension CheckRule {
    static let horodatageFuture = CheckRule(
        code: "B17", slug: "horodatage-future", severity: .warning,
        title: Localized(fr: "Horodatage dans le futur", en: "Horodatage in the future"),
        explanation: Localized(
            fr: "L'horodatage dit quand le fichier a été produit : une date à venir trahit une horloge déréglée ou une valeur recopiée.",
            en: "The horodatage says when the file was made: a date to come betrays a wrong clock or a copied value."),
        examples: [
            RuleExample(replacing: "2026-01-15T10:00:00+01:00", with: "2099-01-15T10:00:00+01:00", triggers: true),
            RuleExample(replacing: "2026-01-15T10:00:00+01:00", with: "2021-01-15T10:00:00+01:00", triggers: false),
        ],
        body: .header { ctx in
            guard let h = ctx.header.horodatage, let date = instant(h.value), date > ctx.now.addingTimeInterval(3600) else { return [] }
            return [RuleFinding(at: h, message: Localized(fr: "« \(h.value.trimmingWhitespace()) » est dans le futur",
                                                          en: "« \(h.value.trimmingWhitespace()) » is in the future"))]
        })
}
