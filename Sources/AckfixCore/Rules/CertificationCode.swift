/// What can be said of a certification's type and code without the France Compétences register
/// (FORMAT.md §A.3, §D #2; NEEDS.md P3). Shared by explain (diagnosis), repair (safe fix) and check.
public enum CertificationCodeProblem: Sendable, Equatable {
    /// `1710` under type RS: the code lacks its prefix.
    case missingPrefix(suggestedCode: String)
    /// `RNCP34826` under type RS: the type is taken from the code.
    case prefixDisagreesWithType(suggestedType: String)
    /// `rs 1710`, `RS-1710`: right certification, non-canonical spelling.
    case nonCanonicalCode(suggestedCode: String)
    /// A type other than RS or RNCP, with a code that does not say which.
    case unknownType
    /// A code that is neither a prefix plus digits nor digits alone.
    case unrecognisedCode

    /// Stable identifier for JSON output.
    public var slug: String {
        switch self {
        case .missingPrefix: return "code-missing-prefix"
        case .prefixDisagreesWithType: return "code-prefix-disagrees-with-type"
        case .nonCanonicalCode: return "code-not-canonical"
        case .unknownType: return "type-not-rs-or-rncp"
        case .unrecognisedCode: return "code-unrecognised"
        }
    }

    /// The corrected type and code, when ackfix can tell them for sure.
    public func corrected(type: String, code: String) -> (type: String, code: String)? {
        switch self {
        case .missingPrefix(let c), .nonCanonicalCode(let c): return (type.trimmingWhitespace().uppercased(), c)
        case .prefixDisagreesWithType(let t): return (t, CertificationCode.canonical(code) ?? code)
        case .unknownType, .unrecognisedCode: return nil
        }
    }
}

public enum CertificationCode {
    public static let types = ["RS", "RNCP"]

    /// The block's type and code as ackfix would fix them; nil when they look right or cannot be told.
    static func corrected(_ c: Certification) -> (type: String, code: String)? {
        guard let t = c.typeText, let k = c.codeText else { return nil }
        return analyse(type: t, code: k)?.corrected(type: t, code: k)
    }

    /// Prefix and digits of `RS1710`, `rs 1710`, `RNCP-34826`; nil otherwise.
    static func parts(_ code: String) -> (prefix: String, digits: String)? {
        let upper = code.trimmingWhitespace().uppercased()
        for prefix in ["RNCP", "RS"] where upper.hasPrefix(prefix) {
            let rest = upper.dropFirst(prefix.count).drop { $0 == " " || $0 == "-" || $0 == "_" }
            guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return (prefix, String(rest))
        }
        return nil
    }

    /// `RS1710` for `rs 1710`; nil when the code has no recognisable prefix.
    public static func canonical(_ code: String) -> String? {
        parts(code).map { $0.prefix + $0.digits }
    }

    /// The problem with this type and code, or nil when they look right.
    public static func analyse(type rawType: String, code rawCode: String) -> CertificationCodeProblem? {
        let type = rawType.trimmingWhitespace().uppercased()
        let code = rawCode.trimmingWhitespace()
        if let (prefix, digits) = parts(code) {
            if prefix != type { return .prefixDisagreesWithType(suggestedType: prefix) }
            let canonical = prefix + digits
            return canonical == code ? nil : .nonCanonicalCode(suggestedCode: canonical)
        }
        if !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return types.contains(type) ? .missingPrefix(suggestedCode: type + code) : .unknownType
        }
        return types.contains(type) ? .unrecognisedCode : .unknownType
    }
}
