extension CheckRule {
    static let mojibake = CheckRule(
        code: "H04", slug: "mojibake", severity: .warning, fix: .mojibake,
        title: Localized(fr: "Accents abîmés", en: "Garbled accents"),
        explanation: Localized(
            fr: "« Ã© », « Ã¨ », « ï¿½ » ou « � » dans un nom : le texte a été converti deux fois (UTF-8 lu comme Windows-1252) ou un caractère a été perdu. Le nom ne correspondra à personne.",
            en: "« Ã© », « Ã¨ », « ï¿½ » or « � » in a name: the text was converted twice (UTF-8 read as Windows-1252) or a character was lost. The name will match nobody."),
        examples: [
            RuleExample(replacing: "<cpf:prenom1>Clara</cpf:prenom1>", with: "<cpf:prenom1>ClÃ©mence</cpf:prenom1>", triggers: true),
            RuleExample(replacing: "<cpf:prenom1>Clara</cpf:prenom1>", with: "<cpf:prenom1>L\u{FFFD}a</cpf:prenom1>", triggers: true),
            RuleExample(replacing: "<cpf:prenom1>Clara</cpf:prenom1>", with: "<cpf:prenom1>Clémence</cpf:prenom1>", triggers: false),
        ],
        body: .passage { ctx in
            ctx.names.compactMap { v in
                let text = v.value
                let lost = Mojibake.hasLostCharacter(text)
                let doubled = Mojibake.repaired(text)
                guard lost || doubled != nil else { return nil }
                var edits: [ByteEdit] = []
                if !lost, let fixed = doubled { edits = [ByteEdit(range: v.contentRange, text: xmlEscaped(fixed))] }
                return RuleFinding(at: v, message: Localized(
                    fr: lost ? "\(v.name) : un caractère a été perdu (�)" : "\(v.name) : accents convertis deux fois",
                    en: lost ? "\(v.name): a character was lost (�)" : "\(v.name): accents converted twice"), edits: edits)
            }
        })
}
