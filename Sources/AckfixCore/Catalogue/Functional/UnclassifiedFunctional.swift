extension ErrorClass {
    /// A refusal ackfix does not know; the CDC's words are kept verbatim.
    public static let unclassifiedFunctional = ErrorClass(
        code: "F99", slug: "unclassified", family: .functional,
        title: Localized(fr: "Refus non répertorié", en: "Unlisted refusal"),
        templates: [],
        meaning: Localized(
            fr: "La CDC a refusé le passage avec un message qu'ackfix ne connaît pas encore. Le message est reproduit tel quel.",
            en: "The CDC refused the passage with a message ackfix does not know yet. The message is shown as written."),
        fix: Localized(
            fr: "Lisez le message de la CDC ; en cas de doute, écrivez à l'assistance de la CDC en joignant l'accusé de traitement et le fichier déposé.",
            en: "Read the CDC's message; when in doubt, write to the CDC's support with the processing report and the deposited file attached."),
        examples: [])
}
