extension ErrorClass {
    /// Nothing more is allowed at this point; typically both branches of an exclusive choice were
    /// given (guide erreurs §3.9, « ou exclusif »).
    public static let exclusiveChoice = ErrorClass(
        code: "X04", slug: "exclusive-choice", family: .rejection,
        title: Localized(fr: "Un seul des deux éléments est permis", en: "Only one of two elements is allowed"),
        templates: [
            "Contenu non valide trouvé à partir de l'élément '{element}'. Aucun élément enfant n'est attendu à cet endroit",
            "Invalid content was found starting with element '{element}'. No child element is expected at this point",
        ],
        validatorCodes: ["cvc-complex-type.2.4.d"],
        meaning: Localized(
            fr: "Le bloc est déjà complet et un élément de plus arrive : le plus souvent les deux branches d'un « ou exclusif » ont été remplies (code INSEE et code postal de naissance, ou titulaire et dossierFormation), ou un élément est répété.",
            en: "The block is already complete and one more element comes: most often both branches of an either-or were filled (INSEE code and postcode of birth, or titulaire and dossierFormation), or an element is repeated."),
        fix: Localized(
            fr: "Ne gardez qu'une des deux branches : pour la commune de naissance, le code INSEE (codeInseeNaissance) de préférence au code postal.",
            en: "Keep only one of the two branches: for the birth place, the INSEE code (codeInseeNaissance) rather than the postcode."),
        examples: [
            Example("cvc-complex-type.2.4.d : Contenu non valide trouvé à partir de l'élément 'cpf:codePostalNaissance'. Aucun élément enfant n'est attendu à cet endroit.",
                    values: ["element": "cpf:codePostalNaissance"]),
        ])
}
