extension CheckRule {
    static let postalCodeShape = CheckRule(
        code: "B14", slug: "postal-code-shape", severity: .warning,
        title: Localized(fr: "Code postal de naissance mal formé", en: "Malformed birth postcode"),
        explanation: Localized(
            fr: "Un code postal français fait 5 chiffres ; 00000 ou 99999 sont des valeurs de remplissage. Inconnu, il s'écrit avec xsi:nil (et mieux vaut le code INSEE).",
            en: "A French postcode is 5 digits; 00000 or 99999 are fillers. When unknown, write it with xsi:nil (and the INSEE code is better)."),
        examples: [
            RuleExample(replacing: "<cpf:codeInseeNaissance>\n                        <cpf:codeInsee>75056</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>",
                        with: "<cpf:codePostalNaissance>\n                        <cpf:codePostal>00000</cpf:codePostal>\n                      </cpf:codePostalNaissance>", triggers: true),
            RuleExample(replacing: "<cpf:codeInseeNaissance>\n                        <cpf:codeInsee>75056</cpf:codeInsee>\n                      </cpf:codeInseeNaissance>",
                        with: "<cpf:codePostalNaissance>\n                        <cpf:codePostal>75011</cpf:codePostal>\n                      </cpf:codePostalNaissance>", triggers: false),
        ],
        body: .passage { ctx in
            guard let postal = ctx.value(.codePostal), !postal.isNil else { return [] }
            let c = postal.value.trimmingWhitespace()
            guard c.count != 5 || !c.allSatisfy({ $0.isASCII && $0.isNumber }) || c == "00000" || c == "99999" else { return [] }
            return [RuleFinding(at: postal, message: Localized(fr: "code postal « \(postal.value) » : 5 chiffres attendus",
                                                               en: "postcode « \(postal.value) »: 5 digits expected"))]
        })
}
