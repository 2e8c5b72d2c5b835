extension ErrorClass {
    /// `xsi:nil` where the field must have a value, or a nil element that has content.
    public static let invalidNil = ErrorClass(
        code: "X09", slug: "invalid-nil", family: .rejection,
        title: Localized(fr: "xsi:nil mal employé", en: "xsi:nil misused"),
        templates: [
            "L'attribut 'xsi:nil' ne doit pas apparaître dans l'élément '{element}'{…}",
            "Attribute 'xsi:nil' must not appear on element '{element}'{…}",
            "L'élément '{element}' ne peut pas contenir{…}xsi:nil{…}",
            "Element '{element}' cannot have character or element information{…}",
        ],
        validatorCodes: ["cvc-elt.3.1", "cvc-elt.3.2.1", "cvc-elt.3.2.2"],
        meaning: Localized(
            fr: "xsi:nil=\"true\" n'est permis que sur les champs « obligatoires sauf nil » (dateFinValidite, scoring, mentionValidee, modaliteAcces, nomUsage, moisNaissance, jourNaissance, codePostal), et l'élément doit alors être vide.",
            en: "xsi:nil=\"true\" is only allowed on the « required unless nil » fields (dateFinValidite, scoring, mentionValidee, modaliteAcces, nomUsage, moisNaissance, jourNaissance, codePostal), and the element must then be empty."),
        fix: Localized(
            fr: "Donnez une valeur au champ obligatoire, ou videz l'élément marqué xsi:nil.",
            en: "Give the required field a value, or empty the element marked xsi:nil."),
        examples: [
            Example("cvc-elt.3.1 : L'attribut 'xsi:nil' ne doit pas apparaître dans l'élément 'cpf:nomNaissance', car la propriété {nillable} de 'cpf:nomNaissance' est false.",
                    values: ["element": "cpf:nomNaissance"]),
        ])
}
