extension ErrorClass {
    /// Stage 3 of the holder matching (birth place and optional data added) left nobody
    /// (FORMAT.md §D #5). The CDC writes « reconciliation » with and without the accent.
    public static let holderNotFoundReconciliation = ErrorClass(
        code: "F03", slug: "holder-not-found-reconciliation", family: .functional,
        title: Localized(fr: "Aucun titulaire après rapprochement sur le lieu de naissance",
                         en: "No holder after matching on the birth place"),
        templates: ["Aucun titulaire ne correspond aux critères de réconciliation"],
        meaning: Localized(
            fr: "Plusieurs personnes correspondaient au nom, au prénom, au sexe et à la date de naissance ; en ajoutant la commune de naissance et les autres données envoyées (autres prénoms, pays…), il n'en reste aucune.",
            en: "Several people matched the name, given name, sex and birth date; once the birth place and the other data sent (other given names, country…) were added, none was left."),
        fix: Localized(
            fr: "Vérifiez le code de la commune de naissance (code INSEE de préférence, pas le code postal ; pour une naissance à l'étranger, 99 suivi du code pays), puis les champs facultatifs envoyés : un champ facultatif faux fait échouer le rapprochement, mieux vaut l'omettre que l'envoyer faux.",
            en: "Check the birth place code (preferably the INSEE code, not the postcode; for a birth abroad, 99 followed by the country code), then the optional fields sent: a wrong optional field makes matching fail, so leave it out rather than send it wrong."),
        examples: [
            Example("Aucun titulaire ne correspond aux critères de reconciliation"),
            Example("Aucun titulaire ne correspond aux critères de réconciliation"),
        ])
}
