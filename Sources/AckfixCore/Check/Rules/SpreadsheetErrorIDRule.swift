extension CheckRule {
    static let spreadsheetErrorID = CheckRule(
        code: "B18", slug: "spreadsheet-error-id", severity: .error,
        title: Localized(fr: "idTechnique = erreur de tableur", en: "idTechnique is a spreadsheet error"),
        explanation: Localized(
            fr: "Une formule de tableur en erreur (#VALEUR !, #VALUE!, #N/A, #REF!, #NOM?…) a été exportée comme identifiant : tous les passages portent alors le même, et la CDC les refuse comme doublons.",
            en: "A failed spreadsheet formula (#VALEUR !, #VALUE!, #N/A, #REF!, #NOM?…) was exported as the id: every passage then has the same one, and the CDC refuses them as duplicates."),
        examples: [
            RuleExample(replacing: "<cpf:idTechnique>EX-1</cpf:idTechnique>", with: "<cpf:idTechnique>#VALEUR !</cpf:idTechnique>", triggers: true),
            RuleExample(replacing: "<cpf:idTechnique>EX-1</cpf:idTechnique>", with: "<cpf:idTechnique>#N/A</cpf:idTechnique>", triggers: true),
            RuleExample(replacing: "<cpf:idTechnique>EX-1</cpf:idTechnique>", with: "<cpf:idTechnique>A#1</cpf:idTechnique>", triggers: false),
        ],
        body: .passage { ctx in
            guard let v = ctx.value(.idTechnique) else { return [] }
            let trimmed = v.value.trimmingWhitespace()
            // Every error starts with « # »: the other ids need not be put in upper case.
            guard trimmed.utf8.first == UInt8(ascii: "#") else { return [] }
            let id = trimmed.uppercased()
            let errors = ["#VALEUR", "#VALUE!", "#N/A", "#REF!", "#NOM?", "#NAME?", "#DIV/0!", "#NOMBRE!", "#NUM!", "#NULL!", "#NUL!"]
            guard errors.contains(where: { id.hasPrefix($0) }) else { return [] }
            return [RuleFinding(at: v, message: Localized(fr: "idTechnique « \(v.value) » : une erreur de formule du tableur",
                                                          en: "idTechnique « \(v.value) »: a spreadsheet formula error"))]
        })
}
