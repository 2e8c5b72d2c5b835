extension ErrorClass {
    /// The CDC already holds a passage with this emitter BCR and idTechnique (FORMAT.md §D #1).
    /// The id inside the message can differ from the passage's own idTechnique: both are shown.
    public static let duplicateID = ErrorClass(
        code: "F05", slug: "duplicate-id", family: .functional,
        title: Localized(fr: "Passage déjà enregistré", en: "Passage already recorded"),
        templates: [
            "Le passage certification avec le bcr émetteur {bcr} et l'id technique partenaire {id} existe déjà en base",
            "Le titulaire existe déjà en base",
        ],
        fallbackTemplates: ["{…}existe déjà en base"],
        meaning: Localized(
            fr: "Un passage portant ce même identifiant technique (idTechnique) pour ce même émetteur est déjà enregistré à la CDC, en général par un dépôt précédent accepté.",
            en: "A passage with the same technical id (idTechnique) for the same emitter is already recorded at the CDC, usually by an earlier deposit that was accepted."),
        fix: Localized(
            fr: "Ne le renvoyez pas : il est déjà pris en compte. S'il s'agit vraiment d'un autre passage, donnez-lui un identifiant technique nouveau et stable (ackfix repair --duplicates renumber).",
            en: "Do not send it again: it is already counted. If it really is another passage, give it a new, stable technical id (ackfix repair --duplicates renumber)."),
        examples: [
            Example("Le passage certification avec le bcr émetteur 03VML243 et l'id technique partenaire 1559735 existe déjà en base",
                    values: ["bcr": "03VML243", "id": "1559735"]),
            Example("Le passage certification avec le bcr emetteur 12ABC345 et l'id technique partenaire P-2024 0001 existe deja en base",
                    values: ["bcr": "12ABC345", "id": "P-2024 0001"]),
            Example("Le titulaire existe déjà en base"),
        ])
}
