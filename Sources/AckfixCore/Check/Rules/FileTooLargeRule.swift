extension CheckRule {
    static let fileTooLarge = CheckRule(
        code: "D01", slug: "file-too-large", severity: .error,
        title: Localized(fr: "Fichier de plus de 200 Mo", en: "File over 200 MB"),
        explanation: Localized(
            fr: "Le portail de la CDC refuse les fichiers de plus de 200 Mo : découpez le dépôt en plusieurs fichiers (un en-tête complet chacun).",
            en: "The CDC's portal refuses files over 200 MB: split the deposit into several files (each with a full header)."),
        examples: [],
        body: .file { ctx in
            guard ctx.bytes > 200 * 1024 * 1024 else { return [] }
            return [RuleFinding(element: "", line: 1, column: 1, message: Localized(
                fr: "\(ctx.bytes / 1_048_576) Mo pour 200 au plus", en: "\(ctx.bytes / 1_048_576) MB for 200 at most"))]
        })
}
