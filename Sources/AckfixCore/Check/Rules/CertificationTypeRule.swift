extension CheckRule {
    static let certificationType = CheckRule(
        code: "B01", slug: "certification-type", severity: .error, fix: .certificationType,
        title: Localized(fr: "Type de certification ni RS ni RNCP", en: "Certification type neither RS nor RNCP"),
        explanation: Localized(
            fr: "La CDC n'accepte que les certifications RS et RNCP : tout autre type revient « statut de la certification KO ». Quand le code porte son préfixe, le type en est tiré.",
            en: "The CDC only takes RS and RNCP certifications: any other type comes back « certification status KO ». When the code carries its prefix, the type is taken from it."),
        examples: [
            RuleExample(replacing: "<cpf:type>RS</cpf:type>", with: "<cpf:type>Diplôme</cpf:type>", triggers: true),
            RuleExample(replacing: "<cpf:type>RS</cpf:type>", with: "<cpf:type>RS</cpf:type>", triggers: false),
        ],
        body: .certification { c in
            guard let type = c.type, let t = c.typeText, !CertificationCode.types.contains(t.uppercased()) else { return [] }
            let suggested = c.codeText.flatMap(CertificationCode.parts)?.prefix
            return [RuleFinding(at: type, message: Localized(
                fr: "type « \(t) » : seuls RS et RNCP sont acceptés" + (suggested.map { " ; le code dit \($0)" } ?? ""),
                en: "type « \(t) »: only RS and RNCP are accepted" + (suggested.map { "; the code says \($0)" } ?? "")),
                edits: suggested.map { [ByteEdit(range: type.contentRange, text: $0)] } ?? [])]
        })
}
