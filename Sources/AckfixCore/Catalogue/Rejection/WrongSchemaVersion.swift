extension ErrorClass {
    /// The root element is not declared in the schema the CDC uses: wrong namespace or version
    /// (guide « résolution des erreurs XML » §3.3). The CDC stops at this error.
    public static let wrongSchemaVersion = ErrorClass(
        code: "X01", slug: "wrong-schema-version", family: .rejection,
        title: Localized(fr: "Version du schéma (XSD) incorrecte", en: "Wrong schema (XSD) version"),
        templates: [
            "Déclaration de l'élément '{element}' introuvable",
            "Cannot find the declaration of element '{element}'",
        ],
        validatorCodes: ["cvc-elt.1.a", "cvc-elt.1"],
        meaning: Localized(
            fr: "La CDC ne reconnaît pas l'élément racine : l'espace de noms déclaré n'est pas celui du schéma en vigueur (souvent une ancienne version comme urn:cdc:cpf:pc5:schema:0.0.7), ou la racine n'est pas cpf:flux. La CDC s'arrête à cette erreur : les autres erreurs du fichier n'ont pas été cherchées.",
            en: "The CDC does not recognise the root element: the declared namespace is not the current schema's (often an old version such as urn:cdc:cpf:pc5:schema:0.0.7), or the root is not cpf:flux. The CDC stops at this error: the rest of the file was not checked."),
        fix: Localized(
            fr: "Déclarez xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\" sur la racine <cpf:flux>, puis lancez ackfix check sur le fichier pour voir les erreurs que celle-ci masquait.",
            en: "Declare xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\" on the root <cpf:flux>, then run ackfix check on the file to see the errors this one was hiding."),
        examples: [
            Example("cvc-elt.1.a : Déclaration de l'élément 'cpf:flux' introuvable.", values: ["element": "cpf:flux"]),
            Example("cvc-elt.1.a: Cannot find the declaration of element 'flux'.", values: ["element": "flux"]),
        ])
}
