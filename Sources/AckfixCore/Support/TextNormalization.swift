#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Without leading and trailing white space (space, tab, CR, LF).
    public func trimmingWhitespace() -> String {
        // Most values have nothing to trim: no copy then.
        if let first = utf8.first, let last = utf8.last, !first.isXMLWhitespaceByte, !last.isXMLWhitespaceByte { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isXMLWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isXMLWhitespace })!
        return String(scalars[first...last])
    }

    /// Trimmed, with every inner run of white space made one space.
    public func collapsingWhitespace() -> String {
        if isCollapsed { return self }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in unicodeScalars {
            if s.isXMLWhitespace || s == "\u{00A0}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }

    /// Lower case, accents removed, white space collapsed: the form messages are matched in.
    public func foldedForMatching() -> String {
        // Plain ASCII has no accents nor typographic quotes to fold.
        if utf8.allSatisfy({ $0 < 0x80 }) { return collapsingWhitespace().lowercased() }
        var out = String.UnicodeScalarView()
        for s in collapsingWhitespace().lowercased().decomposedScalars where !s.isCombiningMark {
            // Typographic apostrophes and quotes match their ASCII forms.
            switch s {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.append("'")
            case "\u{00AB}", "\u{00BB}", "\u{201C}", "\u{201D}": out.append("\"")
            default: out.append(s)
            }
        }
        return String(out)
    }

    private var decomposedScalars: [Unicode.Scalar] {
        // Canonical decomposition of the Latin letters French uses; enough to drop accents.
        var result: [Unicode.Scalar] = []
        for s in unicodeScalars {
            if let base = latinBase[s] { result.append(base) } else { result.append(s) }
        }
        return result
    }
}

extension String {
    /// Already trimmed and collapsed (the common case: a quick scan, no copy).
    private var isCollapsed: Bool {
        var text = self
        // Over the bytes themselves: a CDC message is read three times per refused passage.
        return text.withUTF8 { bytes in
            var previousSpace = true
            for b in bytes {
                switch b {
                case 0x20:
                    if previousSpace { return false }
                    previousSpace = true
                case 0x09, 0x0A, 0x0D, 0xC2: return false  // 0xC2: may start a no-break space
                default: previousSpace = false
                }
            }
            return !previousSpace || bytes.isEmpty
        }
    }
}

extension UInt8 {
    var isXMLWhitespaceByte: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

extension Unicode.Scalar {
    var isXMLWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" }
    var isCombiningMark: Bool { (0x0300...0x036F).contains(value) }
}

/// Base letters of accented Latin letters (lower case is enough: text is lowered first).
let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
    let pairs: [(String, Unicode.Scalar)] = [
        ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēėę", "e"), ("ìíîïī", "i"), ("ñń", "n"),
        ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("šś", "s"), ("žźż", "z"), ("ł", "l"),
    ]
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (letters, base) in pairs {
        for s in letters.unicodeScalars { table[s] = base }
    }
    return table
}()

extension Array where Element == UInt8 {
    /// Emptied, keeping its storage; nothing to do when already empty (the usual case, millions of
    /// times per deposit).
    mutating func clear() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }

    /// Appends the start of `chunk`, so that the array holds at most `limit` bytes.
    mutating func append(_ chunk: UnsafeRawBufferPointer, upTo limit: Int) {
        let n = Swift.min(chunk.count, limit - count)
        guard n > 0 else { return }
        append(contentsOf: UnsafeBufferPointer(rebasing: chunk.assumingMemoryBound(to: UInt8.self)[..<n]))
    }
}

/// A string as a dictionary key compared and hashed by its UTF-8 bytes: Swift's own string hashing
/// first normalises every accented text (the CDC's messages), which costs more than the rest of a
/// lookup. Two spellings of one text (composed, decomposed) are then two keys, which a cache allows.
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (a: Self, b: Self) -> Bool {
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}
