/// One class of CDC error: what the CDC writes, what it means, what to do. Each class lives in its
/// own file under `Catalogue/` with the examples that feed its tests and its documentation page.
public struct ErrorClass: Sendable, Hashable, Identifiable, CustomStringConvertible {
    public enum Family: String, Sendable {
        /// A refused passage in a processing report (`PassagesKO/passage/messageErreur`).
        case functional
        /// An error of a technical rejection (`erreurs/erreur/message`): the whole file was refused.
        case rejection
    }

    /// Stable code, e.g. `F01`, `X05`.
    public let code: String
    /// Stable slug used in JSON output and by users' scripts, e.g. `holder-not-found`.
    public let slug: String
    public let family: Family
    public let title: Localized
    /// The CDC wordings, most specific first.
    public let templates: [MessageTemplate]
    /// Templates tried only when no class matched exactly (e.g. « Aucun titulaire ne correspond {…} »).
    public let fallbackTemplates: [MessageTemplate]
    /// Xerces validator codes (`cvc-…`) this class covers, for rejections.
    public let validatorCodes: [String]
    public let meaning: Localized
    public let fix: Localized
    /// Messages the class must recognise, with the values it must extract.
    public let examples: [Example]

    public var id: String { code }
    public var description: String { "\(code) \(slug)" }

    public struct Example: Sendable, Hashable, CustomStringConvertible {
        public var description: String { message }
        public let message: String
        public let values: [String: String]
        public init(_ message: String, values: [String: String] = [:]) {
            self.message = message
            self.values = values
        }
    }

    public init(
        code: String, slug: String, family: Family, title: Localized,
        templates: [String], fallbackTemplates: [String] = [], validatorCodes: [String] = [],
        meaning: Localized, fix: Localized, examples: [Example]
    ) {
        self.code = code
        self.slug = slug
        self.family = family
        self.title = title
        self.templates = templates.map(MessageTemplate.init)
        self.fallbackTemplates = fallbackTemplates.map(MessageTemplate.init)
        self.validatorCodes = validatorCodes
        self.meaning = meaning
        self.fix = fix
        self.examples = examples
    }

    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into h: inout Hasher) { h.combine(code) }
}

/// A message matched to its class, with the values it names.
public struct Classification: Sendable {
    public let errorClass: ErrorClass
    /// Placeholder values: `bcr`, `id`, `index`, `element`, `value`, `expected`, `type`, `version`…
    public let values: [String: String]
    /// The validator code the message starts with, if any (`cvc-enumeration-valid`).
    public let validatorCode: String?
}

/// Every class, and the function that puts a message in one.
public enum ErrorCatalogue {
    public static let functional: [ErrorClass] = [
        .holderNotFound, .holderNotFoundBirthDate, .holderNotFoundReconciliation, .holderAmbiguous,
        .duplicateID, .certificationStatusKO, .validityDatesInverted, .unclassifiedFunctional,
    ]

    public static let rejection: [ErrorClass] = [
        .wrongSchemaVersion, .unexpectedElement, .missingElement, .exclusiveChoice,
        .invalidEnumeration, .invalidFormat, .invalidLength, .outOfRange, .invalidNil,
        .attributeNotAllowed, .textNotAllowed, .commentDoubleHyphen, .xmlVersionMissing,
        .xmlVersionUnsupported, .unclosedTag, .malformedTag, .xmlDeclarationSpace,
        .invalidCharacter, .notWellFormed, .unclassifiedRejection,
    ]

    public static let all: [ErrorClass] = functional + rejection

    /// Each class's advice (`fix`), by place in `all`: reading one class's field copies the whole class.
    static let adviceByPlace: [Localized] = all.map(\.fix)
    /// Each class's slug, by place in `all`.
    static let slugByPlace: [String] = all.map(\.slug)

    /// Each class's place in `all`, by code.
    static let placeInAll: [String: UInt8] = Dictionary(uniqueKeysWithValues: all.indices.map { (all[$0].code, UInt8($0)) })

    public static func errorClass(slug: String, family: ErrorClass.Family) -> ErrorClass? {
        (family == .functional ? functional : rejection).first { $0.slug == slug }
    }

    public static func errorClass(code: String) -> ErrorClass? {
        all.first { $0.code == code }
    }

    /// The class of a refused passage's message.
    public static func classifyFunctional(_ message: String) -> Classification {
        classify(message, among: functional, unclassified: .unclassifiedFunctional, validatorCode: nil)
    }

    /// The class of a technical rejection's message: by its `cvc-…` code when it has one,
    /// else by its wording.
    public static func classifyRejection(_ message: String) -> Classification {
        let collapsed = message.collapsingWhitespace()
        if let code = validatorCode(in: collapsed) {
            let body = String(collapsed.drop(while: { $0 != ":" }).dropFirst()).trimmingWhitespace()
            if let c = rejection.first(where: { $0.validatorCodes.contains(code) }) {
                let folded = FoldedText(body)
                for t in c.templates + c.fallbackTemplates {
                    if let v = t.match(folded) { return Classification(errorClass: c, values: unquoted(v), validatorCode: code) }
                }
                return Classification(errorClass: c, values: RejectionDetails.extract(from: body), validatorCode: code)
            }
            let found = classify(body, among: rejection, unclassified: .unclassifiedRejection, validatorCode: code)
            return found
        }
        return classify(collapsed, among: rejection, unclassified: .unclassifiedRejection, validatorCode: nil)
    }

    private static func classify(
        _ message: String, among classes: [ErrorClass], unclassified: ErrorClass, validatorCode: String?
    ) -> Classification {
        guard let (c, values) = match(FoldedText(message), among: classes) else {
            return Classification(errorClass: unclassified, values: [:], validatorCode: validatorCode)
        }
        return Classification(errorClass: classes[c], values: unquoted(values), validatorCode: validatorCode)
    }

    /// `classifyFunctional` with the class as its place in `functional`.
    static func functionalPlace(of message: String) -> (place: Int, values: [String: String]) {
        guard let (c, values) = match(FoldedText(message), among: functional) else { return (unclassifiedFunctionalIndex, [:]) }
        return (c, unquoted(values))
    }

    /// The place alone, without the values (what a repair needs of every refused passage).
    static func functionalPlaceOnly(of message: String) -> Int {
        match(FoldedText(message), among: functional, capturing: false)?.class ?? unclassifiedFunctionalIndex
    }

    static let unclassifiedFunctionalIndex = functional.firstIndex { $0.code == ErrorClass.unclassifiedFunctional.code }!

    /// The first class (by place) with a template the message matches, fallback templates last.
    /// Classes are read in place: copying one copies a dozen strings.
    private static func match(_ folded: FoldedText, among classes: [ErrorClass], capturing: Bool = true)
        -> (class: Int, values: [String: String])? {
        for c in classes.indices {
            for t in classes[c].templates {
                if let v = t.match(folded, capturing: capturing) { return (c, v) }
            }
        }
        for c in classes.indices {
            for t in classes[c].fallbackTemplates {
                if let v = t.match(folded, capturing: capturing) { return (c, v) }
            }
        }
        return nil
    }

    /// Values without the quotes a template could not place outside them.
    private static func unquoted(_ values: [String: String]) -> [String: String] {
        values.mapValues { $0.trimmingCharacters(in: "'\"") }
    }

    /// `cvc-complex-type.2.4.a` in `cvc-complex-type.2.4.a : Contenu non valide…`.
    static func validatorCode(in message: String) -> String? {
        guard message.hasPrefix("cvc-") else { return nil }
        let code = message.prefix { $0 != " " && $0 != ":" }
        return code.isEmpty ? nil : String(code)
    }
}

/// Generic extraction of what a validator message names, for wordings no template covers.
enum RejectionDetails {
    static func extract(from message: String) -> [String: String] {
        var values: [String: String] = [:]
        let quoted = quotedValues(in: message)
        if let element = element(in: message) { values["element"] = element }
        if message.lowercased().contains("valeur") || message.lowercased().contains("value"), let first = quoted.first {
            values["value"] = first
        }
        return values
    }

    /// The texts between single or double quotes, in order.
    static func quotedValues(in message: String) -> [String] {
        var out: [String] = []
        var current: String?
        var quote: Character = "'"
        for ch in message {
            if var c = current {
                if ch == quote {
                    out.append(c)
                    current = nil
                } else {
                    c.append(ch)
                    current = c
                }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                current = ""
            }
        }
        return out
    }

    /// The element a message names: `élément 'cpf:sexe'` or the anonymous type `#AnonType_sexetitulaire`.
    static func element(in message: String) -> String? {
        let folded = FoldedText(message)
        let s = folded.scalars
        for marker in ["element '", "element \""] {
            let m = Array(marker.unicodeScalars)
            var i = 0
            while i + m.count <= s.count {
                if Array(s[i..<(i + m.count)]) == m {
                    let start = i + m.count
                    var end = start
                    while end < s.count, s[end] != "'", s[end] != "\"" { end += 1 }
                    if end > start { return XMLNames.localName(folded.original(start..<end)) }
                }
                i += 1
            }
        }
        if let r = message.firstRange(of: "#AnonType_") {
            let anon = message[r.upperBound...].prefix { $0.isLetter || $0.isNumber }
            return DepositSchema.elementName(fromAnonymousType: String(anon))
        }
        return nil
    }
}

enum XMLNames {
    /// `cpf:sexe` → `sexe`; `{"urn…":sexe}` → `sexe`.
    static func localName(_ qualified: String) -> String {
        String(qualified.split(separator: ":").last ?? Substring(qualified)).trimmingCharacters(in: "{}\"")
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
