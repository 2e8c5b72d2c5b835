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
    /// Items found so far, counting those dropped since (it only grows).
    var itemsFound: Int { items.count + itemsDropped }
    private var itemsDropped = 0
    private let certificationFixes: Bool

    private let schema: CompiledSchema
    private var root: XMLStartTag?
    private var xsiPrefix: String?
    private var xsiDeclarationNeeded = false
    /// The engine adds the xsi namespace to the root (a nil value needed it).
    public var declaresXSI: Bool { xsiDeclarationNeeded }

    /// One open element; small, so that pushing five million of them costs little.
    private struct Frame {
        let name: XMLName
        let line: Int
        let column: Int
        let tagStart: Int
        let tagEnd: Int
        /// Id of the declaration in `schema.children`, -1 for an element the schema does not place.
        let child: Int
        /// Its complex type, -1 for simple content.
        let typeIndex: Int
        let leadingTriviaStart: Int
        var lastChildEnd: Int
        var lastChildColumn: Int
        /// Positions of the schema children met.
        var seen: UInt64 = 0
        var hasChildren = false
        let isNil: Bool
        // In `codeCommuneNaissance`: the postcode element (with the space before it), and whether
        // an INSEE code is there too.
        var postcode: Range<Int>?
        var hasInseeCode = false
    }
    private var stack: [Frame] = []
    private var text: [UInt8] = []
    private var resolver: ChildResolver
    private var passageIndex = -1
    private var inPassage = false
    // The current certification's type and code, fixed together at the block's end.
    private var certificationType: (text: String, content: Range<Int>, line: Int)?
    private var certificationCode: (text: String, content: Range<Int>, line: Int)?

    /// - Parameter certificationFixes: also fix certification types and codes (`check` leaves
    ///   them to its rules B01 to B04).
    public init(generation: SchemaGeneration, certificationFixes: Bool = true) {
        schema = CompiledSchema.cached(for: generation)
        resolver = ChildResolver(schema)
        self.certificationFixes = certificationFixes
    }

    public func startElement(_ tag: XMLStartTag) {
        text.clear()
        guard let parentIndex = stack.indices.last else {
            root = tag
            xsiPrefix = tag.namespaceDeclarations.first { $0.uri == Namespaces.xsi }.map { $0.prefix ?? "" }
            let isFlux = tag.name.localName == "flux" && tag.name.namespaceURI == Namespaces.cpf
            stack.append(Frame(name: tag.name, line: tag.line, column: tag.column, tagStart: tag.tagStart, tagEnd: tag.tagEnd,
                               child: isFlux ? schema.root : -1, typeIndex: isFlux ? schema.children[schema.root].typeIndex : -1,
                               leadingTriviaStart: tag.tagStart, lastChildEnd: tag.tagEnd, lastChildColumn: tag.column,
                               isNil: false))
            return
        }
        stack[parentIndex].hasChildren = true
        let parent = (typeIndex: stack[parentIndex].typeIndex, lastChildEnd: stack[parentIndex].lastChildEnd)
        var child = -1
        if parent.typeIndex >= 0, let position = resolver.position(in: parent.typeIndex, of: tag.name) {
            stack[parentIndex].seen |= 1 << UInt64(position)
            child = schema.types[parent.typeIndex].children.lowerBound + position
            switch schema.children[child].role {
            case .passage:
                passageIndex += 1
                inPassage = true
            case .certification:
                certificationType = nil
                certificationCode = nil
            default:
                break
            }
        }
        stack.append(Frame(name: tag.name, line: tag.line, column: tag.column, tagStart: tag.tagStart, tagEnd: tag.tagEnd, child: child,
                           typeIndex: child >= 0 ? schema.children[child].typeIndex : -1, leadingTriviaStart: parent.lastChildEnd,
                           lastChildEnd: tag.tagEnd, lastChildColumn: tag.column + 2,
                           isNil: !tag.attributes.isEmpty && tag.attributes.contains { $0.localName == "nil" && $0.namespaceURI == Namespaces.xsi }))
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        guard let top = stack.indices.last, stack[top].typeIndex < 0 else { return }
        text.append(chunk, upTo: 4096)
    }

    public func endElement(_ end: XMLEndTag) {
        guard let frame = stack.popLast() else { return }
        let elementRange = frame.tagStart..<end.tagEnd
        let role = frame.child >= 0 ? schema.children[frame.child].role : .other
        if let parentIndex = stack.indices.last {
            stack[parentIndex].lastChildEnd = end.tagEnd
            stack[parentIndex].lastChildColumn = frame.column
            if role == .birthPostcode { stack[parentIndex].postcode = frame.leadingTriviaStart..<end.tagEnd }
            if role == .birthInseeCode { stack[parentIndex].hasInseeCode = true }
        }
        defer {
            text.clear()
            if role == .passage { inPassage = false }
        }
        guard frame.child >= 0 else { return }
        if frame.typeIndex >= 0 {
            completeContainer(frame, role: role)
        } else if !frame.hasChildren, let facets = schema.children[frame.child].facets, !frame.isNil {
            fixValue(frame, base: facets.base, role: role, range: elementRange, content: frame.tagEnd..<end.tagStart)
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

    private func fixValue(_ frame: Frame, base: DepositSchema.SimpleType.Base, role: CompiledSchema.Role, range: Range<Int>, content: Range<Int>) {
        if role == .certificationType || role == .certificationCode {
            let v = (String(decoding: text, as: UTF8.self), content, frame.line)
            if role == .certificationType { certificationType = v } else { certificationCode = v }
            return
        }
        if isClean(base, child: frame.child) { return }
        let child = schema.children[frame.child]
        let value = String(decoding: text, as: UTF8.self)
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty || ValueRepair.isNilWord(value) {
            if child.nillable {
                add(ByteEdit(range: range, text: nilElement(frame.name)), .nilWord, frame, value, "xsi:nil")
            } else if child.optional {
                add(ByteEdit(range: frame.leadingTriviaStart..<range.upperBound, replacement: []), .emptyOptional, frame, value, nil)
            }
            return
        }
        var fixed: String?
        var kind = FixKind.trimmed
        switch base {
        case .date:
            if let d = ValueRepair.date(value) { fixed = d; kind = .isoDate }
        case .dateTime:
            if let h = ValueRepair.horodatage(value) { fixed = h; kind = .horodatage }
        case .boolean:
            if let b = ValueRepair.boolean(value) { fixed = b; kind = .boolean }
        case .string:
            if let allowed = child.simple?.enumeration, let e = ValueRepair.enumeration(value, allowed: allowed, element: child.name) {
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

    /// A value with nothing to fix, recognised on its bytes (nearly every value): no string made.
    private func isClean(_ base: DepositSchema.SimpleType.Base, child: Int) -> Bool {
        guard let first = text.first, let last = text.last, !first.isXMLWhitespaceByte, !last.isXMLWhitespaceByte else { return false }
        // Could be a nil word (nil, null, (null), n/a…).
        if text.count <= 6, first | 0x20 == UInt8(ascii: "n") || first == UInt8(ascii: "(") { return false }
        switch base {
        case .string:
            return schema.children[child].enumerationBytes.map { $0.contains(text) } ?? true
        case .int:
            return true
        case .boolean:
            return text.elementsEqual("true".utf8) || text.elementsEqual("false".utf8)
        case .date:
            // AAAA-MM-JJ: ValueRepair.date has nothing to change, valid or not.
            guard text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") else { return false }
            return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { text[$0] >= 0x30 && text[$0] <= 0x39 }
        case .dateTime:
            return false
        }
    }

    // MARK: - Containers

    private func completeContainer(_ frame: Frame, role: CompiledSchema.Role) {
        let t = frame.typeIndex
        if role == .birthPlace, let postal = frame.postcode, frame.hasInseeCode {
            // Fixes inside the branch that goes are dropped with it.
            let before = items.count
            items.removeAll { postal.contains($0.edit.range.lowerBound) && $0.edit.range.upperBound <= postal.upperBound }
            itemsDropped += before - items.count
            add(ByteEdit(range: postal, replacement: []), .inseeOverPostal, frame, nil, nil, element: "codePostalNaissance")
        }
        if role == .certification, certificationFixes { fixCertification() }
        // Required « unless nil » children that are missing: added as nil, after the last child.
        if case .choice = schema.types[t].model { return }
        // One insertion per missing field, all at the same place: they keep the schema's order.
        let missing = schema.names(of: t) { i, c in c.nillable && !c.optional && frame.seen & (1 << UInt64(i)) == 0 }
        for name in missing {
            let indent = String(repeating: " ", count: max(0, frame.lastChildColumn - 1))
            let edit = ByteEdit.insert("\n" + indent + nilElement(prefix: frame.name.prefix, name: name), at: frame.lastChildEnd)
            items.append(Item(edit: edit, fix: AppliedFix(kind: .missingNillable, element: name, line: frame.line, before: nil,
                                                         after: "xsi:nil", passageIndex: inPassage ? passageIndex : nil),
                              column: frame.column))
        }
    }

    private func fixCertification() {
        guard let type = certificationType, let code = certificationCode,
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

    private func add(_ edit: ByteEdit, _ kind: FixKind, _ frame: Frame, _ before: String?, _ after: String?, element: String? = nil) {
        items.append(Item(edit: edit, fix: AppliedFix(kind: kind, element: element ?? frame.name.localName, line: frame.line,
                                                      before: before, after: after, passageIndex: inPassage ? passageIndex : nil),
                          column: frame.column))
    }
}
