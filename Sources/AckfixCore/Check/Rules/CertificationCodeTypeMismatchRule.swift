extension CheckRule {
    static let certificationCodeTypeMismatch = CheckRule(
        code: "B03", slug: "certification-code-type-mismatch", severity: .error, fix: .certificationType,
        title: Localized(fr: "Préfixe du code contraire au type", en: "Code prefix contradicts the type"),
        explanation: Localized(
            fr: "Type RS avec un code RNCP (ou l'inverse) : la CDC ne trouve pas la certification et refuse les passages. Le type est pris du code.",
            en: "Type RS with an RNCP code (or the reverse): the CDC does not find the certification and refuses the passages. The type is taken from the code."),
        examples: [
            RuleExample(replacing: "<cpf:code>RS6012</cpf:code>", with: "<cpf:code>RNCP34826</cpf:code>", triggers: true),
            RuleExample(replacing: "<cpf:type>RS</cpf:type>\n                <cpf:code>RS6012</cpf:code>",
                        with: "<cpf:type>RNCP</cpf:type>\n                <cpf:code>RNCP34826</cpf:code>", triggers: false),
        ],
        body: .certification { c in
            guard let type = c.type, let t = c.typeText, let k = c.codeText, CertificationCode.types.contains(t.uppercased()),
                  case .prefixDisagreesWithType(let suggested)? = CertificationCode.analyse(type: t, code: k) else { return [] }
            return [RuleFinding(at: type, message: Localized(fr: "type « \(t) » mais code \(k) : le type doit être \(suggested)",
                                                             en: "type « \(t) » but code \(k): the type should be \(suggested)"),
                                edits: [ByteEdit(range: type.contentRange, text: suggested)])]
        })
}
