extension ErrorClass {
    /// A value too short or too long (guide erreurs §3, « donnée trop courte / trop longue »).
    public static let invalidLength = ErrorClass(
        code: "X07", slug: "invalid-length", family: .rejection,
        title: Localized(fr: "Donnée trop courte ou trop longue", en: "Value too short or too long"),
        templates: [
            "La valeur '{value}', ayant pour longueur '{length}', n'est pas un facet valide par rapport à la longueur {…}'{expected}' pour le type '{type}'",
            "La valeur '{value}' avec la longueur = '{length}' n'est pas de type facet-valid par rapport à la longueur {…}'{expected}' pour le type '{type}'",
            "Value '{value}' with length = '{length}' is not facet-valid with respect to {…}'{expected}' for type '{type}'",
        ],
        validatorCodes: ["cvc-length-valid", "cvc-minLength-valid", "cvc-maxLength-valid"],
        meaning: Localized(
            fr: "La valeur n'a pas la longueur permise : les codes client (idClient) font exactement 8 caractères, le code INSEE 5, le code pays 3 ; les noms et prénoms 60 au plus ; une valeur vide (longueur 0) n'est jamais permise.",
            en: "The value does not have an allowed length: client codes (idClient) are exactly 8 characters, the INSEE code 5, the country code 3; names and given names 60 at most; an empty value (length 0) is never allowed."),
        fix: Localized(
            fr: "Corrigez la valeur. Un champ facultatif sans valeur s'omet ; un champ « obligatoire sauf nil » sans valeur s'écrit avec xsi:nil=\"true\".",
            en: "Correct the value. An optional field without a value is left out; a « required unless nil » field without a value is written with xsi:nil=\"true\"."),
        examples: [
            Example("cvc-length-valid : La valeur '1234567', ayant pour longueur '7', n'est pas un facet valide par rapport à la longueur '8' pour le type '#AnonType_idClientemetteur'.",
                    values: ["value": "1234567", "length": "7", "expected": "8", "type": "#AnonType_idClientemetteur"]),
        ])
}
