extension ErrorClass {
    /// An attribute the schema does not declare.
    public static let attributeNotAllowed = ErrorClass(
        code: "X10", slug: "attribute-not-allowed", family: .rejection,
        title: Localized(fr: "Attribut non autorisé", en: "Attribute not allowed"),
        templates: [
            "L'attribut '{attribute}' n'est pas autorisé dans l'élément '{element}'",
            "Attribute '{attribute}' is not allowed to appear in element '{element}'",
        ],
        validatorCodes: ["cvc-complex-type.3.2.2", "cvc-complex-type.3.2.1"],
        meaning: Localized(
            fr: "Le schéma ne prévoit aucun attribut sur les éléments du dépôt, hormis xsi:nil. Un nil=\"true\" sans le préfixe xsi:, ou un attribut ajouté par un outil, est refusé.",
            en: "The schema allows no attribute on deposit elements except xsi:nil. A nil=\"true\" without the xsi: prefix, or an attribute added by a tool, is refused."),
        fix: Localized(
            fr: "Supprimez l'attribut, ou écrivez xsi:nil=\"true\" avec xmlns:xsi déclaré sur la racine.",
            en: "Remove the attribute, or write xsi:nil=\"true\" with xmlns:xsi declared on the root."),
        examples: [
            Example("cvc-complex-type.3.2.2 : L'attribut 'nil' n'est pas autorisé dans l'élément 'cpf:nomUsage'.",
                    values: ["attribute": "nil", "element": "cpf:nomUsage"]),
        ])
}
