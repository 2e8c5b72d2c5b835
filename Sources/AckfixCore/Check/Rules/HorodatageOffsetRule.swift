extension CheckRule {
    static let horodatageOffset = CheckRule(
        code: "B16", slug: "horodatage-offset", severity: .warning, fix: .horodatageParis,
        title: Localized(fr: "Horodatage pas à l'heure de Paris", en: "Horodatage not in Paris time"),
        explanation: Localized(
            fr: "Le décalage horaire n'est pas celui de Paris à cette date (+01:00 en hiver, +02:00 en été) : fuseau UTC, décalage figé toute l'année, ou copie de l'exemple de la CDC. Le schéma l'accepte, mais l'horodatage est faux.",
            en: "The offset is not Paris's at that date (+01:00 in winter, +02:00 in summer): a UTC zone, a year-round fixed offset, or a copy of the CDC's example. The schema accepts it, but the timestamp is wrong."),
        examples: [
            RuleExample(replacing: "2026-01-15T10:00:00+01:00", with: "2026-07-15T10:00:00+01:00", triggers: true),
            RuleExample(replacing: "2026-01-15T10:00:00+01:00", with: "2026-01-15T10:00:00+00:00", triggers: true),
            RuleExample(replacing: "2026-01-15T10:00:00+01:00", with: "2026-07-15T10:00:00+02:00", triggers: false),
        ],
        body: .header { ctx in
            guard let h = ctx.header.horodatage, let date = instant(h.value) else { return [] }
            let text = h.value.trimmingWhitespace()
            let paris = ParisTime.horodatage(date)
            guard paris != text else { return [] }
            return [RuleFinding(at: h, message: Localized(fr: "« \(text) » : à Paris, ce même instant s'écrit \(paris)",
                                                          en: "« \(text) »: in Paris, this same instant is \(paris)"),
                                edits: [ByteEdit(range: h.contentRange, text: paris)])]
        })
}
