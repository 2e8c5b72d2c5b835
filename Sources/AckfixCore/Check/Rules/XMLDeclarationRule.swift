extension CheckRule {
    /// Reported from the input: the XML declaration is repaired before parsing (the parser stops at it).
    static let xmlDeclaration = CheckRule(
        code: "D03", slug: "xml-declaration", severity: .error, fix: .xmlDeclaration,
        title: Localized(fr: "Déclaration XML mal écrite", en: "Badly written XML declaration"),
        explanation: Localized(
            fr: "La première ligne <?xml … ?> est mal formée, sans version, ou d'une version autre que 1.0 : la CDC refuse le fichier entier dès la ligne 1 (« Un espace est obligatoire… », « La version est obligatoire… »).",
            en: "The first line <?xml … ?> is malformed, has no version, or a version other than 1.0: the CDC refuses the whole file at line 1 (« Un espace est obligatoire… », « La version est obligatoire… »)."),
        examples: [
            RuleExample(replacing: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version=\"1.0\"encoding=\"UTF-8\"?>", triggers: true),
            RuleExample(replacing: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml encoding=\"UTF-8\"?>", triggers: true),
            RuleExample(replacing: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", with: "<?xml version='1.0' encoding='UTF-8'?>", triggers: false),
        ],
        body: .fixEngine(.xmlDeclaration))
}
