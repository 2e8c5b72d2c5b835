extension CheckRule {
    static let tooManyPassages = CheckRule(
        code: "D02", slug: "too-many-passages", severity: .error,
        title: Localized(fr: "Plus de 200 000 passages", en: "Over 200,000 passages"),
        explanation: Localized(
            fr: "La CDC limite un dépôt à 200 000 passages : découpez le dépôt.",
            en: "The CDC limits a deposit to 200,000 passages: split the deposit."),
        examples: [],
        body: .file { ctx in
            guard ctx.passages > 200_000 else { return [] }
            return [RuleFinding(element: "", line: 1, column: 1, message: Localized(
                fr: "\(ctx.passages) passages pour 200 000 au plus", en: "\(ctx.passages) passages for 200,000 at most"))]
        })
}
