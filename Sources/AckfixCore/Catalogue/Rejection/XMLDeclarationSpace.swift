extension ErrorClass {
    /// A space missing in the XML declaration, e.g. `version="1.0"encoding="UTF-8"` (seen in a real
    /// CDC report, line 1 column 18).
    public static let xmlDeclarationSpace = ErrorClass(
        code: "X17", slug: "xml-declaration-space", family: .rejection,
        title: Localized(fr: "Espace manquant dans la déclaration XML", en: "Space missing in the XML declaration"),
        templates: [
            "Un espace est obligatoire entre les données et la cible de l'instruction de traitement",
            "Un espace est obligatoire entre la cible de l'instruction de traitement et les données",
            "White space is required between the processing-instruction target and data",
        ],
        fallbackTemplates: ["Un espace est obligatoire {…}", "White space is required {…}"],
        meaning: Localized(
            fr: "La première ligne du fichier (<?xml … ?>) est mal écrite : il manque un espace entre deux de ses éléments, par exemple version=\"1.0\"encoding=\"UTF-8\".",
            en: "The file's first line (<?xml … ?>) is badly written: a space is missing between two of its parts, e.g. version=\"1.0\"encoding=\"UTF-8\"."),
        fix: Localized(
            fr: "Remplacez la première ligne par <?xml version=\"1.0\" encoding=\"UTF-8\"?> ; ackfix repair le fait seul.",
            en: "Replace the first line with <?xml version=\"1.0\" encoding=\"UTF-8\"?>; ackfix repair does it by itself."),
        examples: [
            Example("Un espace est obligatoire entre les données et la cible de l'instruction de traitement."),
            Example("Un espace est obligatoire avant la pseudo-attribut encoding dans la déclaration XML."),
        ])
}
