extension ErrorClass {
    /// Other well-formedness errors: text before the root, a cut file, an unescaped `&` or `<`.
    public static let notWellFormed = ErrorClass(
        code: "X19", slug: "not-well-formed", family: .rejection,
        title: Localized(fr: "Fichier XML mal formé", en: "Badly formed XML file"),
        templates: [
            "Le contenu n'est pas autorisé dans le prologue",
            "Les structures de document XML doivent commencer et se terminer dans la même entité",
            "Le balisage du document suivant l'élément racine doit être correct",
            "Fin prématurée du fichier",
            "Le nom de l'entité doit immédiatement suivre le caractère '&' dans la référence d'entité",
            "L'entité \"{entity}\" était référencée, mais pas déclarée",
            "Le contenu des éléments doit inclure des données de caractère ou un balisage correctement formé{…}",
            "Content is not allowed in prolog",
            "XML document structures must start and end within the same entity",
            "The markup in the document following the root element must be well-formed",
            "Premature end of file",
            "The entity name must immediately follow the '&' in the entity reference",
            "The entity \"{entity}\" was referenced, but not declared",
            "The content of elements must consist of well-formed character data or markup",
        ],
        meaning: Localized(
            fr: "Le fichier n'est pas du XML bien formé : texte avant la première balise, fichier coupé avant la fin, ou caractère spécial non échappé (« & » doit s'écrire &amp; et « < » &lt;, par exemple dans « Dupré & Fils »).",
            en: "The file is not well-formed XML: text before the first tag, a file cut short, or a special character not escaped (« & » must be written &amp; and « < » &lt;, e.g. in « Dupré & Fils »)."),
        fix: Localized(
            fr: "Vérifiez la ligne indiquée : échappez & et <, supprimez ce qui précède <?xml, ou régénérez le fichier s'il est incomplet.",
            en: "Check the line shown: escape & and <, remove anything before <?xml, or generate the file again if it is incomplete."),
        examples: [
            Example("Le contenu n'est pas autorisé dans le prologue."),
            Example("Le nom de l'entité doit immédiatement suivre le caractère '&' dans la référence d'entité."),
            Example("L'entité \"nbsp\" était référencée, mais pas déclarée.", values: ["entity": "nbsp"]),
        ])
}
