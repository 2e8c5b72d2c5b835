extension ErrorClass {
    /// An XML declaration without `version` (guide erreurs §3.2).
    public static let xmlVersionMissing = ErrorClass(
        code: "X13", slug: "xml-version-missing", family: .rejection,
        title: Localized(fr: "Version XML absente", en: "XML version missing"),
        templates: [
            "La version est obligatoire dans la déclaration XML",
            "The version is required in the XML declaration",
        ],
        meaning: Localized(
            fr: "La première ligne du fichier (<?xml … ?>) ne donne pas la version XML.",
            en: "The file's first line (<?xml … ?>) does not give the XML version."),
        fix: Localized(
            fr: "Commencez le fichier par <?xml version=\"1.0\" encoding=\"UTF-8\"?> ; ackfix repair le fait seul.",
            en: "Start the file with <?xml version=\"1.0\" encoding=\"UTF-8\"?>; ackfix repair does it by itself."),
        examples: [Example("La version est obligatoire dans la déclaration XML.")])
}
