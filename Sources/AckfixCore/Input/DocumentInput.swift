import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character encodings ackfix reads. Everything reaches the parser as UTF-8; ackfix transcodes
/// the single-byte and UTF-16 encodings itself so that byte offsets stay exact.
public enum DocumentEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case latin1 = "ISO-8859-1"
    case latin9 = "ISO-8859-15"
    case windows1252 = "Windows-1252"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"

    /// The encoding named in an XML declaration, if ackfix reads it.
    init?(declared name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8", "us-ascii", "ascii": self = .utf8
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1": self = .latin1
        case "iso-8859-15", "iso8859-15", "latin9", "latin-9": self = .latin9
        case "windows-1252", "cp1252", "win-1252", "x-cp1252": self = .windows1252
        case "utf-16", "utf-16le": self = .utf16LE
        case "utf-16be": self = .utf16BE
        default: return nil
        }
    }

    public var isUTF8: Bool { self == .utf8 }
}

/// A problem opening or reading an input file, before any XML is seen.
public struct InputError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case notFound, isDirectory, unreadable, empty
        case unsupportedEncoding(String)
        case invalidEncoding(DocumentEncoding)
        /// The declaration names UTF-16, yet it is itself written one byte per character.
        case declaredEncodingMismatch(String)
    }
    public let path: String
    public let kind: Kind
}

/// Reads a file in chunks and hands out UTF-8: the file's own bytes when it is UTF-8 (BOM
/// included, so offsets are file offsets), transcoded bytes otherwise.
public final class DocumentInput {
    public let path: String
    /// The encoding the bytes are in.
    public let encoding: DocumentEncoding
    /// The encoding the XML declaration names, as written, if any.
    public let declaredEncoding: String?
    /// The file starts with a byte order mark.
    public let hasByteOrderMark: Bool
    public let fileSize: Int

    private let fd: Int32
    private var pending: [UInt8]
    private var carry: [UInt8] = []
    private var atEnd = false
    private let chunkSize: Int

    /// What `repairDeclaration` changed: the declaration as written, and its replacement.
    public private(set) var declarationRepair: (before: String, after: String)?
    private var firstChunk = true

    /// The stream handed out differs from the file's bytes (transcoded, or declaration repaired).
    public var streamDiffersFromFile: Bool { isTranscoded || declarationRepair != nil }

    /// - Parameters:
    ///   - repairDeclaration: replace a malformed XML declaration (or, when transcoding, one naming
    ///     another encoding) by `<?xml version="1.0" encoding="UTF-8"?>` in the stream.
    ///   - assumedEncoding: read the file in this encoding whatever it says (an undeclared
    ///     Windows-1252 file).
    public init(path: String, chunkSize: Int = 64 * 1024, repairDeclaration: Bool = false,
                assumedEncoding: DocumentEncoding? = nil) throws(InputError) {
        self.path = path
        self.chunkSize = chunkSize
        var st = stat()
        guard stat(path, &st) == 0 else { throw InputError(path: path, kind: .notFound) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, kind: .isDirectory) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(path: path, kind: .unreadable) }
        self.fd = fd
        fileSize = Int(st.st_size)

        // Sniff the encoding from the first bytes (XML 1.0 appendix F).
        var head = [UInt8](repeating: 0, count: 1024)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 1024) }
        guard n > 0 else {
            close(fd)
            throw InputError(path: path, kind: n == 0 ? .empty : .unreadable)
        }
        head.removeSubrange(n...)
        pending = head
        let sniffed = DocumentInput.sniff(head)
        hasByteOrderMark = sniffed.bom
        declaredEncoding = sniffed.declared
        if let assumedEncoding {
            encoding = assumedEncoding
        } else if let declared = sniffed.declared, let e = DocumentEncoding(declared: declared), e == .utf16LE || e == .utf16BE {
            // UTF-16 is sniffed from its first bytes; a declaration readable byte by byte is not UTF-16.
            close(fd)
            throw InputError(path: path, kind: .declaredEncodingMismatch(declared))
        } else if let encoding = sniffed.encoding {
            self.encoding = encoding
        } else {
            close(fd)
            throw InputError(path: path, kind: .unsupportedEncoding(sniffed.declared ?? "?"))
        }
        if encoding == .utf16LE || encoding == .utf16BE, hasByteOrderMark {
            pending.removeFirst(2)
        }
        if repairDeclaration {
            // Decided now, from the head, so that callers know at once whether the stream will differ.
            let decoded: [UInt8]
            switch encoding {
            case .utf8: decoded = pending
            case .latin1: decoded = Transcoder.latin1(pending, table: nil)
            case .latin9: decoded = Transcoder.latin1(pending, table: Transcoder.latin9Overrides)
            case .windows1252: decoded = Transcoder.latin1(pending, table: Transcoder.windows1252Overrides)
            case .utf16LE, .utf16BE: decoded = Transcoder.utf16(pending, bigEndian: encoding == .utf16BE)?.0 ?? []
            }
            if let d = PrologRepair.declaration(in: decoded),
               let replacement = PrologRepair.replacement(for: d, outputIsUTF8Instead: !encoding.isUTF8) {
                let start = decoded.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                declarationRepair = (String(decoding: decoded[start..<(start + d.length)], as: UTF8.self), replacement)
                plannedDeclaration = (start..<(start + d.length), Array(replacement.utf8))
            }
        }
    }

    private var plannedDeclaration: (range: Range<Int>, bytes: [UInt8])?

    deinit { close(fd) }

    /// The parser must ignore the declared encoding: the bytes it gets were transcoded to UTF-8.
    public var isTranscoded: Bool { !encoding.isUTF8 }

    /// The next chunk of UTF-8, or nil at the end of the file.
    public func nextChunk() throws(InputError) -> [UInt8]? {
        guard var chunk = try nextDecodedChunk() else { return nil }
        if firstChunk {
            firstChunk = false
            if let planned = plannedDeclaration, planned.range.upperBound <= chunk.count {
                chunk.replaceSubrange(planned.range, with: planned.bytes)
            }
        }
        return chunk
    }

    private func nextDecodedChunk() throws(InputError) -> [UInt8]? {
        var raw: [UInt8]
        if !pending.isEmpty {
            raw = pending
            pending = []
        } else {
            if atEnd { return nil }
            var n = 0
            // Read straight into the array's storage: no zero-filling of 256 KiB per chunk.
            raw = [UInt8](unsafeUninitializedCapacity: chunkSize) { buf, count in
                n = read(fd, buf.baseAddress, chunkSize)
                count = max(n, 0)
            }
            if n < 0 { throw InputError(path: path, kind: .unreadable) }
            if n == 0 {
                atEnd = true
                if !carry.isEmpty { throw InputError(path: path, kind: .invalidEncoding(encoding)) }
                return nil
            }
        }
        switch encoding {
        case .utf8: return raw
        case .latin1: return Transcoder.latin1(raw, table: nil)
        case .latin9: return Transcoder.latin1(raw, table: Transcoder.latin9Overrides)
        case .windows1252: return Transcoder.latin1(raw, table: Transcoder.windows1252Overrides)
        case .utf16LE, .utf16BE:
            carry.append(contentsOf: raw)
            guard let (utf8, rest) = Transcoder.utf16(carry, bigEndian: encoding == .utf16BE) else {
                throw InputError(path: path, kind: .invalidEncoding(encoding))
            }
            carry = rest
            return utf8
        }
    }

    private static func sniff(_ head: [UInt8]) -> (encoding: DocumentEncoding?, declared: String?, bom: Bool) {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (.utf8, declaration(in: Array(head.dropFirst(3))), true)
        }
        if head.starts(with: [0xFF, 0xFE]) { return (.utf16LE, nil, true) }
        if head.starts(with: [0xFE, 0xFF]) { return (.utf16BE, nil, true) }
        if head.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return (.utf16LE, nil, false) }
        if head.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return (.utf16BE, nil, false) }
        guard let declared = declaration(in: head) else { return (.utf8, nil, false) }
        return (DocumentEncoding(declared: declared), declared, false)
    }

    /// The `encoding` pseudo-attribute of an XML declaration at the very start, if any.
    static func declaration(in head: [UInt8]) -> String? {
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = head.firstIndex(of: UInt8(ascii: ">")) ?? head.count
        let decl = String(decoding: head[..<end], as: UTF8.self)
        guard let range = decl.range(of: "encoding") else { return nil }
        var rest = decl[range.upperBound...].drop(while: { $0 == " " || $0 == "=" || $0 == "\t" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        let name = rest.prefix(while: { $0 != quote })
        return name.isEmpty ? nil : String(name)
    }
}

/// Byte-level conversions to and from UTF-8 for the encodings ackfix reads.
enum Transcoder {
    static let windows1252Overrides: [UInt8: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
        0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
        0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
        0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
        0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
    static let latin9Overrides: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152,
        0xBD: 0x0153, 0xBE: 0x0178,
    ]

    /// A single-byte encoding to UTF-8. Bytes without an entry keep their Latin-1 meaning
    /// (in Windows-1252 the five undefined bytes become C1 controls, so the mapping round-trips).
    static func latin1(_ bytes: [UInt8], table: [UInt8: UInt32]?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else {
                appendUTF8(table?[b] ?? UInt32(b), to: &out)
            }
        }
        return out
    }

    /// UTF-16 to UTF-8; returns the bytes of an incomplete trailing unit to carry over,
    /// or nil on an invalid sequence.
    static func utf16(_ bytes: [UInt8], bigEndian: Bool) -> ([UInt8], [UInt8])? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1]) : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while i + 1 < bytes.count {
            let u = unit(i)
            if (0xD800...0xDBFF).contains(u) {
                guard i + 3 < bytes.count else { break }
                let low = unit(i + 2)
                guard (0xDC00...0xDFFF).contains(low) else { return nil }
                appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                i += 4
            } else if (0xDC00...0xDFFF).contains(u) {
                return nil
            } else {
                appendUTF8(u, to: &out)
                i += 2
            }
        }
        return (out, Array(bytes[i...]))
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
