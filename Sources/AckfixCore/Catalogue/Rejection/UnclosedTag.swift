extension ErrorClass {
    /// An element without its end tag (guide erreurs, « balise fermante absente »).
    public static let unclosedTag = ErrorClass(
        code: "X15", slug: "unclosed-tag", family: .rejection,
        title: Localized(fr: "Balise fermante absente", en: "End tag missing"),
        templates: [
            "Le type d'élément \"{element}\" doit se terminer par la balise de fin correspondante{…}",
            "The element type \"{element}\" must be terminated by the matching end-tag{…}",
        ],
        meaning: Localized(
            fr: "Un élément est ouvert mais jamais fermé, ou fermé avec un autre nom : le fichier n'est pas du XML bien formé.",
            en: "An element is opened but never closed, or closed with another name: the file is not well-formed XML."),
        fix: Localized(
            fr: "Ajoutez la balise de fin </…> correspondante, avec exactement le même nom et le même préfixe.",
            en: "Add the matching end tag </…>, with exactly the same name and prefix."),
        examples: [
            Example("Le type d'élément \"cpf:idClient\" doit se terminer par la balise de fin correspondante \"</cpf:idClient>\".",
                    values: ["element": "cpf:idClient"]),
        ])
}
