/// One way a deposit breaks its schema, found by ackfix's own validator.
public struct SchemaViolation: Sendable {
    public enum Kind: String, Sendable {
        case unknownRoot, unexpectedElement, elementNotExpected, missingElement
        case invalidValue, enumeration, pattern, length, minLength, maxLength, minInclusive, maxInclusive
        case nilNotAllowed, nilWithContent, invalidNilValue, attributeNotAllowed, textNotAllowed, elementInSimpleContent
    }

    public let kind: Kind
    /// Where the element concerned starts (1-based).
    public let line: Int
    public let column: Int
    /// Local names from the root to the element concerned (for a missing child: its parent).
    public let path: [String]
    /// The value at fault, if any.
    public let value: String?
    /// Allowed values, or expected element names.
    public let expected: [String]
    /// The facet's bound (`8`, `12`…), if any.
    public let limit: String?
    /// The schema type of the value, named the way the CDC's validator names it
    /// (`#AnonType_horodatageflux`, `date`, `genre`…).
    public let typeName: String
    /// The element concerned, in the (UTF-8) stream.
    public let elementRange: Range<Int>
    /// Index of the enclosing passage (0-based, in document order), if inside one.
    public let passageIndex: Int?
    /// Index of the enclosing certification block, if inside one.
    public let certificationIndex: Int?
    /// The message of another validator (libxml2 with `check --schema`), as it gave it.
    public var externalMessage: String? = nil

    public var element: String { path.last ?? "" }

    public var errorClass: ErrorClass {
        switch kind {
        case .unknownRoot: return .wrongSchemaVersion
        case .unexpectedElement, .elementInSimpleContent: return .unexpectedElement
        case .elementNotExpected: return .exclusiveChoice
        case .missingElement: return .missingElement
        case .invalidValue, .pattern: return .invalidFormat
        case .enumeration: return .invalidEnumeration
        case .length, .minLength, .maxLength: return .invalidLength
        case .minInclusive, .maxInclusive: return .outOfRange
        case .nilNotAllowed, .nilWithContent, .invalidNilValue: return .invalidNil
        case .attributeNotAllowed: return .attributeNotAllowed
        case .textNotAllowed: return .textNotAllowed
        }
    }

    /// The code the CDC's (Xerces) validator gives this violation.
    public var validatorCode: String {
        switch kind {
        case .unknownRoot: return "cvc-elt.1.a"
        case .unexpectedElement, .elementInSimpleContent: return "cvc-complex-type.2.4.a"
        case .elementNotExpected: return "cvc-complex-type.2.4.d"
        case .missingElement: return "cvc-complex-type.2.4.b"
        case .invalidValue: return "cvc-datatype-valid.1.2.1"
        case .pattern: return "cvc-pattern-valid"
        case .enumeration: return "cvc-enumeration-valid"
        case .length: return "cvc-length-valid"
        case .minLength: return "cvc-minLength-valid"
        case .maxLength: return "cvc-maxLength-valid"
        case .minInclusive: return "cvc-minInclusive-valid"
        case .maxInclusive: return "cvc-maxInclusive-valid"
        case .nilNotAllowed: return "cvc-elt.3.1"
        case .nilWithContent: return "cvc-elt.3.2.1"
        case .invalidNilValue: return "cvc-datatype-valid.1.2.1"
        case .attributeNotAllowed: return "cvc-complex-type.3.2.2"
        case .textNotAllowed: return "cvc-complex-type.2.3"
        }
    }

    /// The wording the CDC's validator would use, so that a certifier can set ackfix's finding
    /// beside a CDC report. Values of personal fields are masked unless `privacy` allows them.
    public func cdcWording(privacy: Privacy) -> String? {
        guard externalMessage == nil else { return nil }
        return ackfixWording(privacy: privacy)
    }

    private func ackfixWording(privacy: Privacy) -> String {
        let v = value.map { privacy.display($0, field: element) } ?? ""
        let e = "cpf:" + element
        let body: String
        switch kind {
        case .unknownRoot: body = "Déclaration de l'élément '\(element)' introuvable."
        case .unexpectedElement, .elementInSimpleContent:
            body = "Contenu non valide trouvé à partir de l'élément '\(e)'. L'une des valeurs '{\(expectedList)}' est attendue."
        case .elementNotExpected:
            body = "Contenu non valide trouvé à partir de l'élément '\(e)'. Aucun élément enfant n'est attendu à cet endroit."
        case .missingElement:
            body = "Le contenu de l'élément '\(e)' n'est pas complet. L'un des éléments '{\(expectedList)}' est attendu."
        case .invalidValue: body = "'\(v)' n'est pas une valeur valide pour '\(typeName)'."
        case .pattern:
            body = "La valeur '\(v)' n'est pas un facet valide par rapport au modèle '\(limit ?? "")' pour le type '\(typeName)'."
        case .enumeration:
            body = "La valeur '\(v)' n'est pas un facet valide par rapport à l'énumération '[\(expected.joined(separator: ", "))]'. Il doit s'agir d'une valeur provenant de l'énumération."
        case .length:
            body = "La valeur '\(v)', ayant pour longueur '\(Self.length(value))', n'est pas un facet valide par rapport à la longueur '\(limit ?? "")' pour le type '\(typeName)'."
        case .minLength, .maxLength:
            body = "La valeur '\(v)', ayant pour longueur '\(Self.length(value))', n'est pas un facet valide par rapport à la longueur \(kind == .minLength ? "minimale" : "maximale") '\(limit ?? "")' pour le type '\(typeName)'."
        case .minInclusive, .maxInclusive:
            body = "La valeur '\(v)' n'est pas un facet valide par rapport à \(kind == .minInclusive ? "minInclusive" : "maxInclusive") '\(limit ?? "")' pour le type '\(typeName)'."
        case .nilNotAllowed:
            body = "L'attribut 'xsi:nil' ne doit pas apparaître dans l'élément '\(e)', car la propriété {nillable} de '\(e)' est false."
        case .nilWithContent:
            body = "L'élément '\(e)' ne peut pas contenir de caractère ou d'élément enfant, car xsi:nil est spécifié."
        case .invalidNilValue: body = "'\(v)' n'est pas une valeur valide pour 'boolean'."
        case .attributeNotAllowed: body = "L'attribut '\(value ?? "")' n'est pas autorisé dans l'élément '\(e)'."
        case .textNotAllowed:
            body = "L'élément '\(e)' ne peut pas contenir de caractères [enfants], car le type de contenu du type est Element-only."
        }
        return validatorCode + " : " + body
    }

    private var expectedList: String {
        expected.map { "\"\(Namespaces.cpf)\":\($0)" }.joined(separator: ", ")
    }

    private static func length(_ v: String?) -> Int { v?.unicodeScalars.count ?? 0 }

    /// A plain sentence for people: what is wrong and what is allowed.
    public func plainMessage(privacy: Privacy) -> Localized {
        if let externalMessage {
            let shown = privacy.showPersonalData || !DepositFields.isPersonal(element) ? externalMessage : Self.maskingValues(externalMessage)
            return Localized(fr: "selon le schéma donné : " + shown, en: "per the schema given: " + shown)
        }
        let label = DepositFields.label(element)
        let v = value.map { privacy.display($0, field: element) }
        let quoted = v.map { "« \($0) »" } ?? ""
        switch kind {
        case .unknownRoot:
            return Localized(fr: "élément racine « \(element) » inconnu du schéma : la racine doit être cpf:flux dans l'espace de noms \(Namespaces.cpf)",
                             en: "root element « \(element) » unknown to the schema: the root must be cpf:flux in namespace \(Namespaces.cpf)")
        case .unexpectedElement, .elementInSimpleContent:
            let list = expected.isEmpty ? "" : expected.joined(separator: ", ")
            return Localized(fr: "élément « \(element) » inattendu ici" + (list.isEmpty ? "" : " ; attendu : \(list)"),
                             en: "element « \(element) » not expected here" + (list.isEmpty ? "" : "; expected: \(list)"))
        case .elementNotExpected:
            return Localized(fr: "élément « \(element) » en trop : le bloc est déjà complet (un seul des éléments d'un « ou exclusif », ou élément répété)",
                             en: "extra element « \(element) »: the block is already complete (only one branch of an either-or, or a repeated element)")
        case .missingElement:
            return Localized(fr: "il manque \(expected.joined(separator: " ou ")) dans « \(element) »",
                             en: "\(expected.joined(separator: " or ")) missing in « \(element) »")
        case .invalidValue:
            return Localized(fr: "\(label.fr) \(quoted) n'est pas \(Self.typeWords(typeName).fr)",
                             en: "\(label.en) \(quoted) is not \(Self.typeWords(typeName).en)")
        case .pattern:
            return Localized(fr: "\(label.fr) \(quoted) n'a pas la forme attendue (\(Self.shape(element).fr))",
                             en: "\(label.en) \(quoted) does not have the expected shape (\(Self.shape(element).en))")
        case .enumeration:
            return Localized(fr: "\(label.fr) \(quoted) hors liste ; valeurs permises : \(expected.joined(separator: ", "))",
                             en: "\(label.en) \(quoted) not in the list; allowed: \(expected.joined(separator: ", "))")
        case .length:
            return Localized(fr: "\(label.fr) \(quoted) doit faire exactement \(limit ?? "") caractères (\(Self.length(value)) ici)",
                             en: "\(label.en) \(quoted) must be exactly \(limit ?? "") characters long (\(Self.length(value)) here)")
        case .minLength:
            return Self.length(value) == 0
                ? Localized(fr: "\(label.fr) vide : omettez l'élément s'il est facultatif, ou écrivez-le avec xsi:nil=\"true\" si le champ l'admet",
                            en: "\(label.en) empty: leave the element out if optional, or write it with xsi:nil=\"true\" if the field allows it")
                : Localized(fr: "\(label.fr) \(quoted) trop court (\(limit ?? "") caractères au moins)",
                            en: "\(label.en) \(quoted) too short (at least \(limit ?? "") characters)")
        case .maxLength:
            return Localized(fr: "\(label.fr) trop long : \(Self.length(value)) caractères pour \(limit ?? "") au plus",
                             en: "\(label.en) too long: \(Self.length(value)) characters for \(limit ?? "") at most")
        case .minInclusive:
            return Localized(fr: "\(label.fr) \(quoted) inférieur au minimum \(limit ?? "")", en: "\(label.en) \(quoted) below the minimum \(limit ?? "")")
        case .maxInclusive:
            return Localized(fr: "\(label.fr) \(quoted) supérieur au maximum \(limit ?? "")", en: "\(label.en) \(quoted) above the maximum \(limit ?? "")")
        case .nilNotAllowed:
            return Localized(fr: "\(label.fr) ne peut pas être xsi:nil : ce champ demande une valeur",
                             en: "\(label.en) cannot be xsi:nil: this field needs a value")
        case .nilWithContent:
            return Localized(fr: "\(label.fr) est marqué xsi:nil mais n'est pas vide", en: "\(label.en) is marked xsi:nil but is not empty")
        case .invalidNilValue:
            return Localized(fr: "xsi:nil \(quoted) : écrivez xsi:nil=\"true\"", en: "xsi:nil \(quoted): write xsi:nil=\"true\"")
        case .attributeNotAllowed:
            return Localized(fr: "attribut « \(value ?? "") » non autorisé sur « \(element) »", en: "attribute « \(value ?? "") » not allowed on « \(element) »")
        case .textNotAllowed:
            return Localized(fr: "texte écrit directement dans le bloc « \(element) », qui ne contient que des éléments",
                             en: "text written straight into block « \(element) », which only holds elements")
        }
    }

    /// libxml2 quotes values as `The value 'x'` or `'x' is not a valid value`: masked.
    static func maskingValues(_ message: String) -> String {
        var out = ""
        var rest = Substring(message)
        while let q = rest.firstIndex(of: "'") {
            out += rest[...q]
            rest = rest[rest.index(after: q)...]
            guard let end = rest.firstIndex(of: "'") else { break }
            let quoted = rest[..<end]
            // Element names ({namespace}local) stay; values go.
            out += quoted.hasPrefix("{") ? String(quoted) : Privacy.mask
            out += "'"
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    private static func typeWords(_ t: String) -> Localized {
        switch t {
        case "date": return Localized(fr: "une date AAAA-MM-JJ valide", en: "a valid YYYY-MM-DD date")
        case "dateTime": return Localized(fr: "un horodatage AAAA-MM-JJTHH:MM:SS±HH:MM valide", en: "a valid YYYY-MM-DDTHH:MM:SS±HH:MM timestamp")
        case "boolean": return Localized(fr: "true ou false", en: "true or false")
        case "int": return Localized(fr: "un nombre entier sans espace", en: "a whole number without spaces")
        default: return Localized(fr: "une valeur valide", en: "a valid value")
        }
    }

    private static func shape(_ element: String) -> Localized {
        switch element {
        case "horodatage": return Localized(fr: "AAAA-MM-JJTHH:MM:SS+01:00, sans Z ni fraction de seconde", en: "YYYY-MM-DDTHH:MM:SS+01:00, no Z, no fraction of a second")
        case "nir": return Localized(fr: "13 premiers caractères du NIR, sans la clé", en: "the NIR's first 13 characters, without the key")
        default: return Localized(fr: "AAAA-MM-JJ, année de 1900 à 2099", en: "YYYY-MM-DD, year 1900 to 2099")
        }
    }
}
