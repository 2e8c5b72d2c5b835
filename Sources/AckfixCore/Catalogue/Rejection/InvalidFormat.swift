extension ErrorClass {
    /// A value of the wrong shape for its type (guide erreurs §3, « donnée mal formatée »).
    public static let invalidFormat = ErrorClass(
        code: "X06", slug: "invalid-format", family: .rejection,
        title: Localized(fr: "Donnée mal formatée", en: "Badly formatted value"),
        templates: [
            "La valeur {value} de l'élément '{element}' n'est pas valide",
            "La valeur '{value}' n'est pas un facet valide par rapport au modèle '{pattern}' pour le type '{type}'",
            "'{value}' n'est pas une valeur valide pour '{type}'",
            "The value '{value}' of element '{element}' is not valid",
            "Value '{value}' is not facet-valid with respect to pattern '{pattern}' for type '{type}'",
            "'{value}' is not a valid value for '{type}'",
        ],
        validatorCodes: ["cvc-type.3.1.3", "cvc-pattern-valid", "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.3"],
        meaning: Localized(
            fr: "La valeur n'a pas la forme attendue : dates en AAAA-MM-JJ, horodatage en AAAA-MM-JJTHH:MM:SS+01:00 (ni Z, ni fraction de seconde, décalage sur deux chiffres), booléens true ou false en minuscules, nombres sans texte. « nil » ou « nill » écrit en toutes lettres n'est pas une valeur vide : c'est xsi:nil=\"true\" qu'il faut.",
            en: "The value does not have the expected shape: dates as YYYY-MM-DD, timestamp as YYYY-MM-DDTHH:MM:SS+01:00 (no Z, no fraction of a second, two-digit offset), booleans true or false in lower case, numbers without text. « nil » or « nill » typed as text is not an empty value: xsi:nil=\"true\" is."),
        fix: Localized(
            fr: "Réécrivez la valeur au format attendu ; ackfix repair et ackfix check --fix corrigent seuls les dates JJ/MM/AAAA, les horodatages en Z, les booléens en majuscules et les « nil » écrits en texte.",
            en: "Rewrite the value in the expected format; ackfix repair and ackfix check --fix fix DD/MM/YYYY dates, timestamps in Z, upper-case booleans and « nil » typed as text by themselves."),
        examples: [
            Example("cvc-type.3.1.3 : La valeur '20-12-18T14:24:12+01:00' de l'élément 'cpf:horodatage' n'est pas valide.",
                    values: ["value": "20-12-18T14:24:12+01:00", "element": "cpf:horodatage"]),
            Example("cvc-pattern-valid : La valeur '20-12-18T14:24:12+01:00' n'est pas un facet valide par rapport au modèle '(19|20)[0-9]{2}-(0[1-9]|1[0-2])' pour le type '#AnonType_horodatageflux'.",
                    values: ["value": "20-12-18T14:24:12+01:00", "pattern": "(19|20)[0-9]{2}-(0[1-9]|1[0-2])", "type": "#AnonType_horodatageflux"]),
        ])
}
