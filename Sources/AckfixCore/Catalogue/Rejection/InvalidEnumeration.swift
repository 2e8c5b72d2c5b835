extension ErrorClass {
    /// A value outside its list (guide erreurs §3, « non-respect d'une énumération »).
    public static let invalidEnumeration = ErrorClass(
        code: "X05", slug: "invalid-enumeration", family: .rejection,
        title: Localized(fr: "Valeur hors de la liste autorisée", en: "Value not in the allowed list"),
        templates: [
            "La valeur '{value}' n'est pas un facet valide par rapport à l'énumération '{expected}'. Il doit s'agir d'une valeur provenant de l'énumération",
            "Value '{value}' is not facet-valid with respect to enumeration '{expected}'. It must be a value from the enumeration",
        ],
        validatorCodes: ["cvc-enumeration-valid"],
        meaning: Localized(
            fr: "Ce champ n'accepte qu'une liste fermée de valeurs, écrites exactement : majuscules, tirets bas, sans accent. Les listes du modèle Excel de la CDC diffèrent parfois du schéma (TIERS_DE_CONFIANCE au lieu de TIERS_CONFIANCE, EQUIVALENCE_(DIPLOME_ETRANGER) au lieu de EQUIVALENCE_DIPLOME_ETRANGER).",
            en: "This field takes a closed list of values, written exactly: upper case, underscores, no accents. The CDC's Excel template lists sometimes differ from the schema (TIERS_DE_CONFIANCE for TIERS_CONFIANCE, EQUIVALENCE_(DIPLOME_ETRANGER) for EQUIVALENCE_DIPLOME_ETRANGER)."),
        fix: Localized(
            fr: "Remplacez la valeur par l'une de celles de la liste (sexe : M ou F).",
            en: "Replace the value with one from the list (sexe: M or F)."),
        examples: [
            Example("cvc-enumeration-valid : La valeur 'H' n'est pas un facet valide par rapport à l'énumération '[M, F]'. Il doit s'agir d'une valeur provenant de l'énumération.",
                    values: ["value": "H", "expected": "[M, F]"]),
            Example("cvc-enumeration-valid : La valeur 'ADMISSION' n'est pas un facet valide par rapport à l'énumération '[PAR_ADMISSION, PAR_SCORING]'. Il doit s'agir d'une valeur provenant de l'énumération.",
                    values: ["value": "ADMISSION", "expected": "[PAR_ADMISSION, PAR_SCORING]"]),
        ])
}
