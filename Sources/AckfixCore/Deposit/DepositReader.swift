/// Reads a deposit in one streaming pass: the outline (header, certifications) is kept, each
/// passage is handed to `onPassage` as soon as it ends and then forgotten, so memory does not grow
/// with the file. Names are matched by local name: a deposit in the wrong namespace still reads
/// (the schema check says what is wrong with it).
public final class DepositReader: XMLStreamHandler {
    /// Longest text kept for one element; longer values are invalid anyway (255 at most).
    public static let maximumValueLength = 64 * 1024

    public private(set) var outline = DepositOutline()
    private let onPassage: (Passage) -> Void
    private weak var parser: XMLStreamParser?

    private enum Role {
        case flux, emetteur, certificateurs, certificateur, certifications, certification
        case passageCertifications, passage, inPassage, header(HeaderField), certificationField(CertificationField)
        case ignored
    }
    private enum HeaderField { case idFlux, horodatage, action, emetteurIdClient, certificateurIdClient, idContrat }
    private enum CertificationField { case type, code, natureDeposant }

    private struct Frame {
        let role: Role
        let tag: XMLStartTag
        let leadingTriviaStart: Int
        var lastChildEnd: Int
        var hasChildren = false
        let pathIndex: Int
    }

    private var stack: [Frame] = []
    private var text: [UInt8] = []
    private var passage: Passage?
    private var certification: Certification?

    // Paths below a passage, interned: (parent path, element name) -> index in `paths`.
    private struct PathKey: Hashable { let parent: Int; let name: Int }
    private var pathIndex: [PathKey: Int] = [:]
    private var paths: [String] = [""]

    public init(onPassage: @escaping (Passage) -> Void) {
        self.onPassage = onPassage
    }

    public func attach(to parser: XMLStreamParser) { self.parser = parser }

    public func startElement(_ tag: XMLStartTag) {
        let parent = stack.last
        if stack.isEmpty {
            outline.rootName = tag.name
            outline.rootStartTag = tag.tagStart..<tag.tagEnd
            outline.namespaceDeclarations = tag.namespaceDeclarations
            guard tag.name.localName == "flux" else {
                parser?.stop(because: XMLReadFailure(kind: .stoppedByHandler, line: tag.line, column: tag.column))
                return
            }
        }
        if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
        let role = Self.role(of: tag.name.localName, under: parent?.role)
        var path = 0
        if case .inPassage = role, let parent {
            path = internPath(parent: parent.pathIndex, name: tag.name)
        }
        let trivia = parent?.lastChildEnd ?? tag.tagStart
        stack.append(Frame(role: role, tag: tag, leadingTriviaStart: trivia, lastChildEnd: tag.tagEnd, pathIndex: path))
        text.removeAll(keepingCapacity: true)

        switch role {
        case .certification:
            certification = Certification(
                index: outline.certifications.count, line: tag.line, range: tag.tagStart..<tag.tagEnd,
                leadingTriviaStart: trivia, passageCount: 0)
        case .passage:
            passage = Passage(
                certificationIndex: certification?.index ?? -1, line: tag.line, column: tag.column,
                range: tag.tagStart..<tag.tagEnd, leadingTriviaStart: trivia, elements: [])
            passage?.elements.reserveCapacity(32)
        case .header(.action):
            outline.generation = .v1_1_5
        case .inPassage:
            if tag.name.localName == IdentityBranch.identifiantNational.rawValue { outline.generation = .v1_1_5 }
        default:
            break
        }
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        guard text.count < Self.maximumValueLength else { return }
        let room = Self.maximumValueLength - text.count
        text.append(contentsOf: chunk.prefix(room))
    }

    public func endElement(_ end: XMLEndTag) {
        guard let frame = stack.popLast() else { return }
        if !stack.isEmpty { stack[stack.count - 1].lastChildEnd = end.tagEnd }
        let tag = frame.tag
        let elementRange = tag.tagStart..<end.tagEnd
        switch frame.role {
        case .flux:
            outline.rootRange = elementRange
        case .certifications:
            outline.certificationsContentRange = tag.tagEnd..<end.tagStart
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
        case .certification:
            if var c = certification {
                c.range = elementRange
                outline.certifications.append(c)
            }
            certification = nil
        case .inPassage:
            passage?.elements.append(value(of: frame, end: end, path: paths[frame.pathIndex]))
        case .passage:
            if var p = passage {
                p.range = elementRange
                outline.passageCount += 1
                certification?.passageCount += 1
                onPassage(p)
            }
            passage = nil
        default:
            break
        }
        text.removeAll(keepingCapacity: true)
    }

    private func value(of frame: Frame, end: XMLEndTag, path: String) -> DepositValue {
        let tag = frame.tag
        let isNil = tag.attributes.contains {
            $0.localName == "nil" && $0.namespaceURI == Namespaces.xsi
                && ($0.value.trimmingWhitespace() == "true" || $0.value.trimmingWhitespace() == "1")
        }
        return DepositValue(
            name: tag.name.localName, path: path,
            value: frame.hasChildren ? "" : String(decoding: text, as: UTF8.self),
            isNil: isNil, isContainer: frame.hasChildren, line: tag.line, column: tag.column,
            elementRange: tag.tagStart..<end.tagEnd, contentRange: tag.tagEnd..<end.tagStart,
            leadingTriviaStart: frame.leadingTriviaStart)
    }

    private func internPath(parent: Int, name: XMLName) -> Int {
        let key = PathKey(parent: parent, name: name.id)
        if let index = pathIndex[key] { return index }
        let path = parent == 0 ? name.localName : paths[parent] + "/" + name.localName
        paths.append(path)
        pathIndex[key] = paths.count - 1
        return paths.count - 1
    }

    private static func role(of name: String, under parent: Role?) -> Role {
        guard let parent else { return .flux }
        switch (parent, name) {
        case (.flux, "idFlux"): return .header(.idFlux)
        case (.flux, "horodatage"): return .header(.horodatage)
        case (.flux, "action"): return .header(.action)
        case (.flux, "emetteur"): return .emetteur
        case (.emetteur, "idClient"): return .header(.emetteurIdClient)
        case (.emetteur, "certificateurs"): return .certificateurs
        case (.certificateurs, "certificateur"): return .certificateur
        case (.certificateur, "idClient"): return .header(.certificateurIdClient)
        case (.certificateur, "idContrat"): return .header(.idContrat)
        case (.certificateur, "certifications"): return .certifications
        case (.certifications, "certification"): return .certification
        case (.certification, "type"): return .certificationField(.type)
        case (.certification, "code"): return .certificationField(.code)
        case (.certification, "natureDeposant"): return .certificationField(.natureDeposant)
        case (.certification, "passageCertifications"): return .passageCertifications
        case (.passageCertifications, "passageCertification"): return .passage
        case (.passage, _), (.inPassage, _): return .inPassage
        default: return .ignored
        }
    }
}

extension DepositReader {
    /// Reads the deposit at `path`, with other handlers fed from the same pass.
    /// A file whose root is not `flux` is refused as the wrong kind of document.
    /// With `toleratingMalformedXML`, a well-formedness failure is returned rather than thrown
    /// (a rejected deposit may well be malformed: that is why it was rejected).
    public static func read(
        path: String, alongside others: [XMLStreamHandler] = [], progress: ProgressObserver? = nil,
        toleratingMalformedXML: Bool = false, onChunk: (([UInt8]) -> Void)? = nil,
        onPassage: @escaping (Passage) -> Void
    ) throws(DocumentError) -> (outline: DepositOutline, failure: XMLReadFailure?) {
        let reader = DepositReader(onPassage: onPassage)
        let handler: XMLStreamHandler = others.isEmpty ? reader : HandlerFanout([reader] + others)
        var failure: XMLReadFailure?
        var input: DocumentInput?
        do {
            input = try DocumentStream.parse(path: path, handler: handler, progress: progress, onChunk: onChunk,
                                             readToEnd: toleratingMalformedXML)
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
        if let input {
            outline.encoding = input.encoding
            outline.declaredEncoding = input.declaredEncoding
            outline.hasByteOrderMark = input.hasByteOrderMark
        }
        return (outline, failure)
    }
}
