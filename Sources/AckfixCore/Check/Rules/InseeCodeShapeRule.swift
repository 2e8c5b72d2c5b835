extension CheckRule {
    static let inseeCodeShape = CheckRule(
        code: "B13", slug: "insee-code-shape", severity: .warning,
        title: Localized(fr: "Code INSEE de naissance mal formé", en: "Malformed birth INSEE code"),
        explanation: Localized(
            fr: "Un code INSEE de commune fait 5 caractères : 5 chiffres, ou 2A / 2B suivis de 3 chiffres pour la Corse ; 99 suivi du code pays pour l'étranger. Un code inventé ou mal saisi fait échouer le rapprochement.",
            en: "A town INSEE code is 5 characters: 5 digits, or 2A / 2B and 3 digits for Corsica; 99 and the country code abroad. An invented or mistyped code makes matching fail."),
        examples: [
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>", with: "<cpf:codeInsee>75O56</cpf:codeInsee>", triggers: true),
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>", with: "<cpf:codeInsee>00000</cpf:codeInsee>", triggers: true),
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>", with: "<cpf:codeInsee>2A004</cpf:codeInsee>", triggers: false),
            RuleExample(replacing: "<cpf:codeInsee>75056</cpf:codeInsee>", with: "<cpf:codeInsee>2A0É4</cpf:codeInsee>", triggers: true),
        ],
        body: .passage { ctx in
            guard let insee = ctx.value(.codeInsee), !insee.isNil,
                  isMalformedInseeCode(insee.value.trimmingWhitespace()) else { return [] }
            return [RuleFinding(at: insee, message: Localized(fr: "code INSEE « \(insee.value) » : 5 chiffres, ou 2A / 2B et 3 chiffres",
                                                              en: "INSEE code « \(insee.value) »: 5 digits, or 2A / 2B and 3 digits"))]
        })
}

/// Five characters that are neither 5 digits nor 2A / 2B and 3 digits, or that start with 000;
/// another length is the schema's business.
private func isMalformedInseeCode(_ code: String) -> Bool {
    let c = Array(code.utf8)
    // Any character outside printable ASCII is no digit and no letter of 2A / 2B: five characters
    // holding one are malformed (counted as characters, found only then).
    guard c.allSatisfy({ (0x20...0x7E).contains($0) }) else { return code.count == 5 }
    guard c.count == 5 else { return false }
    let digits = { (s: ArraySlice<UInt8>) in s.allSatisfy { (0x30...0x39).contains($0) } }
    let corsica = c[0] == UInt8(ascii: "2") && (c[1] == UInt8(ascii: "A") || c[1] == UInt8(ascii: "B")) && digits(c[2...])
    return !((digits(c[...]) || corsica) && !c.starts(with: "000".utf8))
}
