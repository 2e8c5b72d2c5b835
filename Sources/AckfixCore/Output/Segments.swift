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

extension OutputSegment {
    /// The segments that write `range` of the input with the edits that fall inside it applied
    /// (edits outside are ignored; edits must not overlap), in order.
    static func pieces(of range: Range<Int>, editedBy edits: [ByteEdit], _ body: (OutputSegment) -> Void) {
        var cursor = range.lowerBound
        let inside = edits.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
            .sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        for e in inside where e.range.lowerBound >= cursor {
            if e.range.lowerBound > cursor { body(.copy(cursor..<e.range.lowerBound)) }
            if !e.replacement.isEmpty { body(.bytes(e.replacement)) }
            cursor = e.range.upperBound
        }
        if cursor < range.upperBound { body(.copy(cursor..<range.upperBound)) }
    }
}

extension Array where Element == OutputSegment {
    /// Appends `range` of the input with the edits that fall inside it applied.
    mutating func append(_ range: Range<Int>, editedBy edits: [ByteEdit]) {
        OutputSegment.pieces(of: range, editedBy: edits) { append($0) }
    }
}

/// What a sequence of segments writes, in 128 bits: two outputs described by the same segments
/// (however split) have the same fingerprint, different ones a different fingerprint short of a
/// collision of both halves (Swift's hash, keyed afresh for each process, fed two prefixes).
struct SegmentFingerprint: Equatable {
    private var first = Hasher()
    private var second = Hasher()
    private var pendingCopy: Range<Int>?
    private var inBytes = false

    init() {
        first.combine(0x41)
        second.combine(0x42)
    }

    mutating func add(_ range: Range<Int>, editedBy edits: [ByteEdit]) {
        OutputSegment.pieces(of: range, editedBy: edits) { add($0) }
    }

    mutating func add(_ segment: OutputSegment) {
        switch segment {
        case .copy(let r):
            guard !r.isEmpty else { return }
            if let p = pendingCopy, p.upperBound == r.lowerBound {
                pendingCopy = p.lowerBound..<r.upperBound
                return
            }
            flushCopy()
            endBytes()
            pendingCopy = r
        case .bytes(let b):
            guard !b.isEmpty else { return }
            flushCopy()
            if !inBytes {
                combine(0xB0)
                inBytes = true
            }
            for byte in b { combine(Int(byte)) }
        }
    }

    private mutating func combine(_ v: Int) {
        first.combine(v)
        second.combine(v)
    }

    private mutating func flushCopy() {
        guard let p = pendingCopy else { return }
        endBytes()
        combine(0xC0)
        combine(p.lowerBound)
        combine(p.upperBound)
        pendingCopy = nil
    }

    private mutating func endBytes() {
        if inBytes { combine(0xBE) }
        inBytes = false
    }

    /// The fingerprint of everything added.
    func value() -> (Int, Int) {
        var copy = self
        copy.flushCopy()
        copy.endBytes()
        return (copy.first.finalize(), copy.second.finalize())
    }

    static func == (a: Self, b: Self) -> Bool { a.value() == b.value() }
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
