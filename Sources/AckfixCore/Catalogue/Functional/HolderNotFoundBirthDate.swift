extension ErrorClass {
    /// Stage 2 of the holder matching (day and month added) left nobody (FORMAT.md §D #4).
    public static let holderNotFoundBirthDate = ErrorClass(
        code: "F02", slug: "holder-not-found-birth-date", family: .functional,
        title: Localized(fr: "Aucun titulaire avec ce jour et ce mois de naissance",
                         en: "No holder with this birth day and month"),
        templates: ["Aucun titulaire ne correspond aux critères obligatoires enrichis du jour et du mois de naissance"],
        meaning: Localized(
            fr: "Plusieurs personnes portent ce nom de naissance, ce prénom, ce sexe et cette année de naissance, mais aucune n'a le jour et le mois de naissance envoyés.",
            en: "Several people share this birth name, given name, sex and birth year, but none of them has the birth day and month that were sent."),
        fix: Localized(
            fr: "Vérifiez le jour et le mois de naissance (une inversion jour/mois est fréquente) ; s'ils sont inconnus, envoyez-les en xsi:nil plutôt qu'une valeur inventée. Vérifiez aussi les champs de l'étape 1, qui peuvent avoir désigné d'autres personnes.",
            en: "Check the birth day and month (day and month swapped is common); if unknown, send them as xsi:nil rather than a made-up value. Also check the stage 1 fields, which may have pointed at other people."),
        examples: [
            Example("Aucun titulaire ne correspond aux critères obligatoires enrichis du jour et du mois de naissance"),
            Example("Aucun titulaire ne correspond aux criteres obligatoires enrichis du jour et du mois de naissance"),
        ])
}
