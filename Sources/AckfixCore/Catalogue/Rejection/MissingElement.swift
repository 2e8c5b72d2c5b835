extension ErrorClass {
    /// A required element is missing (guide erreurs §3.7, « donnée absente »).
    public static let missingElement = ErrorClass(
        code: "X03", slug: "missing-element", family: .rejection,
        title: Localized(fr: "Élément obligatoire absent", en: "Required element missing"),
        templates: [
            "Le contenu de l'élément '{element}' n'est pas complet. L'un des éléments '{expected}' est attendu",
            "The content of element '{element}' is not complete. One of '{expected}' is expected",
        ],
        validatorCodes: ["cvc-complex-type.2.4.b"],
        meaning: Localized(
            fr: "Il manque un élément obligatoire dans ce bloc. Les champs « obligatoires sauf nil » (dateFinValidite, scoring, mentionValidee, modaliteAcces, nomUsage, moisNaissance, jourNaissance, codePostal) doivent être présents même sans valeur.",
            en: "A required element is missing from this block. The fields that are « required unless nil » (dateFinValidite, scoring, mentionValidee, modaliteAcces, nomUsage, moisNaissance, jourNaissance, codePostal) must be present even without a value."),
        fix: Localized(
            fr: "Ajoutez l'élément manquant. Si la valeur est inconnue et que le champ l'admet, écrivez-le vide avec xsi:nil, par exemple <cpf:nomUsage xsi:nil=\"true\"/>.",
            en: "Add the missing element. If the value is unknown and the field allows it, write it empty with xsi:nil, e.g. <cpf:nomUsage xsi:nil=\"true\"/>."),
        examples: [
            Example("cvc-complex-type.2.4.b : Le contenu de l'élément 'cpf:emetteur' n'est pas complet. L'un des éléments '{\"urn:cdc:cpf:pc5:schema:1.0.0\":idClient, \"urn:cdc:cpf:pc5:schema:1.0.0\":certificateurs}' est attendu.",
                    values: ["element": "cpf:emetteur", "expected": "{\"urn:cdc:cpf:pc5:schema:1.0.0\":idClient, \"urn:cdc:cpf:pc5:schema:1.0.0\":certificateurs}"]),
        ])
}
