/// The languages ackfix speaks.
public enum Language: String, Sendable, CaseIterable {
    case fr, en

    /// `--lang` if given, else French when LC_ALL, LC_MESSAGES or LANG (the first one set,
    /// in that order, as POSIX does) starts with `fr`, else English.
    public static func resolve(explicit: String?, environment: [String: String]) -> Language? {
        if let explicit {
            return Language(rawValue: explicit.lowercased().prefix(2).description)
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

/// A text in both languages. Every message a user reads is one of these.
public struct Localized: Sendable, Equatable, Hashable {
    public let fr: String
    public let en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        language == .fr ? fr : en
    }

    /// The same text in both languages (a code, a value).
    public static func verbatim(_ s: String) -> Localized { Localized(fr: s, en: s) }
}
