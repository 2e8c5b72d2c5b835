/// The shape of a CDC message, with placeholders: `{name}` captures text up to what follows it,
/// `{…}` skips any text (possibly none) up to what follows it, or to the end. Matching ignores accents, case, white-space runs, typographic
/// quotes and a final full stop; captured values come from the original text.
public struct MessageTemplate: Sendable, Hashable {
    public let text: String

    private enum Part: Sendable, Hashable {
        case literal([Unicode.Scalar])
        case capture(String)
        case skip
    }
    private let parts: [Part]

    public init(_ text: String) {
        self.text = text
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += rest[..<open]
            if !literal.isEmpty { parts.append(.literal(Array(FoldedText(literal).scalars))) }
            literal = ""
            let name = String(rest[rest.index(after: open)..<close])
            parts.append(name == "…" ? .skip : .capture(name))
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        let folded = FoldedText(literal).scalars
        if !folded.isEmpty { parts.append(.literal(Self.droppingFinalStop(folded))) }
        self.parts = parts
    }

    /// Placeholder values if the message has this shape, nil otherwise.
    public func match(_ message: String) -> [String: String]? { match(FoldedText(message)) }

    /// The same, for a message already folded (classification folds once for every template);
    /// without `capturing`, an empty dictionary when it matches (the values cost strings).
    func match(_ folded: FoldedText, capturing: Bool = true) -> [String: String]? {
        let s = folded.withoutFinalStop
        var captures: [String: String] = [:]
        var pos = 0
        var i = 0
        while i < parts.count {
            switch parts[i] {
            case .literal(let lit):
                guard Self.hasPrefix(s, lit, at: pos) else { return nil }
                pos += lit.count
            case .skip:
                guard i + 1 < parts.count, case .literal(let next) = parts[i + 1] else { return captures }
                guard let found = Self.find(next, in: s, from: pos) else { return nil }
                pos = found
            case .capture(let name):
                let end: Int
                if i + 1 < parts.count, case .literal(let next) = parts[i + 1] {
                    guard let found = Self.find(next, in: s, from: pos) else { return nil }
                    end = found
                } else {
                    end = s.count
                }
                guard end > pos else { return nil }
                if capturing { captures[name] = folded.original(pos..<end).trimmingWhitespace() }
                pos = end
            }
            i += 1
        }
        return pos == s.count ? captures : nil
    }

    private static func droppingFinalStop(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var s = s
        while let last = s.last, last == "." || last == " " { s.removeLast() }
        return s
    }

    private static func hasPrefix(_ s: [Unicode.Scalar], _ p: [Unicode.Scalar], at pos: Int) -> Bool {
        guard pos + p.count <= s.count else { return false }
        for k in 0..<p.count where s[pos + k] != p[k] { return false }
        return true
    }

    private static func find(_ p: [Unicode.Scalar], in s: [Unicode.Scalar], from: Int) -> Int? {
        guard !p.isEmpty, s.count >= p.count else { return nil }
        var i = from
        while i + p.count <= s.count {
            if hasPrefix(s, p, at: i) { return i }
            i += 1
        }
        return nil
    }
}

/// A message folded for matching, remembering which original character each folded one came from.
struct FoldedText {
    private(set) var scalars: [Unicode.Scalar] = []
    private var origin: [Int] = []
    private let source: [Unicode.Scalar]
    /// `scalars` without a final full stop or space.
    let withoutFinalStop: [Unicode.Scalar]

    init(_ text: String) {
        source = Array(text.collapsingWhitespace().unicodeScalars)
        scalars.reserveCapacity(source.count)
        origin.reserveCapacity(source.count)
        for (i, s) in source.enumerated() {
            if s.value < 0x80 {
                // ASCII: lower case only.
                let v = s.value
                scalars.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 32)! : s)
                origin.append(i)
                continue
            }
            for f in s.value < Self.latinEnd ? Self.latinFolds[Int(s.value) - 0x80] : Self.fold(s) {
                scalars.append(f)
                origin.append(i)
            }
        }
        var trimmed = scalars
        while let last = trimmed.last, last == "." || last == " " { trimmed.removeLast() }
        withoutFinalStop = trimmed
    }

    /// `fold` worked out once for the Latin letters (French messages are full of them): folding
    /// one allocates twice, and every refused passage's message is folded.
    private static let latinEnd: UInt32 = 0x250
    private static let latinFolds: [[Unicode.Scalar]] = (0x80..<latinEnd).map { v in
        Unicode.Scalar(v).map(fold) ?? []
    }

    /// A non-ASCII character lowered, without accents, typographic quotes made plain.
    private static func fold(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        switch s {
        case "\u{2019}", "\u{2018}", "\u{02BC}": return ["'"]
        case "\u{00AB}", "\u{00BB}", "\u{201C}", "\u{201D}": return ["\""]
        case "\u{00A0}": return [" "]
        default: break
        }
        if s.isCombiningMark { return [] }
        var out: [Unicode.Scalar] = []
        for l in s.properties.lowercaseMapping.unicodeScalars where !l.isCombiningMark {
            out.append(latinBase[l] ?? l)
        }
        return out
    }

    /// The original text behind a range of folded characters.
    func original(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let start = origin[range.lowerBound]
        let end = origin[range.upperBound - 1]
        var v = String.UnicodeScalarView()
        v.append(contentsOf: source[start...end])
        return String(v)
    }
}
