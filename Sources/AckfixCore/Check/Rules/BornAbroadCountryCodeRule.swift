extension CheckRule {
    static let bornAbroadCountryCode = CheckRule(
        code: "B12", slug: "born-abroad-country-code", severity: .warning, fix: .bornAbroadCountry,
        title: Localized(fr: "Naissance à l'étranger sans le bon code pays", en: "Birth abroad without the right country code"),
        explanation: Localized(
            fr: "Pour une naissance à l'étranger, codeInsee vaut 99 suivi du code pays INSEE, et codePaysNaissance reprend ces trois derniers chiffres (dictionnaire des données).",
            en: "For a birth abroad, codeInsee is 99 followed by the INSEE country code, and codePaysNaissance repeats those last three digits (data dictionary)."),
        examples: [
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>", with: "<cpf:codeInsee>99134</cpf:codeInsee>", triggers: true),
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>\n                    </cpf:codeCommuneNaissance>",
                        with: "<cpf:codeInsee>99134</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>\n                    </cpf:codeCommuneNaissance>\n                    <cpf:codePaysNaissance>134</cpf:codePaysNaissance>",
                        triggers: false),
        ],
        body: .passage { ctx in
            guard let insee = ctx.value(.codeInsee), !insee.isNil else { return [] }
            let code = insee.value.trimmingWhitespace()
            guard code.count == 5, code.hasPrefix("99"), code.allSatisfy(\.isNumber) else { return [] }
            let expected = String(code.suffix(3))
            let current = ctx.value(.codePaysNaissance)
            guard current?.value.trimmingWhitespace() != expected else { return [] }
            var editor = ctx.editor()
            editor.set("codePaysNaissance", .value(expected), kind: .bornAbroadCountry)
            return [RuleFinding(at: current ?? insee, message: Localized(
                fr: "codeInsee 99… (né à l'étranger) : codePaysNaissance doit valoir les trois derniers chiffres",
                en: "codeInsee 99… (born abroad): codePaysNaissance must be its last three digits"),
                edits: editor.edits)]
        })
}
