/// Reads a deposit in one streaming pass: the outline (header, certifications) is kept, each
/// passage is handed to `onPassage` as soon as it ends and then forgotten, so memory does not grow
/// with the file. Names are matched by local name: a deposit in the wrong namespace still reads
/// (the schema check says what is wrong with it).
public final class DepositReader: XMLStreamHandler {
    /// Longest text kept for one element; longer values are invalid anyway (255 at most).
    public static let maximumValueLength = 64 * 1024
    /// A passage has about forty elements; one with thousands is hostile and would grow memory.
    public static let maximumPassageElements = 5_000

    public private(set) var outline = DepositOutline()
    private let onPassage: (Passage) -> Void
    // Unowned: a weak reference would put the parser on the slow reference-counting path.
    private unowned(unsafe) var parser: XMLStreamParser?

    private enum Role {
        case flux, emetteur, certificateurs, certificateur, certifications, certification
        case passageCertifications, passage, inPassage, header(HeaderField), certificationField(CertificationField)
        case ignored
    }
    private enum HeaderField { case idFlux, horodatage, action, emetteurIdClient, certificateurIdClient, idContrat }
    private enum CertificationField { case type, code, natureDeposant }

    /// What a frame keeps of its start tag (not the attribute arrays: frames are copied often).
    /// Plain data, so that a frame is copied as bytes: the name is not retained, the parser's
    /// table keeps every name until the parse ends, and frames are not read after it.
    private struct Tag {
        unowned(unsafe) let name: XMLName
        let tagStart: Int
        let tagEnd: Int
        let line: Int
        let column: Int
        let isNil: Bool
    }

    private struct Frame {
        let role: Role
        let tag: Tag
        let leadingTriviaStart: Int
        var lastChildEnd: Int
        var hasChildren = false
        let pathIndex: Int32
        /// Where this element's text starts in the passage's text buffer.
        let textStart: Int
        /// End of the text to keep: its children's values (what follows is white space between them).
        var textMark: Int
    }

    private var stack: [Frame] = []
    private var text: [UInt8] = []
    private var passage: Passage?
    private var certification: Certification?

    // Paths below a passage, interned: children[parent path][element name id] -> path index (0: not yet).
    private var children: [[Int32]] = [[]]
    private let table = PathTable()

    /// When set, passages whose idTechnique it refuses are not recorded past their idTechnique
    /// (they still reach `onPassage`, marked incomplete): reading stays cheap when only a few
    /// passages matter.
    private let wants: ((String) -> Bool)?
    private var skipping = false
    /// Open elements below the passage being skipped: they need no frame at all.
    private var skipDepth = 0

    /// Called once the root's start tag is read (its namespace declarations are then known).
    var onRoot: ((DepositOutline) -> Void)?
    /// Told where each certification block's passages start and where the block ends.
    weak var blocks: CertificationBlockObserver?
    /// Told how many passages have been read, every thousand or so.
    var progress: ProgressObserver?

    public init(keepingOnly wants: ((String) -> Bool)? = nil, onPassage: @escaping (Passage) -> Void) {
        self.wants = wants
        self.onPassage = onPassage
    }

    public func attach(to parser: XMLStreamParser) { self.parser = parser }

    public func skippedElement(_ name: XMLName) {
        // Even in a skipped passage, the 2026 identity branch tells the schema generation.
        if name.localName.utf8.count == 19, name.localName == IdentityBranch.identifiantNational.rawValue {
            outline.generation = .v1_1_5
        }
        // A skipped passage is bounded as a recorded one is: it may still be copied to an output.
        elementsInPassage += 1
        if elementsInPassage > Self.maximumPassageElements {
            parser?.stop(because: XMLReadFailure(kind: .tooLarge("passage"), line: parser?.currentLine ?? 0, column: 0))
        }
    }

    /// Elements of the passage being read, skipped ones included.
    private var elementsInPassage = 0

    public func startElement(_ tag: XMLStartTag) {
        if skipping {
            skipDepth += 1
            skippedElement(tag.name)
            return
        }
        let parent = stack.last
        if stack.isEmpty {
            outline.rootName = tag.name
            outline.rootStartTag = tag.tagStart..<tag.tagEnd
            outline.namespaceDeclarations = tag.namespaceDeclarations
            guard tag.name.localName == "flux" else {
                parser?.stop(because: XMLReadFailure(kind: .stoppedByHandler, line: tag.line, column: tag.column))
                return
            }
            onRoot?(outline)
        }
        if !stack.isEmpty {
            stack[stack.count - 1].hasChildren = true
            // The parent's text so far is white space between elements: not worth keeping.
            if passage != nil {
                let mark = stack[stack.count - 1].textMark
                if passage!.text.count > mark { passage!.text.removeSubrange(mark...) }
            }
        }
        let role = role(of: tag.name, under: parent?.role)
        var path: Int32 = 0
        if case .inPassage = role, let parent, !skipping {
            path = internPath(parent: parent.pathIndex, name: tag.name)
            if parent.pathIndex == identificationPath, let branch = IdentityBranch(rawValue: tag.name.localName) {
                if passage?.identityBranches.contains(branch) == false { passage?.identityBranches.append(branch) }
                if branch == .identifiantNational { outline.generation = .v1_1_5 }
            }
        }
        let trivia = parent?.lastChildEnd ?? tag.tagStart
        if passage == nil { text.clear() }
        let slim = Tag(name: tag.name, tagStart: tag.tagStart, tagEnd: tag.tagEnd, line: tag.line, column: tag.column,
                       isNil: !tag.attributes.isEmpty && Self.isNil(tag))
        stack.append(Frame(role: role, tag: slim, leadingTriviaStart: trivia, lastChildEnd: tag.tagEnd, pathIndex: path,
                           textStart: passage?.text.count ?? 0, textMark: passage?.text.count ?? 0))

        switch role {
        case .certification:
            certification = Certification(
                index: outline.certifications.count, line: tag.line, range: tag.tagStart..<tag.tagEnd,
                leadingTriviaStart: trivia, passageCount: 0)
        case .passage:
            passage = Passage(
                certificationIndex: certification?.index ?? -1, line: tag.line, column: tag.column,
                range: tag.tagStart..<tag.tagEnd, leadingTriviaStart: trivia, table: table)
            passage?.prefix = tag.name.prefix
            passage?.records.reserveCapacity(40)
            passage?.text.reserveCapacity(512)
        case .header(.action):
            outline.generation = .v1_1_5
        case .passageCertifications:
            if let certification { blocks?.passagesStart(in: certification, at: tag.tagEnd, outline: outline) }
        default:
            break
        }
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        guard !skipping, let top = stack.last else { return }
        let bytes = chunk.assumingMemoryBound(to: UInt8.self)
        if passage != nil {
            // Inside a passage, text goes to the passage's buffer; each element keeps its slice.
            let used = passage!.text.count - top.textStart
            guard used < Self.maximumValueLength else { return }
            passage!.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(Self.maximumValueLength - used)))
        } else {
            guard text.count < Self.maximumValueLength else { return }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(Self.maximumValueLength - text.count)))
        }
    }

    public func endElement(_ end: XMLEndTag) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let frame = stack.popLast() else { return }
        if !stack.isEmpty {
            stack[stack.count - 1].lastChildEnd = end.tagEnd
            if passage != nil { stack[stack.count - 1].textMark = passage!.text.count }
        }
        let tag = frame.tag
        let elementRange = tag.tagStart..<end.tagEnd
        switch frame.role {
        case .flux:
            outline.rootRange = elementRange
        case .certifications:
            outline.certificationsContentRange = tag.tagEnd..<end.tagStart
            outline.certificationsTrailingTrivia = frame.lastChildEnd..<end.tagStart
        case .header(let field):
            let v = value(of: frame, end: end, path: tag.name.localName)
            switch field {
            case .idFlux: outline.header.idFlux = v
            case .horodatage: outline.header.horodatage = v
            case .action: outline.header.action = v
            case .emetteurIdClient: outline.header.emetteurIdClient = v
            case .certificateurIdClient: outline.header.certificateurIdClient = v
            case .idContrat: outline.header.idContrat = v
            }
        case .certificationField(let field):
            let v = value(of: frame, end: end, path: tag.name.localName)
            switch field {
            case .type: certification?.type = v
            case .code: certification?.code = v
            case .natureDeposant: certification?.natureDeposant = v
            }
        case .passageCertifications:
            certification?.passagesContentRange = tag.tagEnd..<end.tagStart
            certification?.passagesTrailingTrivia = frame.lastChildEnd..<end.tagStart
        case .certification:
            if var c = certification {
                c.range = elementRange
                outline.certifications.append(c)
                blocks?.certificationEnds(c)
            }
            certification = nil
        case .inPassage:
            record(frame, end: end)
        case .passage:
            if var p = passage {
                p.range = elementRange
                outline.passageCount += 1
                certification?.passageCount += 1
                if let progress, outline.passageCount % 1024 == 0 { progress.didRead(passages: outline.passageCount) }
                passage = nil
                skipping = false
                onPassage(p)
            }
        default:
            break
        }
        if passage == nil { text.clear() }
    }

    private func record(_ frame: Frame, end: XMLEndTag) {
        guard passage != nil, !skipping else { return }
        guard passage!.records.count < Self.maximumPassageElements else {
            parser?.stop(because: XMLReadFailure(kind: .tooLarge("passage"), line: frame.tag.line, column: frame.tag.column))
            return
        }
        let tag = frame.tag
        // A container's own text is the white space between its children: not a value.
        let length = frame.hasChildren ? 0 : passage!.text.count - frame.textStart
        passage!.records.append(Passage.Record(
            path: frame.pathIndex, valueStart: Int32(frame.textStart), valueLength: Int32(length),
            line: Int32(tag.line), column: Int32(tag.column), isNil: tag.isNil, isContainer: frame.hasChildren,
            elementRange: tag.tagStart..<end.tagEnd, contentRange: tag.tagEnd..<end.tagStart,
            leadingTriviaStart: frame.leadingTriviaStart))
        if let wants, frame.pathIndex == idTechniquePath, let id = passage!.idTechnique, !wants(id) {
            passage!.isComplete = false
            skipping = true
            elementsInPassage = passage!.records.count
            // When no other handler shares the parse, the parser need not even locate the rest.
            parser?.skipRestOfOpenElement(for: self)
        }
    }

    private lazy var idTechniquePath: Int32 = table.intern(parent: 0, name: "idTechnique")

    private static func isNil(_ tag: XMLStartTag) -> Bool {
        tag.attributes.contains {
            $0.localName == "nil" && $0.namespaceURI == Namespaces.xsi
                && ($0.value.trimmingWhitespace() == "true" || $0.value.trimmingWhitespace() == "1")
        }
    }

    private func value(of frame: Frame, end: XMLEndTag, path: String) -> DepositValue {
        let tag = frame.tag
        let isNil = tag.isNil
        return DepositValue(
            name: tag.name.localName, path: path,
            value: frame.hasChildren ? "" : String(decoding: text, as: UTF8.self),
            isNil: isNil, isContainer: frame.hasChildren, line: tag.line, column: tag.column,
            elementRange: tag.tagStart..<end.tagEnd, contentRange: tag.tagEnd..<end.tagStart,
            leadingTriviaStart: frame.leadingTriviaStart)
    }

    private lazy var identificationPath: Int32 = table.intern(parent: 0, name: "identificationTitulaire")

    private func internPath(parent: Int32, name: XMLName) -> Int32 {
        let p = Int(parent)
        if p < children.count, name.id < children[p].count, children[p][name.id] != 0 { return children[p][name.id] }
        let index = table.intern(parent: parent, name: name.localName)
        if p >= children.count { children += [[Int32]](repeating: [], count: p - children.count + 1) }
        if name.id >= children[p].count { children[p] += [Int32](repeating: 0, count: name.id - children[p].count + 8) }
        children[p][name.id] = index
        return index
    }

    /// The deposit elements the outline cares about, by name id of this parse.
    private enum Known { case flux, idFlux, horodatage, action, emetteur, idClient, certificateurs, certificateur
        case idContrat, certifications, certification, type, code, natureDeposant, passageCertifications
        case passageCertification, other }
    private var known: [Known?] = []

    private func kind(of name: XMLName) -> Known {
        if name.id < known.count, let k = known[name.id] { return k }
        let k: Known
        switch name.localName {
        case "flux": k = .flux
        case "idFlux": k = .idFlux
        case "horodatage": k = .horodatage
        case "action": k = .action
        case "emetteur": k = .emetteur
        case "idClient": k = .idClient
        case "certificateurs": k = .certificateurs
        case "certificateur": k = .certificateur
        case "idContrat": k = .idContrat
        case "certifications": k = .certifications
        case "certification": k = .certification
        case "type": k = .type
        case "code": k = .code
        case "natureDeposant": k = .natureDeposant
        case "passageCertifications": k = .passageCertifications
        case "passageCertification": k = .passageCertification
        default: k = .other
        }
        if name.id >= known.count { known += [Known?](repeating: nil, count: name.id - known.count + 16) }
        known[name.id] = k
        return k
    }

    private func role(of name: XMLName, under parent: Role?) -> Role {
        guard let parent else { return .flux }
        switch (parent, kind(of: name)) {
        case (.flux, .idFlux): return .header(.idFlux)
        case (.flux, .horodatage): return .header(.horodatage)
        case (.flux, .action): return .header(.action)
        case (.flux, .emetteur): return .emetteur
        case (.emetteur, .idClient): return .header(.emetteurIdClient)
        case (.emetteur, .certificateurs): return .certificateurs
        case (.certificateurs, .certificateur): return .certificateur
        case (.certificateur, .idClient): return .header(.certificateurIdClient)
        case (.certificateur, .idContrat): return .header(.idContrat)
        case (.certificateur, .certifications): return .certifications
        case (.certifications, .certification): return .certification
        case (.certification, .type): return .certificationField(.type)
        case (.certification, .code): return .certificationField(.code)
        case (.certification, .natureDeposant): return .certificationField(.natureDeposant)
        case (.certification, .passageCertifications): return .passageCertifications
        case (.passageCertifications, .passageCertification): return .passage
        case (.passage, _), (.inPassage, _): return .inPassage
        default: return .ignored
        }
    }
}
/// Follows the certification blocks of a deposit as it is read.
public protocol CertificationBlockObserver: AnyObject {
    /// The start tag of the block's `passageCertifications` ends at `offset`; `outline` is the
    /// deposit read so far (header included).
    func passagesStart(in certification: Certification, at offset: Int, outline: DepositOutline)
    /// The block has ended (`range` and `passagesTrailingTrivia` are known).
    func certificationEnds(_ certification: Certification)
}

extension DepositReader {
    /// Reads the deposit at `path`, with other handlers fed from the same pass.
    /// A file whose root is not `flux` is refused as the wrong kind of document.
    /// With `toleratingMalformedXML`, a well-formedness failure is returned rather than thrown
    /// (a rejected deposit may well be malformed: that is why it was rejected).
    public static func read(
        path: String, alongside others: [XMLStreamHandler] = [], progress: ProgressObserver? = nil,
        toleratingMalformedXML: Bool = false, onChunk: (([UInt8]) -> Void)? = nil,
        keepingOnly wants: ((String) -> Bool)? = nil, onPassage: @escaping (Passage) -> Void
    ) throws(DocumentError) -> (outline: DepositOutline, failure: XMLReadFailure?) {
        let input: DocumentInput
        do { input = try DocumentInput(path: path) } catch { throw DocumentError(path: path, kind: .input(error.kind)) }
        return try read(input: input, alongside: others, progress: progress, toleratingMalformedXML: toleratingMalformedXML,
                        onChunk: onChunk, keepingOnly: wants, onPassage: onPassage)
    }

    /// The same, from an input opened with its own decoding options.
    public static func read(
        input: DocumentInput, alongside others: [XMLStreamHandler] = [], progress: ProgressObserver? = nil,
        toleratingMalformedXML: Bool = false, onChunk: (([UInt8]) -> Void)? = nil,
        keepingOnly wants: ((String) -> Bool)? = nil, external: XSDValidation? = nil,
        blocks: CertificationBlockObserver? = nil,
        onPassage: @escaping (Passage) -> Void, onRoot: ((DepositOutline) -> Void)? = nil
    ) throws(DocumentError) -> (outline: DepositOutline, failure: XMLReadFailure?) {
        let path = input.path
        let reader = DepositReader(keepingOnly: wants, onPassage: onPassage)
        reader.onRoot = onRoot
        reader.blocks = blocks
        reader.progress = progress
        let handler: XMLStreamHandler = others.isEmpty ? reader : HandlerFanout([reader] + others)
        var failure: XMLReadFailure?
        var length = 0
        do {
            try DocumentStream.parse(input: input, handler: handler, progress: progress, onChunk: { chunk in
                length += chunk.count
                onChunk?(chunk)
            }, readToEnd: toleratingMalformedXML, validation: external)
        } catch {
            if let root = reader.outline.rootName, root.localName != "flux" {
                throw DocumentError(path: path, kind: .wrongDocument(expected: .deposit, found: root.localName))
            }
            guard toleratingMalformedXML, case .xml(let f) = error.kind else { throw error }
            failure = f
        }
        guard reader.outline.rootName != nil || failure != nil else {
            throw DocumentError(path: path, kind: .input(.empty))
        }
        var outline = reader.outline
        outline.encoding = input.encoding
        outline.declaredEncoding = input.declaredEncoding
        outline.hasByteOrderMark = input.hasByteOrderMark
        outline.streamLength = length
        return (outline, failure)
    }
}
