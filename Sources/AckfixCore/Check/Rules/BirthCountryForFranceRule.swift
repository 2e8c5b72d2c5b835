extension CheckRule {
    static let birthCountryForFrance = CheckRule(
        code: "B11", slug: "birth-country-for-france", severity: .warning, fix: .dropOptionalIdentity,
        title: Localized(fr: "Code pays de naissance pour une naissance en France", en: "Birth country code for a birth in France"),
        explanation: Localized(
            fr: "codePaysNaissance ne se donne pas pour une personne née en France (dictionnaire des données) : une donnée facultative en trop peut faire échouer le rapprochement de l'identité.",
            en: "codePaysNaissance is not given for a person born in France (data dictionary): one optional value too many can make identity matching fail."),
        examples: [
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>\n                    </cpf:codeCommuneNaissance>",
                        with: "<cpf:codeInsee>75056</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>\n                    </cpf:codeCommuneNaissance>\n                    <cpf:codePaysNaissance>100</cpf:codePaysNaissance>",
                        triggers: true),
            RuleExample(replacing: "EX-1", with: "EX-1", triggers: false),
        ],
        body: .passage { ctx in
            guard let country = ctx.value(.codePaysNaissance),
                  let insee = ctx.value(.codeInsee)?.value.trimmingWhitespace(), !insee.hasPrefix("99") else { return [] }
            var editor = ctx.editor()
            editor.remove("codePaysNaissance", kind: .dropOptionalIdentity)
            return [RuleFinding(at: country, message: Localized(
                fr: "code pays donné pour une commune de naissance française", en: "country code given for a French birth place"),
                edits: editor.edits)]
        })
}
