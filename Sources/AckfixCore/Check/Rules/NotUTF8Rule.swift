extension CheckRule {
    /// Reported from the input: ackfix reads other encodings by transcoding them.
    static let notUTF8 = CheckRule(
        code: "D04", slug: "not-utf8", severity: .warning, fix: .utf8,
        title: Localized(fr: "Fichier qui n'est pas en UTF-8", en: "File not in UTF-8"),
        explanation: Localized(
            fr: "La CDC attend de l'UTF-8. Un export Excel en Windows-1252 ou ISO-8859-1, surtout sans déclaration d'encodage, fait refuser le fichier ou abîme les accents des noms.",
            en: "The CDC expects UTF-8. An Excel export in Windows-1252 or ISO-8859-1, above all without an encoding declaration, gets the file refused or garbles the accents of names."),
        examples: [
            RuleExample(replacing: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", triggers: true),
            RuleExample(replacing: "EX-1", with: "EX-1", triggers: false),
        ],
        body: .fixEngine(.utf8))
}
