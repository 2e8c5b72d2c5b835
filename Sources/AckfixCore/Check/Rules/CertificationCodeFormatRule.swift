extension CheckRule {
    static let certificationCodeFormat = CheckRule(
        code: "B04", slug: "certification-code-format", severity: .error, fix: .certificationCode,
        title: Localized(fr: "Code de certification mal écrit", en: "Certification code badly written"),
        explanation: Localized(
            fr: "Le code s'écrit préfixe et numéro, en majuscules, sans espace ni tiret (RS6012, RNCP35108). Toute autre forme ne désigne aucune certification.",
            en: "The code is written prefix and number, upper case, no space or hyphen (RS6012, RNCP35108). Any other form names no certification."),
        examples: [
            RuleExample(replacing: "<cpf:code>RS6012</cpf:code>", with: "<cpf:code>rs 6012</cpf:code>", triggers: true),
            RuleExample(replacing: "<cpf:code>RS6012</cpf:code>", with: "<cpf:code>RS-6012</cpf:code>", triggers: true),
            RuleExample(replacing: "<cpf:code>RS6012</cpf:code>", with: "<cpf:code>RS6012</cpf:code>", triggers: false),
        ],
        body: .certification { c in
            guard let code = c.code, let t = c.typeText, let k = c.codeText else { return [] }
            switch CertificationCode.analyse(type: t, code: k) {
            case .nonCanonicalCode(let suggested)?:
                return [RuleFinding(at: code, message: Localized(fr: "code « \(k) » : s'écrit \(suggested)", en: "code « \(k) »: written \(suggested)"),
                                    edits: [ByteEdit(range: code.contentRange, text: suggested)])]
            case .unrecognisedCode?:
                return [RuleFinding(at: code, message: Localized(fr: "code « \(k) » : pas la forme RS ou RNCP suivie du numéro",
                                                                 en: "code « \(k) »: not RS or RNCP followed by the number"))]
            default:
                return []
            }
        })
}
