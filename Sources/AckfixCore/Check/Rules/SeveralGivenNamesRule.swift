extension CheckRule {
    static let severalGivenNames = CheckRule(
        code: "H06", slug: "several-given-names", severity: .info, fix: .splitGivenNames,
        title: Localized(fr: "Plusieurs prénoms dans prenom1", en: "Several given names in prenom1"),
        explanation: Localized(
            fr: "prenom1 est le premier prénom de l'état civil ; les suivants vont dans prenom2 et prenom3. Les prénoms composés gardent leur tiret (Jean-François).",
            en: "prenom1 is the first given name of the civil status; the next ones go to prenom2 and prenom3. Compound names keep their hyphen (Jean-François)."),
        examples: [
            RuleExample(replacing: "<cpf:prenom1>Clara</cpf:prenom1>", with: "<cpf:prenom1>Clara Marie</cpf:prenom1>", triggers: true),
            RuleExample(replacing: "<cpf:prenom1>Clara</cpf:prenom1>", with: "<cpf:prenom1>Clara-Marie</cpf:prenom1>", triggers: false),
        ],
        body: .passage { ctx in
            guard let p = ctx.value(.prenom1), !p.isNil, p.value.trimmingWhitespace().utf8.contains(UInt8(ascii: " ")),
                  ctx.value(.prenom2) == nil else { return [] }
            var editor = ctx.editor()
            editor.applyUnsafeFixes(for: .holderAmbiguous)
            return [RuleFinding(at: p, message: Localized(fr: "prenom1 contient plusieurs prénoms séparés par des espaces",
                                                          en: "prenom1 holds several names separated by spaces"),
                                edits: editor.edits)]
        })
}
