/// A replacement of bytes of the (UTF-8) input stream: what ackfix changes, everything else is
/// copied byte for byte.
public struct ByteEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var replacement: [UInt8]

    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    public init(range: Range<Int>, text: String) {
        self.init(range: range, replacement: Array(text.utf8))
    }

    /// Inserts before `offset`.
    public static func insert(_ text: String, at offset: Int) -> ByteEdit {
        ByteEdit(range: offset..<offset, text: text)
    }
}

/// A piece of the output: bytes of the input, or new bytes.
public enum OutputSegment: Sendable, Equatable {
    case copy(Range<Int>)
    case bytes([UInt8])
}

extension Array where Element == OutputSegment {
    /// Appends `range` of the input with the edits that fall inside it applied (edits outside are
    /// ignored; edits must not overlap).
    mutating func append(_ range: Range<Int>, editedBy edits: [ByteEdit]) {
        var cursor = range.lowerBound
        let inside = edits.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
            .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for e in inside where e.range.lowerBound >= cursor {
            if e.range.lowerBound > cursor { append(.copy(cursor..<e.range.lowerBound)) }
            if !e.replacement.isEmpty { append(.bytes(e.replacement)) }
            cursor = e.range.upperBound
        }
        if cursor < range.upperBound { append(.copy(cursor..<range.upperBound)) }
    }
}

/// Text safe inside an element (`&`, `<` and `>` escaped).
public func xmlEscaped(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 8)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
