extension CheckRule {
    static let duplicateID = CheckRule(
        code: "B05", slug: "duplicate-id", severity: .error,
        title: Localized(fr: "idTechnique en double dans le fichier", en: "idTechnique used twice in the file"),
        explanation: Localized(
            fr: "L'idTechnique identifie un passage pour la CDC : le second passage qui le reprend revient « existe déjà en base ». Le schéma ne le voit pas. Donnez à chaque passage un identifiant stable et unique.",
            en: "The idTechnique names a passage for the CDC: the second passage using it comes back « existe déjà en base ». The schema does not see it. Give each passage a stable, unique id."),
        examples: [
            RuleExample(replacing: "<cpf:idTechnique>EX-2</cpf:idTechnique>", with: "<cpf:idTechnique>EX-1</cpf:idTechnique>", triggers: true),
            RuleExample(replacing: "<cpf:idTechnique>EX-2</cpf:idTechnique>", with: "<cpf:idTechnique>EX-3</cpf:idTechnique>", triggers: false),
        ],
        body: .passage { ctx in
            guard let v = ctx.value(.idTechnique) else { return [] }
            let id = v.value.trimmingWhitespace()
            guard let first = ctx.registry.register(id, line: v.line) else { return [] }
            return [RuleFinding(at: v, message: Localized(fr: "idTechnique « \(id) » déjà employé ligne \(first)",
                                                          en: "idTechnique « \(id) » already used on line \(first)"))]
        })
}
