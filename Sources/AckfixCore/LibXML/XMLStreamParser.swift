import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// An element name as the parser met it: local name and namespace, interned per parse so that
/// handlers compare small integers, not strings.
public final class XMLName: Sendable {
    /// Index in the parse's name table (0, 1, 2…); equal names in one parse have equal ids.
    public let id: Int
    public let localName: String
    public let namespaceURI: String?
    public let prefix: String?

    init(id: Int, localName: String, namespaceURI: String?, prefix: String?) {
        self.id = id
        self.localName = localName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        qualifiedByteCount = localName.utf8.count + (prefix.map { $0.utf8.count + 1 } ?? 0)
        isASCII = localName.utf8.allSatisfy { $0 < 0x80 } && (prefix?.utf8.allSatisfy { $0 < 0x80 } ?? true)
    }

    /// `prefix:local` as written in the file.
    public var qualified: String { prefix.map { "\($0):\(localName)" } ?? localName }
    /// Bytes of `prefix:local`.
    let qualifiedByteCount: Int
    /// The name is plain ASCII (bytes and characters agree).
    let isASCII: Bool
}

public struct XMLAttribute: Sendable {
    public let localName: String
    public let namespaceURI: String?
    public let prefix: String?
    public let value: String
}

public struct XMLNamespaceDeclaration: Sendable {
    public let prefix: String?
    public let uri: String
}

/// A start tag with its place in the decoded byte stream (offsets are 0-based, end-exclusive).
public struct XMLStartTag {
    public let name: XMLName
    public let attributes: [XMLAttribute]
    public let namespaceDeclarations: [XMLNamespaceDeclaration]
    /// Offset of the `<` that opens the tag.
    public let tagStart: Int
    /// Offset just past the `>` that closes the tag.
    public let tagEnd: Int
    /// `<x/>`: no end tag follows.
    public let isSelfClosing: Bool
    /// 1-based line and column of the `<`.
    public let line: Int
    public let column: Int
}

public struct XMLEndTag {
    public let name: XMLName
    /// Offset of the `<` of `</x>`; equal to `tagEnd` for a self-closing element.
    public let tagStart: Int
    public let tagEnd: Int
}

/// Receives the events of one streaming parse. Calls arrive in document order.
public protocol XMLStreamHandler: AnyObject {
    func startElement(_ tag: XMLStartTag)
    func endElement(_ tag: XMLEndTag)
    /// Text content, already decoded (entities and character references resolved, CDATA unwrapped).
    /// May arrive in several pieces for one text node.
    func characters(_ text: UnsafeRawBufferPointer)
    /// Called once before the first event, so that a handler can stop the parse.
    func attach(to parser: XMLStreamParser)
    /// The start of an element inside content the handler asked to skip (`skipRestOfOpenElement`):
    /// its name only, nothing located.
    func skippedElement(_ name: XMLName)
}

extension XMLStreamHandler {
    public func attach(to parser: XMLStreamParser) {}
    public func skippedElement(_ name: XMLName) {}
}

/// Why a document could not be read to its end.
public struct XMLReadFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Not well-formed XML (libxml2's message is in `detail`; see also `openElements`).
        case malformed
        /// A character XML forbids, even as a character reference (NUL, most C0 controls, U+FFFE…):
        /// its code point when libxml2 names it.
        case forbiddenCharacter(UInt32?)
        /// A DOCTYPE: CDC files never carry one, and it is the door to entity attacks.
        case doctype
        /// An element too long to locate in the look-back window (hostile input).
        case tagTooLong
        /// More distinct element names, or a bigger passage, than any deposit has (hostile input).
        case tooLarge(String)
        /// Elements nested deeper than `XMLStreamParser.maximumDepth` (hostile input).
        case tooDeep
        /// The handler asked to stop (e.g. the file is not the kind expected).
        case stoppedByHandler
        /// The file is in an encoding ackfix does not read.
        case unsupportedEncoding(String)
        /// Invalid byte sequence for the declared or detected encoding.
        case invalidEncoding
        /// Nothing but white space: no root element.
        case empty
    }
    public let kind: Kind
    public let line: Int
    public let column: Int
    /// libxml2's own message for malformed input, trimmed; empty otherwise.
    public let detail: String
    /// libxml2's error code (xmlParserErrors), 0 when not from libxml2.
    public let code: Int32
    /// Elements still open where the file ends: a malformed file cut short (libxml2's message for
    /// it, « Extra content at the end of the document », is misleading).
    public let openElements: Int

    public init(kind: Kind, line: Int, column: Int, detail: String = "", code: Int32 = 0, openElements: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
        self.detail = detail
        self.code = code
        self.openElements = openElements
    }
}

/// Streaming SAX2 parser over libxml2's push interface. This file and `XSDValidator.swift` are the
/// only places that see libxml2.
///
/// Safety: no DTD is read (a DOCTYPE stops the parse), no entity is expanded or loaded, no network,
/// no XML_PARSE_HUGE. In SAX push mode libxml2 2.9.14 enforces neither its 256-level depth limit nor
/// its 10 MB text-node limit (text arrives in pieces): the depth is capped here (`maximumDepth`),
/// long values are the handlers' business.
public final class XMLStreamParser {
    private let handler: XMLStreamHandler
    private var ctxt: xmlParserCtxtPtr?
    private var failure: XMLReadFailure? {
        didSet { hasFailed = failure != nil }
    }
    // What the callbacks test, millions of times: cheaper than the optional above.
    private var hasFailed = false
    private var stoppedByHandler = false
    /// Elements open at the parser's cursor.
    private var depth = 0
    /// While set, nothing at this depth or deeper is located or handed on but the names of the
    /// elements that start (`skipRestOfOpenElement`).
    private var skippedDepth = Int.max
    /// Everything fed so far is white space: an empty document, not a malformed one.
    private var onlyWhiteSpaceFed = true
    private let saxHandler: UnsafeMutablePointer<xmlSAXHandler>

    // Name interning: libxml2 hands out dictionary-interned pointers, stable for one parse.
    private struct NameKey: Hashable {
        let local: UnsafeRawPointer
        let prefix: UnsafeRawPointer?
        let uri: UnsafeRawPointer?
    }
    private var namesByPointer: [NameKey: XMLName] = [:]
    private var namesByKey: [String: XMLName] = [:]

    // The last chunks fed (at least `windowSize` bytes), to find the `<` of a tag from the parser's
    // cursor and to turn offsets into lines and columns.
    private var window = ByteWindow(minimumSize: 512 * 1024)
    /// Whether tags are located (offsets, lines, columns); see `init`.
    private let locating: Bool
    private var fed = 0

    /// - Parameter ignoreDeclaredEncoding: the bytes fed are UTF-8 whatever the XML declaration says
    ///   (set when ackfix transcoded the file itself).
    /// - Parameter validation: a libxml2 XSD validation to run in the same pass (`check --schema`).
    /// - Parameter locating: false hands on tags without offsets, lines or columns (all 0), and keeps
    ///   no look-back window, so no tag is too long either: for ackfix's own output, checked again
    ///   with locations only when it turns out invalid.
    public init(handler: XMLStreamHandler, ignoreDeclaredEncoding: Bool = false, validation: XSDValidation? = nil,
                locating: Bool = true) {
        LibXML.initializeOnce()
        self.handler = handler
        self.locating = locating
        saxHandler = .allocate(capacity: 1)
        saxHandler.initialize(to: XMLStreamParser.makeSAXHandler())
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue)
            | (ignoreDeclaredEncoding ? Int32(bitPattern: XML_PARSE_IGNORE_ENC.rawValue) : 0)
        let me = Unmanaged.passUnretained(self).toOpaque()
        defer { handler.attach(to: self) }
        if let validation {
            let (sax, user, plug) = validation.plug(saxHandler, user: me)
            self.plug = plug
            ctxt = xmlCreatePushParserCtxt(sax, user, nil, 0, nil)
            if let ctxt {
                xmlSchemaValidateSetLocator(validation.context, { c, _, line in
                    line?.pointee = UInt(xmlSAX2GetLineNumber(c))
                    return 0
                }, ctxt)
            }
        } else {
            ctxt = xmlCreatePushParserCtxt(saxHandler, me, nil, 0, nil)
        }
        if let ctxt { xmlCtxtUseOptions(ctxt, options) }
    }

    private var plug: xmlSchemaSAXPlugPtr?

    deinit {
        window.release()
        if let ctxt { xmlFreeParserCtxt(ctxt) }
        if let plug { xmlSchemaSAXUnplug(plug) }
        saxHandler.deinitialize(count: 1)
        saxHandler.deallocate()
    }

    /// Bytes of the decoded stream fed so far.
    public var bytesFed: Int { fed }

    /// The first failure met, if any.
    public var readFailure: XMLReadFailure? { failure }

    /// Asks the parser to stop after the current event; `finish` then reports `stoppedByHandler`
    /// unless a failure was recorded with `stop(because:)`.
    public func stop(because failure: XMLReadFailure? = nil) {
        if self.failure == nil {
            self.failure = failure
                ?? XMLReadFailure(kind: .stoppedByHandler, line: currentLine, column: 0)
        }
        stoppedByHandler = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// Hands on nothing more of the open element's content, only its end tag (and the names of
    /// the elements inside it): a reader that needs only the start of an element saves locating
    /// every tag and text of the rest. Honoured only for the parser's own handler, not for one
    /// among others behind a fan-out, which may want that content.
    public func skipRestOfOpenElement(for asker: XMLStreamHandler) {
        guard asker === handler, depth > 0 else { return }
        skippedDepth = depth
    }

    /// Feeds the next chunk of the decoded stream. Returns false once the parse has failed or stopped.
    @discardableResult
    public func feed(_ chunk: [UInt8]) -> Bool {
        guard failure == nil, let ctxt else { return false }
        if onlyWhiteSpaceFed { onlyWhiteSpaceFed = chunk.allSatisfy(\.isXMLWhitespaceByte) }
        if locating { window.append(chunk) }
        fed += chunk.count
        chunk.withUnsafeBytes { raw in
            // In slices: every 4 KiB it consumes, libxml2 moves what is left of its input buffer
            // to the front, which for a 64 KiB chunk fed whole comes to eight copies of it.
            var start = 0
            repeat {
                let end = min(start + Self.sliceSize, raw.count)
                let status = xmlParseChunk(ctxt, raw.baseAddress.map { ($0 + start).assumingMemoryBound(to: CChar.self) },
                                           Int32(end - start), 0)
                if status != 0 && failure == nil { recordLibXMLFailure() }
                start = end
            } while start < raw.count && failure == nil
        }
        return failure == nil
    }

    private static let sliceSize = 8 << 10

    /// Ends the document. Throws the first failure met.
    public func finish() throws(XMLReadFailure) {
        if failure == nil, let ctxt {
            let status = xmlParseChunk(ctxt, nil, 0, 1)
            if status != 0 || ctxt.pointee.wellFormed == 0 { recordLibXMLFailure() }
            // At the end of input libxml2's push mode says « Extra content at the end of the
            // document » both for a file cut short and for one without any element.
            if let f = failure, f.kind == .malformed {
                if depth > 0 {
                    failure = XMLReadFailure(kind: .malformed, line: f.line, column: f.column, detail: f.detail,
                                             code: f.code, openElements: depth)
                } else if onlyWhiteSpaceFed {
                    failure = XMLReadFailure(kind: .empty, line: f.line, column: 0, detail: f.detail, code: f.code)
                }
            }
        }
        if let failure { throw failure }
    }

    // MARK: - Positions, valid inside callbacks

    /// 1-based line of the parser's cursor.
    public var currentLine: Int {
        guard let ctxt else { return 0 }
        return Int(xmlSAX2GetLineNumber(ctxt))
    }

    private var consumed: Int {
        guard let ctxt else { return 0 }
        return Int(xmlByteConsumed(ctxt))
    }

    @inline(__always)
    private func byte(at offset: Int) -> UInt8? { window.byte(at: offset) }

    /// Line and column (1-based, in characters) of a recent offset of the stream; nil once it has
    /// left the look-back window. Valid inside callbacks.
    public func location(ofOffset offset: Int) -> (line: Int, column: Int)? {
        guard locating, offset >= window.start, offset <= window.end else { return nil }
        let (line, lineStart) = window.position(of: offset)
        return (line, column(of: offset, lineStart: lineStart))
    }

    /// Offset of the last `<` before `offset`, within the look-back window.
    private func lastOpenBracket(before offset: Int) -> Int? { window.lastByte(0x3C, before: offset) }

    // The last column computed, so that a long line (a file without line breaks) is counted once.
    private var columnCache = (lineStart: -1, offset: 0, column: 1)

    /// 1-based column (in characters) of a byte offset on the line starting at `lineStart`.
    private func column(of offset: Int, lineStart: Int) -> Int {
        var from = lineStart
        var count = 1
        if columnCache.lineStart == lineStart, columnCache.offset <= offset {
            from = columnCache.offset
            count = columnCache.column
        }
        count += window.characterCount(from: max(from, window.start), to: offset)
        columnCache = (lineStart, offset, count)
        return count
    }

    // MARK: - Callbacks

    // A small direct-mapped cache in front of the dictionary: the same few dozen names come back
    // millions of times, and hashing three pointers each time costs more than parsing the tag.
    private var recentNames = [(key: NameKey, name: XMLName)?](repeating: nil, count: 256)

    fileprivate func name(local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> XMLName {
        // libxml2 interns names in its dictionary: the pointers identify the name for this parse.
        let key = NameKey(local: UnsafeRawPointer(local), prefix: prefix.map(UnsafeRawPointer.init), uri: uri.map(UnsafeRawPointer.init))
        let slot = (Int(bitPattern: key.local) >> 3 ^ Int(bitPattern: key.uri) >> 5) & 255
        if let recent = recentNames[slot], recent.key == key { return recent.name }
        let found = namesByPointer[key] ?? intern(key, local: local, prefix: prefix, uri: uri)
        recentNames[slot] = (key, found)
        return found
    }

    // Attribute names, prefixes and namespaces by libxml2's interned pointer: an `xsi:nil` on one
    // element in ten would otherwise allocate its namespace each time.
    private var attributeNames: [UnsafeRawPointer: String] = [:]

    fileprivate func attributeName(_ p: UnsafePointer<xmlChar>) -> String {
        if let known = attributeNames[UnsafeRawPointer(p)] { return known }
        let s = string(p)
        // Bounded like the element names: a hostile file may hold any number.
        if attributeNames.count < Self.maximumDistinctNames { attributeNames[UnsafeRawPointer(p)] = s }
        return s
    }

    /// A deposit uses about sixty names; a file with thousands is built to exhaust memory.
    static let maximumDistinctNames = 10_000

    /// A deposit is about 8 levels deep. Handlers keep a frame per open element (and a passage's
    /// elements cost memory with the square of its depth): 256 is generous and still cheap.
    static let maximumDepth = 256

    private func intern(_ key: NameKey, local: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> XMLName {
        if namesByKey.count >= Self.maximumDistinctNames, failure == nil {
            stop(because: XMLReadFailure(kind: .tooLarge("names"), line: currentLine, column: 0))
        }
        let localName = string(local)
        let ns = uri.map(string)
        let pfx = prefix.map(string)
        let full = "\(pfx ?? "")|\(ns ?? "")|\(localName)"
        let interned: XMLName
        if let existing = namesByKey[full] {
            interned = existing
        } else {
            interned = XMLName(id: namesByKey.count, localName: localName, namespaceURI: ns, prefix: pfx)
            namesByKey[full] = interned
        }
        namesByPointer[key] = interned
        return interned
    }

    /// The next start tag lies in skipped content.
    fileprivate var skipsStart: Bool { depth >= skippedDepth }

    /// - Parameter hasAttributes: the tag holds attributes or namespace declarations; only then can
    ///   it be longer than the look-back window, which a hostile file must not get past unseen.
    fileprivate func didSkipStart(_ name: XMLName, hasAttributes: Bool) {
        guard !hasFailed else { return }
        depth += 1
        if depth > Self.maximumDepth {
            stop(because: XMLReadFailure(kind: .tooDeep, line: currentLine, column: 0))
            return
        }
        if hasAttributes, locating, window.scanBack(to: 0x3C, before: consumed + 1) == nil {
            stop(because: XMLReadFailure(kind: .tagTooLong, line: currentLine, column: 0))
            return
        }
        pendingSelfClosingEnd = nil
        handler.skippedElement(name)
    }

    fileprivate func didStart(_ name: XMLName, attributes: [XMLAttribute], namespaces: [XMLNamespaceDeclaration]) {
        guard !hasFailed, let ctxt else { return }
        depth += 1
        if depth > Self.maximumDepth {
            stop(because: XMLReadFailure(kind: .tooDeep, line: currentLine, column: 0))
            return
        }
        guard locating else {
            return handler.startElement(XMLStartTag(
                name: name, attributes: attributes, namespaceDeclarations: namespaces,
                tagStart: 0, tagEnd: 0, isSelfClosing: false, line: 0, column: 0))
        }
        let cursor = consumed
        let back: (offset: Int, newlines: Int, characters: Int)
        // Most start tags are exactly `<prefix:name>`: check there before scanning.
        let guess = cursor - 1 - name.qualifiedByteCount
        if attributes.isEmpty, namespaces.isEmpty, name.isASCII, byte(at: guess) == 0x3C {
            back = (guess, 0, cursor - guess + 1)
        } else if let scanned = window.scanBack(to: 0x3C, before: cursor + 1) {
            // One backward scan from libxml2's cursor finds the `<` and what lies between.
            back = scanned
        } else {
            stop(because: XMLReadFailure(kind: .tagTooLong, line: currentLine, column: 0))
            return
        }
        let start = back.offset
        // libxml2 leaves its cursor on the `>` of `<x>` or on the `/` of `<x/>`.
        var end = cursor
        var selfClosing = false
        if byte(at: end) == UInt8(ascii: "/") {
            selfClosing = true
            end += 1
        }
        if byte(at: end) == UInt8(ascii: ">") { end += 1 }
        let line: Int
        let column: Int
        if back.newlines == 0, let input = ctxt.pointee.input {
            // libxml2 counts lines and columns (in characters) at its cursor.
            line = Int(input.pointee.line)
            column = Int(input.pointee.col) - (back.characters - 1)
        } else {
            let (l, lineStart) = window.position(of: start)
            line = l
            column = self.column(of: start, lineStart: lineStart)
        }
        let tag = XMLStartTag(
            name: name, attributes: attributes, namespaceDeclarations: namespaces,
            tagStart: start, tagEnd: end, isSelfClosing: selfClosing, line: line, column: column)
        pendingSelfClosingEnd = selfClosing ? end : nil
        handler.startElement(tag)
    }

    private var pendingSelfClosingEnd: Int?

    /// Whether the next end tag closes an element of skipped content (not handed on). When it
    /// closes the skipped element itself, skipping is over and that end tag is handed on.
    fileprivate func skipsEnd() -> Bool {
        if depth > skippedDepth { return true }
        skippedDepth = .max
        return false
    }

    fileprivate func didSkipEnd() {
        depth -= 1
        pendingSelfClosingEnd = nil
    }

    fileprivate func didEnd(_ name: XMLName) {
        guard !hasFailed else { return }
        depth -= 1
        guard locating else { return handler.endElement(XMLEndTag(name: name, tagStart: 0, tagEnd: 0)) }
        if let end = pendingSelfClosingEnd {
            pendingSelfClosingEnd = nil
            handler.endElement(XMLEndTag(name: name, tagStart: end, tagEnd: end))
            return
        }
        let end = consumed
        // Most end tags are exactly `</prefix:name>`: check there before scanning.
        let length = 3 + name.qualifiedByteCount
        var start = end - length
        if byte(at: start) != 0x3C || byte(at: start + 1) != 0x2F {
            guard let found = lastOpenBracket(before: end) else {
                stop(because: XMLReadFailure(kind: .tagTooLong, line: currentLine, column: 0))
                return
            }
            start = found
        }
        handler.endElement(XMLEndTag(name: name, tagStart: start, tagEnd: end))
    }

    fileprivate func didRead(_ text: UnsafeRawBufferPointer) {
        guard !hasFailed else { return }
        pendingSelfClosingEnd = nil
        guard depth < skippedDepth else { return }
        handler.characters(text)
    }

    fileprivate func didMeetDoctype() {
        stop(because: XMLReadFailure(kind: .doctype, line: currentLine, column: 1))
    }

    fileprivate func didFail(_ error: xmlErrorPtr) {
        guard failure == nil else { return }
        let e = error.pointee
        // Warnings (level 1) do not end the parse.
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = (e.message.map { String(cString: $0) } ?? "").trimmingWhitespace()
        failure = XMLReadFailure(kind: Self.kind(code: e.code, message: message),
                                 line: Int(e.line), column: Int(e.int2), detail: message, code: e.code)
    }

    /// libxml2 2.9.14 gives XML_ERR_INVALID_CHAR both to bytes that are not UTF-8 (« Input is not
    /// proper UTF-8 ») and to characters XML forbids (« Char 0x0 out of allowed range », « PCDATA
    /// invalid Char value 1 », « xmlParseCharRef: invalid xmlChar value 0 »): only the message tells.
    static func kind(code: Int32, message: String) -> XMLReadFailure.Kind {
        if code == Int32(XML_ERR_INVALID_ENCODING.rawValue) { return .invalidEncoding }
        guard code == Int32(XML_ERR_INVALID_CHAR.rawValue) else { return .malformed }
        if message.contains("not proper UTF-8") { return .invalidEncoding }
        return .forbiddenCharacter(forbiddenCodePoint(in: message))
    }

    /// The code point libxml2 names: « Char 0x1F… » in hexadecimal, « … value 31 » in decimal.
    private static func forbiddenCodePoint(in message: String) -> UInt32? {
        if let r = message.firstRange(of: "Char 0x") {
            return UInt32(message[r.upperBound...].prefix(while: \.isHexDigit), radix: 16)
        }
        if let r = message.ranges(of: "value ").last {
            return UInt32(message[r.upperBound...].prefix(while: \.isNumber))
        }
        return nil
    }

    private func recordLibXMLFailure() {
        guard failure == nil, let ctxt else { return }
        if let last = xmlCtxtGetLastError(ctxt), last.pointee.code != 0 {
            didFail(last)
        }
        if failure == nil {
            failure = XMLReadFailure(kind: .malformed, line: currentLine, column: 0,
                                     detail: "document is not well-formed", code: ctxt.pointee.errNo)
        }
    }

    // MARK: - SAX table

    private static func makeSAXHandler() -> xmlSAXHandler {
        var h = xmlSAXHandler()
        h.initialized = UInt32(XML_SAX2_MAGIC)
        h.internalSubset = { ctx, _, _, _ in parser(ctx).didMeetDoctype() }
        h.externalSubset = { ctx, _, _, _ in parser(ctx).didMeetDoctype() }
        h.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
          withParser(ctx) { p in
            guard let localname else { return }
            if p.skipsStart {
                p.didSkipStart(p.name(local: localname, prefix: prefix, uri: uri), hasAttributes: nbAttributes > 0 || nbNamespaces > 0)
                return
            }
            var attrs: [XMLAttribute] = []
            if nbAttributes > 0, let attributes {
                attrs.reserveCapacity(Int(nbAttributes))
                for i in 0..<Int(nbAttributes) {
                    let base = i * 5
                    guard let local = attributes[base] else { continue }
                    let value: String
                    if let begin = attributes[base + 3], let end = attributes[base + 4] {
                        value = String(decoding: UnsafeBufferPointer(start: begin, count: end - begin), as: UTF8.self)
                    } else {
                        value = ""
                    }
                    attrs.append(XMLAttribute(
                        localName: p.attributeName(local),
                        namespaceURI: attributes[base + 2].map(p.attributeName),
                        prefix: attributes[base + 1].map(p.attributeName),
                        value: value))
                }
            }
            var decls: [XMLNamespaceDeclaration] = []
            if nbNamespaces > 0, let namespaces {
                for i in 0..<Int(nbNamespaces) {
                    let uri = namespaces[2 * i + 1].map(string) ?? ""
                    decls.append(XMLNamespaceDeclaration(prefix: namespaces[2 * i].map(string), uri: uri))
                }
            }
            p.didStart(p.name(local: localname, prefix: prefix, uri: uri), attributes: attrs, namespaces: decls)
          }
        }
        h.endElementNs = { ctx, localname, prefix, uri in
            guard let localname else { return }
            withParser(ctx) { p in
                if p.skipsEnd() { p.didSkipEnd() } else { p.didEnd(p.name(local: localname, prefix: prefix, uri: uri)) }
            }
        }
        h.characters = { ctx, ch, len in
            guard let ch, len > 0 else { return }
            withParser(ctx) { $0.didRead(UnsafeRawBufferPointer(start: ch, count: Int(len))) }
        }
        h.ignorableWhitespace = h.characters
        h.cdataBlock = h.characters
        h.serror = { ctx, error in
            guard let ctx, let error else { return }
            parser(ctx).didFail(error)
        }
        return h
    }
}

private func parser(_ ctx: UnsafeMutableRawPointer?) -> XMLStreamParser {
    Unmanaged<XMLStreamParser>.fromOpaque(ctx!).takeUnretainedValue()
}

/// The parser behind libxml2's context pointer, without retaining it: it outlives every callback.
@inline(__always)
private func withParser(_ ctx: UnsafeMutableRawPointer?, _ body: (XMLStreamParser) -> Void) {
    Unmanaged<XMLStreamParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
}

private func string(_ p: UnsafePointer<xmlChar>) -> String {
    String(cString: p)
}

/// Process-wide libxml2 set-up, done once before any parse.
enum LibXML {
    private static let initialized: Bool = {
        xmlInitParser()
        // Belt and braces: even if some code path asked for an external entity or DTD,
        // nothing is ever loaded from a file or the network.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func initializeOnce() { _ = initialized }
}

/// The most recent bytes fed to the parser, chunk by chunk, with how many lines precede each: enough
/// to locate tags and number lines without keeping the file or a table that grows with it.
/// Chunks are copied into buffers the window owns, so that reading a byte is pointer arithmetic.
struct ByteWindow {
    private struct Chunk {
        let base: Int
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let newlinesBefore: Int
        /// Start of the line in progress when the chunk begins.
        let openLineStart: Int
        /// Line feeds in the chunk.
        let newlines: Int
        /// Start of the line in progress when the chunk ends.
        let closingLineStart: Int
        var end: Int { base + bytes.count }
    }
    private var chunks: [Chunk] = []
    private var size = 0
    let minimumSize: Int
    /// Offset just past the last byte fed.
    private(set) var end = 0
    // The newest chunk, for the common case of a byte near the parser's cursor.
    private var lastBase = 0
    private var lastBytes = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    init(minimumSize: Int) { self.minimumSize = minimumSize }

    /// Frees the chunks still held (the window does not outlive its parser).
    mutating func release() {
        for c in chunks { c.bytes.deallocate() }
        chunks.removeAll()
    }

    /// Offset of the oldest byte still held.
    var start: Int { chunks.first?.base ?? end }

    mutating func append(_ source: [UInt8]) {
        let newlinesBefore = chunks.last.map { $0.newlinesBefore + $0.newlines } ?? 0
        let openLineStart = chunks.last?.closingLineStart ?? 0
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: source.count)
        _ = bytes.initialize(from: source)
        let base = end
        // Lines are only counted here; where they start is found when a position is asked for
        // (rarely: most tags are located from libxml2's own line count).
        let raw = UnsafeRawBufferPointer(bytes)
        let closing = Self.lastNewline(in: raw, before: raw.count).map { base + $0 + 1 } ?? openLineStart
        chunks.append(Chunk(base: base, bytes: bytes, newlinesBefore: newlinesBefore, openLineStart: openLineStart,
                            newlines: Self.newlines(in: raw, before: raw.count), closingLineStart: closing))
        lastBase = base
        lastBytes = bytes
        size += bytes.count
        end += bytes.count
        while let oldest = chunks.first, chunks.count > 1, size - oldest.bytes.count >= minimumSize {
            size -= oldest.bytes.count
            oldest.bytes.deallocate()
            chunks.removeFirst()
        }
    }

    /// Line feeds in the first `count` bytes, sixteen bytes at a time: counting them one `memchr`
    /// at a time cost as much as parsing a tenth of the file.
    static func newlines(in bytes: UnsafeRawBufferPointer, before count: Int) -> Int {
        let lineFeed = SIMD16<UInt8>(repeating: 0x0A)
        var n = 0
        var i = 0
        while i &+ 16 <= count {
            // A counter a lane, added up before any can pass 255. A lane of the comparison is all
            // ones (255, that is -1) where the byte is a line feed.
            var counters = SIMD16<UInt8>()
            var rounds = 0
            while rounds < 255, i &+ 16 <= count {
                let block = bytes.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                counters &-= unsafeBitCast(block .== lineFeed, to: SIMD16<UInt8>.self)
                i &+= 16
                rounds &+= 1
            }
            n += Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
        }
        while i < count {
            if bytes[i] == 0x0A { n += 1 }
            i += 1
        }
        return n
    }

    /// Index of the last line feed among the first `count` bytes, looked for sixteen bytes at a
    /// time from the end (a deposit written on one line has none in a whole chunk).
    static func lastNewline(in bytes: UnsafeRawBufferPointer, before count: Int) -> Int? {
        let lineFeed = SIMD16<UInt8>(repeating: 0x0A)
        var end = count
        while end >= 16 {
            let block = bytes.loadUnaligned(fromByteOffset: end - 16, as: SIMD16<UInt8>.self)
            if any(block .== lineFeed) { break }
            end -= 16
        }
        var i = end - 1
        while i >= 0, bytes[i] != 0x0A { i -= 1 }
        return i >= 0 ? i : nil
    }

    private func chunkIndex(of offset: Int) -> Int? {
        var i = chunks.count - 1
        while i >= 0 {
            if offset >= chunks[i].base { return offset < chunks[i].end ? i : nil }
            i -= 1
        }
        return nil
    }

    @inline(__always)
    func byte(at offset: Int) -> UInt8? {
        let i = offset &- lastBase
        if i >= 0 && i < lastBytes.count { return lastBytes[i] }
        guard let c = chunkIndex(of: offset) else { return nil }
        return chunks[c].bytes[offset - chunks[c].base]
    }

    /// Offset of the last `byte` before `offset` still in the window.
    func lastByte(_ byte: UInt8, before offset: Int) -> Int? {
        scanBack(to: byte, before: offset)?.offset
    }

    /// From `before - 1` backwards to the last `byte`: its offset, and the line feeds and characters
    /// (UTF-8 lead bytes) from there up to `before`, the found byte included.
    func scanBack(to byte: UInt8, before: Int) -> (offset: Int, newlines: Int, characters: Int)? {
        var position = before - 1
        var c = chunkIndex(of: position)
        var newlines = 0
        var characters = 0
        while let ci = c {
            let chunk = chunks[ci]
            var i = position - chunk.base
            while i >= 0 {
                let b = chunk.bytes[i]
                if b & 0xC0 != 0x80 { characters += 1 }
                if b == byte { return (chunk.base + i, newlines, characters) }
                if b == 0x0A { newlines += 1 }
                i -= 1
            }
            position = chunk.base - 1
            c = ci > 0 ? ci - 1 : nil
        }
        return nil
    }

    /// Characters (UTF-8 lead bytes) in `from..<to`, counting only bytes still in the window.
    func characterCount(from: Int, to: Int) -> Int {
        guard from < to else { return 0 }
        var count = 0
        var position = from
        while position < to, let ci = chunkIndex(of: position) {
            let chunk = chunks[ci]
            let stop = min(to, chunk.end)
            for i in (position - chunk.base)..<(stop - chunk.base) where chunk.bytes[i] & 0xC0 != 0x80 { count += 1 }
            position = stop
        }
        return count
    }

    /// 1-based line of a recent offset, and the offset where that line starts.
    func position(of offset: Int) -> (line: Int, lineStart: Int) {
        guard let i = chunkIndex(of: offset) ?? (chunks.isEmpty ? nil : chunks.count - 1) else { return (1, 0) }
        let chunk = chunks[i]
        let before = min(max(offset - chunk.base, 0), chunk.bytes.count)
        let raw = UnsafeRawBufferPointer(chunk.bytes)
        let lineStart = Self.lastNewline(in: raw, before: before).map { chunk.base + $0 + 1 } ?? chunk.openLineStart
        return (chunk.newlinesBefore + Self.newlines(in: raw, before: before) + 1, lineStart)
    }
}
