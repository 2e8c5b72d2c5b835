extension ErrorClass {
    /// `--` inside an XML comment (guide erreurs §3.1).
    public static let commentDoubleHyphen = ErrorClass(
        code: "X12", slug: "comment-double-hyphen", family: .rejection,
        title: Localized(fr: "« -- » dans un commentaire", en: "« -- » inside a comment"),
        templates: [
            "La chaîne \"--\" n'est pas autorisée dans les commentaires",
            "The string \"--\" is not permitted within comments",
        ],
        meaning: Localized(
            fr: "Un commentaire XML <!-- … --> contient deux tirets de suite, ce que XML interdit.",
            en: "An XML comment <!-- … --> holds two hyphens in a row, which XML forbids."),
        fix: Localized(
            fr: "Supprimez le commentaire ou remplacez « -- » par un seul tiret.",
            en: "Remove the comment or replace « -- » with a single hyphen."),
        examples: [Example("La chaîne \"--\" n'est pas autorisée dans les commentaires.")])
}
