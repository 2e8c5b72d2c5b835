extension ErrorClass {
    /// The validity end date is before the start date (FORMAT.md §D #7).
    public static let validityDatesInverted = ErrorClass(
        code: "F07", slug: "validity-dates-inverted", family: .functional,
        title: Localized(fr: "Dates de validité inversées", en: "Validity dates inverted"),
        templates: [
            "La date de fin de validité est inférieure à date de début de validité pour le passage certification avec le bcr émetteur {bcr} et l'id technique partenaire {id}",
        ],
        fallbackTemplates: ["La date de fin de validité est inférieure {…}"],
        meaning: Localized(
            fr: "La date de fin de validité (dateFinValidite) est antérieure à la date de début de validité (dateDebutValidite).",
            en: "The validity end date (dateFinValidite) is before the validity start date (dateDebutValidite)."),
        fix: Localized(
            fr: "Corrigez les dates : la fin doit suivre le début. Une certification sans fin de validité s'envoie avec dateFinValidite en xsi:nil.",
            en: "Correct the dates: the end must follow the start. A certification with no end of validity is sent with dateFinValidite as xsi:nil."),
        examples: [
            Example("La date de fin de validité est inférieure à date de début de validité pour le passage certification avec le bcr émetteur 12ABC345 et l'id technique partenaire P-0042",
                    values: ["bcr": "12ABC345", "id": "P-0042"]),
            Example("La date de fin de validité est inférieure à la date de début de validité"),
        ])
}
