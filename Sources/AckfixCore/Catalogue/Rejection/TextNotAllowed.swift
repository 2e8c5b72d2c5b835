extension ErrorClass {
    /// Text typed directly inside a block that only holds elements.
    public static let textNotAllowed = ErrorClass(
        code: "X11", slug: "text-not-allowed", family: .rejection,
        title: Localized(fr: "Texte dans un bloc", en: "Text inside a block"),
        templates: [
            "L'élément '{element}' ne peut pas contenir de caractères{…}",
            "Element '{element}' cannot have character [children]{…}",
        ],
        validatorCodes: ["cvc-complex-type.2.3"],
        meaning: Localized(
            fr: "Ce bloc ne contient que des éléments ; une valeur a été écrite directement dedans, par exemple un code de commune dans <cpf:codeCommuneNaissance> au lieu de <cpf:codeInseeNaissance><cpf:codeInsee>.",
            en: "This block only holds elements; a value was written straight into it, e.g. a town code inside <cpf:codeCommuneNaissance> instead of <cpf:codeInseeNaissance><cpf:codeInsee>."),
        fix: Localized(
            fr: "Placez la valeur dans l'élément prévu pour elle.",
            en: "Put the value in the element meant for it."),
        examples: [
            Example("cvc-complex-type.2.3 : L'élément 'cpf:codeCommuneNaissance' ne peut pas contenir de caractères [enfants], car le type de contenu du type est Element-only.",
                    values: ["element": "cpf:codeCommuneNaissance"]),
        ])
}
