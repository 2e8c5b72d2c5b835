extension ErrorClass {
    /// An XML version other than 1.0 (guide erreurs §3.2).
    public static let xmlVersionUnsupported = ErrorClass(
        code: "X14", slug: "xml-version-unsupported", family: .rejection,
        title: Localized(fr: "Version XML non prise en charge", en: "XML version not supported"),
        templates: [
            "La version XML \"{version}\" n'est pas prise en charge{…}",
            "XML version \"{version}\" is not supported{…}",
        ],
        meaning: Localized(
            fr: "Seul XML 1.0 est accepté par la CDC.",
            en: "The CDC only accepts XML 1.0."),
        fix: Localized(
            fr: "Écrivez version=\"1.0\" dans la déclaration XML ; ackfix repair le fait seul.",
            en: "Write version=\"1.0\" in the XML declaration; ackfix repair does it by itself."),
        examples: [
            Example("La version XML \"2.0\" n'est pas prise en charge. Seule la version XML 1.0 est prise en charge.",
                    values: ["version": "2.0"]),
        ])
}
