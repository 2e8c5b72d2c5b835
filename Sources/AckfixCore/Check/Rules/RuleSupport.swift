import Foundation

/// Helpers several rules share.
extension CheckRule {
    /// A block or value that goes with a true flag: flags both a value without its flag and a
    /// true flag without its value.
    static func conditional(_ ctx: PassageContext, flag flagField: RuleField, dependent dependentField: RuleField) -> [RuleFinding] {
        guard let f = ctx.value(flagField) else { return [] }
        let on = ["true", "1"].contains(f.value.trimmingWhitespace())
        let d = ctx.value(dependentField)
        guard (d != nil) != on else { return [] }
        // Named only when reported: the flag is in most passages.
        let (flag, dependent) = (flagField.place.path ?? "", dependentField.place.path ?? "")
        if let d {
            return [RuleFinding(at: d, message: Localized(fr: "\(dependent) donné alors que \(flag) vaut « \(f.value.trimmingWhitespace()) »",
                                                          en: "\(dependent) given while \(flag) is « \(f.value.trimmingWhitespace()) »"))]
        }
        return [RuleFinding(at: f, message: Localized(fr: "\(flag) vaut true mais \(dependent) manque",
                                                      en: "\(flag) is true but \(dependent) is missing"))]
    }

    /// The instant of a valid `YYYY-MM-DDTHH:MM:SS±HH:MM` value.
    static func instant(_ value: String) -> Date? {
        let v = value.trimmingWhitespace()
        guard XSDDates.isDateTime(Array(v.utf8)[...]), XSDPattern.horodatage.matches(v) else { return nil }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssXXXXX"
        return f.date(from: v)
    }

    /// A value that is a valid `AAAA-MM-JJ` date, trimmed (comparisons need real dates).
    static func isoDate(_ value: String) -> String? {
        let v = value.trimmingWhitespace()
        // A date is ASCII: ten bytes are ten characters (counting characters is the costlier test).
        return v.utf8.count == 10 && XSDDates.isDate(Array(v.utf8)[...]) ? v : nil
    }
}

/// Text that went through UTF-8 → Windows-1252 → UTF-8 once too often.
enum Mojibake {
    /// The text decoded once more, if it looks double-encoded and decodes cleanly.
    static func repaired(_ text: String) -> String? {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }), mayBeDoubled(text) else { return nil }
        var bytes: [UInt8] = []
        let reverse = Dictionary(uniqueKeysWithValues: Transcoder.windows1252Overrides.map { ($0.value, $0.key) })
        for s in text.unicodeScalars {
            if s.value < 0x100 { bytes.append(UInt8(s.value)) } else if let b = reverse[s.value] { bytes.append(b) } else { return nil }
        }
        guard let decoded = String(validatingUTF8Bytes: bytes), decoded != text else { return nil }
        return decoded
    }

    /// « Ã », « Å » or « â€ » (the first bytes of a doubly encoded accent), found on the bytes:
    /// every name of every passage goes through here.
    private static func mayBeDoubled(_ text: String) -> Bool {
        text.utf8.contains(bytes: [0xC3, 0x83]) || text.utf8.contains(bytes: [0xC3, 0x85])
            || text.utf8.contains(bytes: [0xC3, 0xA2, 0xE2, 0x82, 0xAC])
    }

    /// « � » or its doubly encoded form « ï¿½ »: a character was lost on the way.
    static func hasLostCharacter(_ text: String) -> Bool {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        return text.utf8.contains(bytes: [0xEF, 0xBF, 0xBD]) || text.utf8.contains(bytes: [0xC3, 0xAF, 0xC2, 0xBF, 0xC2, 0xBD])
    }
}

extension String.UTF8View {
    /// Whether these bytes occur in a row.
    func contains(bytes needle: [UInt8]) -> Bool {
        // A native string's bytes are contiguous: searched in place (slicing the view is slow).
        withContiguousStorageIfAvailable { $0.contains(bytes: needle) } ?? Array(self).withUnsafeBufferPointer { $0.contains(bytes: needle) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes occur in a row.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var i = 0
        while i <= count - needle.count {
            if self[i] == first, needle.indices.allSatisfy({ self[i + $0] == needle[$0] }) { return true }
            i += 1
        }
        return false
    }
}
