extension ErrorClass {
    /// Stage 1 of the holder matching found nobody (FORMAT.md §D #3, #8).
    public static let holderNotFound = ErrorClass(
        code: "F01", slug: "holder-not-found", family: .functional,
        title: Localized(fr: "Aucun titulaire trouvé", en: "No holder found"),
        templates: [
            "Aucun titulaire ne correspond aux critères obligatoires",
            "Aucun titulaire ne correspond à ces critères",
        ],
        fallbackTemplates: ["Aucun titulaire ne correspond {…}"],
        meaning: Localized(
            fr: "La CDC n'a trouvé personne dans le répertoire national (SNGI) avec ce nom de naissance, ce premier prénom, ce sexe et cette année de naissance. L'erreur est dans l'un de ces quatre champs ; les accents ne comptent pas, les tirets et apostrophes si.",
            en: "The CDC found nobody in the national register (SNGI) with this birth name, first given name, sex and birth year. The mistake is in one of these four fields; accents do not matter, hyphens and apostrophes do."),
        fix: Localized(
            fr: "Vérifiez sur une pièce d'état civil du titulaire (acte de naissance, carte d'identité, passeport) : le nom de naissance (pas le nom d'usage ou d'épouse), le premier prénom de l'état civil avec ses tirets, le sexe et l'année de naissance. Corrigez puis renvoyez le passage.",
            en: "Check against the holder's civil-status document (birth certificate, identity card, passport): the birth name (not a usual or married name), the first given name as registered, with its hyphens, the sex and the birth year. Correct them and send the passage again."),
        examples: [
            Example("Aucun titulaire ne correspond aux critères obligatoires"),
            Example("Aucun titulaire ne correspond à ces critères"),
            Example("AUCUN TITULAIRE ne correspond aux criteres   obligatoires."),
        ])
}
