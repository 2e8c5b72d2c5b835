extension ErrorClass {
    /// An element that is not allowed where it stands (guide erreurs §3.8, « donnée en trop »).
    public static let unexpectedElement = ErrorClass(
        code: "X02", slug: "unexpected-element", family: .rejection,
        title: Localized(fr: "Élément inattendu", en: "Unexpected element"),
        templates: [
            "Contenu non valide trouvé à partir de l'élément '{element}'. L'une des valeurs '{expected}' est attendue",
            "Invalid content was found starting with element '{element}'. One of '{expected}' is expected",
        ],
        validatorCodes: ["cvc-complex-type.2.4.a"],
        meaning: Localized(
            fr: "Un élément se trouve à un endroit où le schéma ne l'autorise pas : nom mal orthographié (modaliteInscription au lieu de modalitesInscription), mauvaise imbrication, élément répété, ou élément qui n'existe pas dans le schéma (titre, grade…).",
            en: "An element stands where the schema does not allow it: a misspelt name (modaliteInscription for modalitesInscription), wrong nesting, a repeated element, or an element the schema does not have (titre, grade…)."),
        fix: Localized(
            fr: "Comparez avec la liste des éléments attendus à cet endroit : renommez, déplacez ou supprimez l'élément.",
            en: "Compare with the list of elements expected there: rename, move or remove the element."),
        examples: [
            Example("cvc-complex-type.2.4.a : Contenu non valide trouvé à partir de l'élément 'coucou'. L'une des valeurs '{\"urn:cdc:cpf:pc5:schema:1.0.0\":idClient, \"urn:cdc:cpf:pc5:schema:1.0.0\":certificateurs}' est attendue.",
                    values: ["element": "coucou", "expected": "{\"urn:cdc:cpf:pc5:schema:1.0.0\":idClient, \"urn:cdc:cpf:pc5:schema:1.0.0\":certificateurs}"]),
        ])
}
