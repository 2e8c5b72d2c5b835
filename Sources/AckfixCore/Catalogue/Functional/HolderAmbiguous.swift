extension ErrorClass {
    /// Several people still match at the end of the funnel (FORMAT.md §D #6).
    public static let holderAmbiguous = ErrorClass(
        code: "F04", slug: "holder-ambiguous", family: .functional,
        title: Localized(fr: "Plusieurs titulaires possibles", en: "Several possible holders"),
        templates: ["Plusieurs titulaires ont été identifiés"],
        fallbackTemplates: ["Plusieurs titulaires {…}"],
        meaning: Localized(
            fr: "Les données envoyées désignent plusieurs personnes du répertoire national : la CDC ne peut pas choisir.",
            en: "The data sent points at several people in the national register: the CDC cannot choose."),
        fix: Localized(
            fr: "Ajoutez ce qui distingue le titulaire : jour et mois de naissance s'ils étaient en xsi:nil, code INSEE de la commune de naissance, deuxième et troisième prénoms. Ou passez par le numéro de dossier CPF (dossierFormation) si vous l'avez.",
            en: "Add what sets the holder apart: birth day and month if they were xsi:nil, the INSEE code of the birth place, second and third given names. Or use the CPF file number (dossierFormation) if you have it."),
        examples: [
            Example("Plusieurs titulaires ont été identifiés"),
            Example("Plusieurs titulaires ont ete identifies."),
        ])
}
