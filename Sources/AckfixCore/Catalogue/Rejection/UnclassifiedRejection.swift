extension ErrorClass {
    /// A rejection message ackfix does not know; kept verbatim.
    public static let unclassifiedRejection = ErrorClass(
        code: "X99", slug: "unclassified", family: .rejection,
        title: Localized(fr: "Erreur non répertoriée", en: "Unlisted error"),
        templates: [],
        meaning: Localized(
            fr: "Le validateur de la CDC a donné un message qu'ackfix ne connaît pas encore. Le message est reproduit tel quel.",
            en: "The CDC's validator gave a message ackfix does not know yet. The message is shown as written."),
        fix: Localized(
            fr: "Lancez ackfix check sur le fichier déposé : il liste toutes les erreurs du schéma avec leur correction.",
            en: "Run ackfix check on the deposited file: it lists every schema error with its fix."),
        examples: [])
}
