extension CheckRule {
    static let certificationCodePrefix = CheckRule(
        code: "B02", slug: "certification-code-prefix", severity: .error, fix: .certificationCode,
        title: Localized(fr: "Code de certification sans préfixe", en: "Certification code without its prefix"),
        explanation: Localized(
            fr: "Un code sans son préfixe (1710 au lieu de RS1710) ne désigne aucune certification : chaque passage revient « statut de la certification KO ». Le schéma ne le voit pas.",
            en: "A code without its prefix (1710 for RS1710) names no certification: every passage comes back « certification status KO ». The schema does not see it."),
        examples: [
            RuleExample(replacing: "<cpf:code>RS6012</cpf:code>", with: "<cpf:code>6012</cpf:code>", triggers: true),
            RuleExample(replacing: "<cpf:code>RS6012</cpf:code>", with: "<cpf:code>RS6012</cpf:code>", triggers: false),
        ],
        body: .certification { c in
            guard let code = c.code, let t = c.typeText, let k = c.codeText,
                  case .missingPrefix(let suggested)? = CertificationCode.analyse(type: t, code: k) else { return [] }
            return [RuleFinding(at: code, message: Localized(fr: "code « \(k) » sans préfixe : \(suggested)",
                                                             en: "code « \(k) » without its prefix: \(suggested)"),
                                edits: [ByteEdit(range: code.contentRange, text: suggested)])]
        })
}
