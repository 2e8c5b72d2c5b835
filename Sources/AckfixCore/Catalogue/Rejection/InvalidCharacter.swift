extension ErrorClass {
    /// Bytes that are not valid in the file's encoding, or characters XML forbids.
    public static let invalidCharacter = ErrorClass(
        code: "X18", slug: "invalid-character", family: .rejection,
        title: Localized(fr: "Caractère invalide ou mauvais encodage", en: "Invalid character or wrong encoding"),
        templates: [
            "{…}caractère XML non valide{…}",
            "Octet {byte} de la séquence UTF-8 à {length} octets non valide",
            "An invalid XML character{…}",
            "Invalid byte {byte} of {length}-byte UTF-8 sequence",
        ],
        meaning: Localized(
            fr: "Le fichier contient des octets qui ne sont pas de l'UTF-8 valide (souvent un export Excel en Windows-1252 ou ISO-8859-1 déclaré UTF-8), ou un caractère de contrôle interdit en XML.",
            en: "The file holds bytes that are not valid UTF-8 (often an Excel export in Windows-1252 or ISO-8859-1 declared as UTF-8), or a control character XML forbids."),
        fix: Localized(
            fr: "Enregistrez le fichier en UTF-8 ; ackfix repair convertit seul un fichier ISO-8859-1 ou Windows-1252.",
            en: "Save the file as UTF-8; ackfix repair converts an ISO-8859-1 or Windows-1252 file by itself."),
        examples: [
            Example("Octet 2 de la séquence UTF-8 à 3 octets non valide.", values: ["byte": "2", "length": "3"]),
            Example("Un caractère XML non valide (Unicode : 0x1) a été détecté dans le contenu de l'élément du document."),
        ])
}
