extension ErrorClass {
    /// A number outside its bounds (month 13, year 1850…).
    public static let outOfRange = ErrorClass(
        code: "X08", slug: "out-of-range", family: .rejection,
        title: Localized(fr: "Nombre hors limites", en: "Number out of range"),
        templates: [
            "La valeur '{value}' n'est pas un facet valide par rapport à {bound} '{expected}' pour le type '{type}'",
            "Value '{value}' is not facet-valid with respect to {bound} '{expected}' for type '{type}'",
        ],
        validatorCodes: ["cvc-minInclusive-valid", "cvc-maxInclusive-valid"],
        meaning: Localized(
            fr: "Le nombre sort des bornes : mois de naissance de 1 à 12, jour de 1 à 31, année de 1900 à 2099, score général de 1 à 1000, niveau de 1 à 8.",
            en: "The number is out of bounds: birth month 1 to 12, day 1 to 31, year 1900 to 2099, general score 1 to 1000, level 1 to 8."),
        fix: Localized(
            fr: "Corrigez le nombre ; un jour ou un mois de naissance inconnu s'écrit avec xsi:nil=\"true\".",
            en: "Correct the number; an unknown birth day or month is written with xsi:nil=\"true\"."),
        examples: [
            Example("cvc-maxInclusive-valid : La valeur '13' n'est pas un facet valide par rapport à maxInclusive '12' pour le type '#AnonType_moisNaissancetitulaire'.",
                    values: ["value": "13", "bound": "maxInclusive", "expected": "12", "type": "#AnonType_moisNaissancetitulaire"]),
        ])
}
