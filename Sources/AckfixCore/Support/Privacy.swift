/// Personal data (names, birth dates, birth places, NIR) is masked in every output unless the user
/// asks to see it: outputs end up in CI logs and support tickets.
public struct Privacy: Sendable {
    public let showPersonalData: Bool
    public static let mask = "***"

    public init(showPersonalData: Bool) { self.showPersonalData = showPersonalData }

    /// The value as it may be shown, given the field it comes from.
    public func display(_ value: String, field: String) -> String {
        showPersonalData || value.isEmpty || !DepositFields.isPersonal(field) ? value : Self.mask
    }

    /// A value read from a file, as a message may quote it: masked when it is personal, control
    /// characters written out (a message is one line, and a file must not drive the terminal),
    /// cut after `limit` characters.
    public func quoted(_ value: String, field: String = "", limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for scalar in display(value, field: field).unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.isControlCharacter:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// A validator message with the quoted value hidden when it belongs to a personal field.
    public func display(message: String, value: String?, personal: Bool) -> String {
        guard !showPersonalData, personal, let value, !value.isEmpty else { return message }
        return message.replacingAll("'\(value)'", with: "'\(Self.mask)'")
            .replacingAll("\"\(value)\"", with: "\"\(Self.mask)\"")
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, and the Unicode line and paragraph separators.
    var isControlCharacter: Bool { properties.generalCategory == .control || self == "\u{2028}" || self == "\u{2029}" }
}
