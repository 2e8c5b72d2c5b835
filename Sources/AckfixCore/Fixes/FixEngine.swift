/// Finds the safe, mechanical fixes of a whole deposit in the same streaming pass as the reader:
/// every value it can only have meant one way (FixKind FX03 to FX13). Used by `repair` after a
/// technical rejection and by `check --fix`. It produces edits of the input stream; it never
/// guesses at identity data.
public final class FixEngine: XMLStreamHandler {
    /// One fix and the edit that makes it.
    public struct Item: Sendable {
        public let edit: ByteEdit
        public let fix: AppliedFix
        /// Column of the element changed.
        public let column: Int
    }
    public private(set) var items: [Item] = []
    /// Edits that go with others (the root's xsi declaration), not fixes of their own.
    public private(set) var supportEdits: [ByteEdit] = []
    public var edits: [ByteEdit] { (items.map(\.edit) + supportEdits).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) } }
    public var fixes: [AppliedFix] { items.map(\.fix) }
    private let certificationFixes: Bool

    private let schema: CompiledSchema
    private var root: XMLStartTag?
    private var xsiPrefix: String?
    private var xsiDeclarationNeeded = false
    /// The engine adds the xsi namespace to the root (a nil value needed it).
    public var declaresXSI: Bool { xsiDeclarationNeeded }

    private struct Frame {
        let tag: XMLStartTag
        let child: CompiledSchema.Child?
        let typeIndex: Int?
        let leadingTriviaStart: Int
        var lastChildEnd: Int
        var lastChildColumn: Int
        var childNames: [String] = []
        var childRanges: [String: Range<Int>] = [:]
        var hasChildren = false
        let isNil: Bool
        // Certification type and code, fixed together at the block's end.
        var typeValue: (text: String, content: Range<Int>, line: Int)?
        var codeValue: (text: String, content: Range<Int>, line: Int)?
    }
    private var stack: [Frame] = []
    private var text: [UInt8] = []
    private var passageIndex = -1
    private var inPassage = false

    /// - Parameter certificationFixes: also fix certification types and codes (`check` leaves
    ///   them to its rules B01 to B04).
    public init(generation: SchemaGeneration, certificationFixes: Bool = true) {
        schema = CompiledSchema.cached(for: generation)
        self.certificationFixes = certificationFixes
    }

    public func startElement(_ tag: XMLStartTag) {
        text.removeAll(keepingCapacity: true)
        guard let parentIndex = stack.indices.last else {
            root = tag
            xsiPrefix = tag.namespaceDeclarations.first { $0.uri == Namespaces.xsi }.map { $0.prefix ?? "" }
            let isFlux = tag.name.localName == "flux" && tag.name.namespaceURI == Namespaces.cpf
            stack.append(Frame(tag: tag, child: isFlux ? schema.root : nil, typeIndex: isFlux ? schema.root.typeIndex : nil,
                               leadingTriviaStart: tag.tagStart, lastChildEnd: tag.tagEnd, lastChildColumn: tag.column,
                               isNil: false))
            return
        }
        stack[parentIndex].hasChildren = true
        stack[parentIndex].childNames.append(tag.name.localName)
        let parent = stack[parentIndex]
        var child: CompiledSchema.Child?
        if let t = parent.typeIndex, tag.name.namespaceURI == Namespaces.cpf {
            child = schema.types[t].children.first { $0.name == tag.name.localName }
        }
        if child?.name == "passageCertification" {
            passageIndex += 1
            inPassage = true
        }
        stack.append(Frame(tag: tag, child: child, typeIndex: child?.typeIndex, leadingTriviaStart: parent.lastChildEnd,
                           lastChildEnd: tag.tagEnd, lastChildColumn: tag.column + 2,
                           isNil: tag.attributes.contains { $0.localName == "nil" && $0.namespaceURI == Namespaces.xsi }))
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        guard let top = stack.last, top.typeIndex == nil, text.count < 4096 else { return }
        text.append(contentsOf: chunk.prefix(4096 - text.count))
    }

    public func endElement(_ end: XMLEndTag) {
        guard let frame = stack.popLast() else { return }
        let range = frame.tag.tagStart..<end.tagEnd
        if let parentIndex = stack.indices.last {
            stack[parentIndex].lastChildEnd = end.tagEnd
            stack[parentIndex].lastChildColumn = frame.tag.column
            stack[parentIndex].childRanges[frame.tag.name.localName] = frame.leadingTriviaStart..<end.tagEnd
        }
        defer {
            text.removeAll(keepingCapacity: true)
            if frame.child?.name == "passageCertification" { inPassage = false }
        }
        guard let child = frame.child else { return }
        if frame.typeIndex != nil {
            completeContainer(frame, child: child, end: end)
        } else if !frame.hasChildren, let simple = child.simple, !frame.isNil {
            fixValue(frame, child: child, simple: simple, range: range, content: frame.tag.tagEnd..<end.tagStart)
        }
    }

    /// Edits to make at the end of the read: the root's xsi declaration when a nil value needs it.
    public func finish() {
        if xsiDeclarationNeeded, let root {
            // Before the `>` (or `/>`) that ends the root's start tag.
            supportEdits.append(.insert(" xmlns:xsi=\"\(Namespaces.xsi)\"", at: root.tagEnd - (root.isSelfClosing ? 2 : 1)))
        }
    }

    // MARK: - Values

    private func fixValue(
        _ frame: Frame, child: CompiledSchema.Child, simple: DepositSchema.SimpleType, range: Range<Int>, content: Range<Int>
    ) {
        let value = String(decoding: text, as: UTF8.self)
        let trimmed = value.trimmingWhitespace()
        let name = child.name
        if name == "type" || name == "code", stack.last?.child?.name == "certification" {
            let v = (value, content, frame.tag.line)
            if name == "type" { stack[stack.count - 1].typeValue = v } else { stack[stack.count - 1].codeValue = v }
            return
        }
        if trimmed.isEmpty || ValueRepair.isNilWord(value) {
            if child.nillable {
                replaceElement(range, with: nilElement(frame.tag.name), kind: .nilWord, frame: frame, before: value, after: "xsi:nil")
            } else if child.optional {
                add(ByteEdit(range: frame.leadingTriviaStart..<range.upperBound, replacement: []), .emptyOptional, frame, value, nil)
            }
            return
        }
        var fixed: String?
        var kind = FixKind.trimmed
        switch simple.base {
        case .date:
            if let d = ValueRepair.date(value) { fixed = d; kind = .isoDate }
        case .dateTime:
            if let h = ValueRepair.horodatage(value) { fixed = h; kind = .horodatage }
        case .boolean:
            if let b = ValueRepair.boolean(value) { fixed = b; kind = .boolean }
        case .string where simple.enumeration != nil:
            if let e = ValueRepair.enumeration(value, allowed: simple.enumeration!, element: name) {
                fixed = e
                kind = trimmed == e ? .trimmed : .enumeration
            }
        default:
            break
        }
        if fixed == nil, trimmed != value { fixed = trimmed }
        guard let fixed, fixed != value else { return }
        add(ByteEdit(range: content, text: xmlEscaped(fixed)), kind, frame, value, fixed)
    }

    // MARK: - Containers

    private func completeContainer(_ frame: Frame, child: CompiledSchema.Child, end: XMLEndTag) {
        let type = schema.types[frame.typeIndex!]
        if child.name == "codeCommuneNaissance",
           let postal = frame.childRanges["codePostalNaissance"], frame.childRanges["codeInseeNaissance"] != nil {
            // Fixes inside the branch that goes are dropped with it.
            items.removeAll { postal.contains($0.edit.range.lowerBound) && $0.edit.range.upperBound <= postal.upperBound }
            add(ByteEdit(range: postal, replacement: []), .inseeOverPostal, frame, nil, nil, element: "codePostalNaissance")
        }
        if child.name == "certification", certificationFixes { fixCertification(frame) }
        // Required « unless nil » children that are missing: added as nil, after the last child.
        if case .choice = type.model { return }
        // One insertion per missing field, all at the same place: they keep the schema's order.
        for c in type.children where c.nillable && !c.optional && !frame.childNames.contains(c.name) {
            let indent = String(repeating: " ", count: max(0, frame.lastChildColumn - 1))
            let edit = ByteEdit.insert("\n" + indent + nilElement(prefix: frame.tag.name.prefix, name: c.name), at: frame.lastChildEnd)
            items.append(Item(edit: edit, fix: AppliedFix(kind: .missingNillable, element: c.name, line: frame.tag.line, before: nil,
                                                         after: "xsi:nil", passageIndex: inPassage ? passageIndex : nil),
                              column: frame.tag.column))
        }
    }

    private func fixCertification(_ frame: Frame) {
        guard let type = frame.typeValue, let code = frame.codeValue,
              let problem = CertificationCode.analyse(type: type.text, code: code.text),
              let corrected = problem.corrected(type: type.text, code: code.text) else { return }
        if corrected.type != type.text {
            items.append(Item(edit: ByteEdit(range: type.content, text: corrected.type),
                              fix: AppliedFix(kind: .certificationType, element: "type", line: type.line, before: type.text,
                                              after: corrected.type, passageIndex: nil), column: 0))
        }
        if corrected.code != code.text {
            items.append(Item(edit: ByteEdit(range: code.content, text: corrected.code),
                              fix: AppliedFix(kind: .certificationCode, element: "code", line: code.line, before: code.text,
                                              after: corrected.code, passageIndex: nil), column: 0))
        }
    }

    // MARK: - Helpers

    private func nilElement(_ name: XMLName) -> String { nilElement(prefix: name.prefix, name: name.localName) }

    private func nilElement(prefix: String?, name: String) -> String {
        let qname = prefix.map { "\($0):\(name)" } ?? name
        if xsiPrefix == nil { xsiDeclarationNeeded = true }
        let xsi = xsiPrefix.map { $0.isEmpty ? "xsi" : $0 } ?? "xsi"
        return "<\(qname) \(xsi):nil=\"true\"/>"
    }

    private func replaceElement(_ range: Range<Int>, with text: String, kind: FixKind, frame: Frame, before: String?, after: String?) {
        add(ByteEdit(range: range, text: text), kind, frame, before, after)
    }

    private func add(_ edit: ByteEdit, _ kind: FixKind, _ frame: Frame, _ before: String?, _ after: String?, element: String? = nil) {
        items.append(Item(edit: edit, fix: AppliedFix(kind: kind, element: element ?? frame.tag.name.localName, line: frame.tag.line,
                                                      before: before, after: after, passageIndex: inPassage ? passageIndex : nil),
                          column: frame.tag.column))
    }
}
