extension ErrorClass {
    /// The certification named by type and code is unknown or inconsistent (FORMAT.md §D #2).
    public static let certificationStatusKO = ErrorClass(
        code: "F06", slug: "certification-status-ko", family: .functional,
        title: Localized(fr: "Certification inconnue ou incohérente", en: "Unknown or inconsistent certification"),
        templates: [
            "Le statut de la certification avec le bcr émetteur {bcr}, l'id technique partenaire {id} et l'index {index} est KO",
        ],
        fallbackTemplates: ["Le statut de la certification {…}"],
        meaning: Localized(
            fr: "Le type et le code de la certification ne désignent pas une certification que la CDC connaît pour vous : code mal saisi (1710 au lieu de RS1710), préfixe qui ne correspond pas au type (type RS avec un code RNCP…), ou certification absente du répertoire.",
            en: "The certification type and code do not name a certification the CDC knows for you: a mistyped code (1710 instead of RS1710), a prefix that disagrees with the type (type RS with an RNCP code…), or a certification missing from the register."),
        fix: Localized(
            fr: "Corrigez le type (RS ou RNCP) et le code (préfixe + numéro, sans espace) du bloc certification ; vérifiez le code dans le répertoire de France Compétences. ackfix repair corrige seul un préfixe manquant ou un type incohérent.",
            en: "Correct the certification block's type (RS or RNCP) and code (prefix + number, no space); check the code in the France Compétences register. ackfix repair fixes a missing prefix or an inconsistent type by itself."),
        examples: [
            Example("Le statut de la certification avec le bcr émetteur 12ABC345, l'id technique partenaire 2024-118 et l'index 0 est KO",
                    values: ["bcr": "12ABC345", "id": "2024-118", "index": "0"]),
            Example("Le statut de la certification avec le bcr emetteur 03VML243, l'id technique partenaire 1979262 et l'index 2 est KO",
                    values: ["bcr": "03VML243", "id": "1979262", "index": "2"]),
        ])
}
