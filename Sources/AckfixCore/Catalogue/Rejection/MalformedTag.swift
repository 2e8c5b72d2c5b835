extension ErrorClass {
    /// A tag missing its `>` (guide erreurs, « chevron absent »).
    public static let malformedTag = ErrorClass(
        code: "X16", slug: "malformed-tag", family: .rejection,
        title: Localized(fr: "Balise mal formée", en: "Malformed tag"),
        templates: [
            "Le type d'élément \"{element}\" doit être suivi des spécifications d'attribut, \">\" ou \"/>\"",
            "Element type \"{element}\" must be followed by either attribute specifications, \">\" or \"/>\"",
        ],
        meaning: Localized(
            fr: "Une balise n'est pas refermée par « > », ou contient un caractère interdit dans un nom.",
            en: "A tag is not closed with « > », or holds a character not allowed in a name."),
        fix: Localized(
            fr: "Ajoutez le « > » manquant à la balise indiquée.",
            en: "Add the missing « > » to the tag shown."),
        examples: [
            Example("Le type d'élément \"cpf:flux\" doit être suivi des spécifications d'attribut, \">\" ou \"/>\".",
                    values: ["element": "cpf:flux"]),
        ])
}
