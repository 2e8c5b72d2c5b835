/// The XML declaration at the head of a file, checked against the XML 1.0 grammar. A malformed one
/// stops every XML reader at line 1 (the CDC's « Un espace est obligatoire… »), so it is repaired
/// before parsing rather than by the streaming fix engine.
public enum PrologRepair {
    public struct Declaration: Sendable, Equatable {
        public var version: String?
        public var encoding: String?
        public var standalone: String?
        /// Follows the grammar exactly (spaces, quotes, order).
        public var wellFormed: Bool
        /// Bytes the declaration spans, from `<?xml` to `?>`.
        public var length: Int
    }

    /// The declaration at the very start of `head` (after a BOM), if any.
    public static func declaration(in head: [UInt8]) -> Declaration? {
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let bytes = Array(head[start...])
        guard bytes.starts(with: Array("<?xml".utf8)), bytes.count > 5,
              [0x20, 0x09, 0x0A, 0x0D, 0x3F].contains(bytes[5]) else { return nil }
        // Without its `?>` nearby, the declaration cannot be told from what follows: leave it.
        guard let close = findClose(bytes) else { return nil }
        var p = GrammarScanner(bytes: Array(bytes[5..<close]))
        var d = Declaration(version: nil, encoding: nil, standalone: nil, wellFormed: true, length: close + 2)
        var order = 0
        while !p.atEnd {
            let hadSpace = p.skipSpaces()
            if p.atEnd { break }
            guard hadSpace, let (name, value) = p.attribute() else {
                d.wellFormed = false
                // Still pick up what can be read, to keep the encoding and standalone.
                p.skipTo(0x20)
                continue
            }
            switch name {
            case "version" where order == 0: d.version = value; order = 1
            case "encoding" where order == 1: d.encoding = value; order = 2
            case "standalone" where order >= 1 && order <= 2 && (value == "yes" || value == "no"): d.standalone = value; order = 3
            default: d.wellFormed = false
            }
        }
        if d.version == nil { d.wellFormed = false }
        return d
    }

    /// The replacement for a declaration that is malformed, lacks its version, is not 1.0, or names
    /// an encoding other than the UTF-8 the output will be in.
    public static func replacement(for d: Declaration, outputIsUTF8Instead: Bool) -> String? {
        guard !d.wellFormed || d.version != "1.0" || outputIsUTF8Instead else { return nil }
        return declaration(encoding: "UTF-8", standalone: d.standalone)
    }

    static func declaration(encoding: String, standalone: String?) -> String {
        "<?xml version=\"1.0\" encoding=\"\(encoding)\"" + (standalone.map { " standalone=\"\($0)\"" } ?? "") + "?>"
    }

    /// Makes the head of a UTF-8 stream about to be written in `encoding` say so, for the file to
    /// be read as it is written: a declaration naming another encoding is rewritten, one is added
    /// when a single-byte encoding would otherwise be read as UTF-8, and a UTF-8 byte order mark
    /// is dropped from an output in another encoding. A UTF-16 output starts with its own mark.
    static func conform(_ head: inout [UInt8], to encoding: DocumentEncoding) {
        let utf8Mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if !encoding.isUTF8, head.starts(with: utf8Mark) { head.removeFirst(3) }
        let start = head.starts(with: utf8Mark) ? 3 : 0
        let isUTF16 = encoding == .utf16LE || encoding == .utf16BE
        let label = isUTF16 ? "UTF-16" : encoding.rawValue
        if let d = declaration(in: head) {
            let named = d.encoding.map { $0.lowercased() == label.lowercased() || (!isUTF16 && DocumentEncoding(declared: $0) == encoding) }
                ?? (encoding.isUTF8 || isUTF16)
            guard !named else { return }
            head.replaceSubrange(start..<(start + d.length), with: Array(declaration(encoding: label, standalone: d.standalone).utf8))
        } else if !encoding.isUTF8, !isUTF16, !head[start...].starts(with: Array("<?xml".utf8)) {
            head.insert(contentsOf: Array(declaration(encoding: label, standalone: nil).utf8), at: start)
        }
    }

    private static func findClose(_ b: [UInt8]) -> Int? {
        var i = 5
        while i + 1 < b.count {
            if b[i] == 0x3F, b[i + 1] == 0x3E { return i }
            if b[i] == 0x3C || b[i] == 0x0A && i > 512 { return nil }
            i += 1
        }
        return nil
    }

    private struct GrammarScanner {
        let bytes: [UInt8]
        var i = 0
        var atEnd: Bool { i >= bytes.count }

        mutating func skipSpaces() -> Bool {
            let from = i
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
            return i > from
        }

        mutating func skipTo(_ b: UInt8) {
            while i < bytes.count, bytes[i] != b { i += 1 }
        }

        /// `name S? = S? "value"` (or single quotes).
        mutating func attribute() -> (String, String)? {
            let nameStart = i
            while i < bytes.count, (bytes[i] >= 0x61 && bytes[i] <= 0x7A) { i += 1 }
            guard i > nameStart else { return nil }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            _ = skipSpaces()
            guard i < bytes.count, bytes[i] == 0x3D else { return nil }
            i += 1
            _ = skipSpaces()
            guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { return nil }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < bytes.count, bytes[i] != quote { i += 1 }
            guard i < bytes.count else { return nil }
            let value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
            i += 1
            return (name, value)
        }
    }
}
