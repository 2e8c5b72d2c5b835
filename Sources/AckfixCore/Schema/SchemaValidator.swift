/// ackfix's own streaming validator for the deposit schema, run in the same pass as the reader.
/// It follows libxml2's verdicts on this schema (checked by tests against `xmllint` and the XSD
/// ackfix prints), reports every violation rather than the first hundred, and names each one the
/// way the CDC's validator would.
public final class SchemaValidator: XMLStreamHandler {
    private let schema: CompiledSchema
    private let onViolation: (SchemaViolation) -> Void
    public private(set) var violationCount = 0

    /// One open element. Small and without references (the name is not retained: the parser's
    /// table keeps every name until the parse ends, and frames are not read after it), so that it
    /// is copied as bytes: the stack is pushed and popped five million times for a large deposit.
    private struct Frame {
        struct Flags: OptionSet {
            let rawValue: UInt8
            static let chosen = Flags(rawValue: 1)
            static let isNil = Flags(rawValue: 2)
            static let skip = Flags(rawValue: 4)
            static let hasChildElement = Flags(rawValue: 8)
            static let textReported = Flags(rawValue: 16)
            static let nilContent = Flags(rawValue: 32)
        }
        unowned(unsafe) let name: XMLName
        let tagStart: Int
        let tagEnd: Int
        let line: Int
        let column: Int
        /// Id of the declaration in `schema.children`, -1 for an element not checked (skipped).
        let child: Int
        /// Its complex type, -1 for simple content.
        let typeIndex: Int
        /// Positions of the children met (`xsd:all`).
        var seen: UInt64 = 0
        var position = 0
        var count = 0
        var flags: Flags = []

        init(_ tag: XMLStartTag, child: Int, typeIndex: Int, flags: Flags = []) {
            name = tag.name
            tagStart = tag.tagStart
            tagEnd = tag.tagEnd
            line = tag.line
            column = tag.column
            self.child = child
            self.typeIndex = typeIndex
            self.flags = flags
        }
    }

    private var stack: [Frame] = []
    private var text: [UInt8] = []
    private var textCharacters = 0
    private var rootRefused = false
    private var resolver: ChildResolver
    private var passageCount = -1
    /// Passages met where the schema expects one (the output check counts its passages so).
    var passagesAccepted: Int { passageCount + 1 }
    private var certificationCount = -1
    private var inPassage = false
    private var inCertification = false

    public init(schema: DepositSchema, onViolation: @escaping (SchemaViolation) -> Void) {
        self.schema = CompiledSchema.cached(for: schema.generation)
        resolver = ChildResolver(self.schema)
        self.onViolation = onViolation
    }

    // MARK: - Events

    public func startElement(_ tag: XMLStartTag) {
        text.clear()
        textCharacters = 0
        guard !rootRefused else { return }
        guard let parentIndex = stack.indices.last else {
            let root = schema.root
            if tag.name.localName == schema.children[root].name && tag.name.namespaceURI == Namespaces.cpf {
                stack.append(Frame(tag, child: root, typeIndex: schema.children[root].typeIndex))
                checkAttributes(tag, child: root)
            } else {
                rootRefused = true
                report(.unknownRoot, at: tag, path: [tag.name.qualified], range: tag.tagStart..<tag.tagEnd)
            }
            return
        }
        stack[parentIndex].flags.insert(.hasChildElement)
        // The parent's state by value, without its name (no reference to count).
        let parent = (flags: stack[parentIndex].flags, typeIndex: stack[parentIndex].typeIndex,
                      seen: stack[parentIndex].seen, position: stack[parentIndex].position)
        if parent.flags.contains(.skip) {
            stack.append(Frame(tag, child: -1, typeIndex: -1, flags: .skip))
            return
        }
        if parent.flags.contains(.isNil) {
            stack[parentIndex].flags.insert(.nilContent)
            stack.append(Frame(tag, child: -1, typeIndex: -1, flags: .skip))
            return
        }
        guard parent.typeIndex >= 0 else {
            report(.elementInSimpleContent, at: tag, path: path(adding: tag.name.localName), range: tag.tagStart..<tag.tagEnd)
            stack.append(Frame(tag, child: -1, typeIndex: -1, flags: .skip))
            return
        }
        let typeIndex = parent.typeIndex
        let type = schema.types[typeIndex]
        let found = resolver.position(in: typeIndex, of: tag.name)
        var accepted = found != nil
        let index = found ?? -1
        var kind: SchemaViolation.Kind = .unexpectedElement
        var expected: [String] = []
        switch type.model {
        case .all:
            let bit: UInt64 = index >= 0 ? 1 << UInt64(index) : 0
            if parent.seen & bit != 0 { accepted = false }
            if accepted {
                stack[parentIndex].seen |= bit
            } else {
                expected = schema.names(of: typeIndex) { i, _ in parent.seen & (1 << UInt64(i)) == 0 }
                if expected.isEmpty { kind = .elementNotExpected }
            }
        case .sequence:
            let first = type.children.lowerBound
            if accepted, index >= parent.position,
               (parent.position..<index).allSatisfy({ schema.children[first + $0].optional }) {
                stack[parentIndex].position = index + 1
            } else {
                accepted = false
                expected = parent.position < type.children.count ? [schema.children[first + parent.position].name] : []
                if expected.isEmpty { kind = .elementNotExpected }
            }
        case .choice:
            if parent.flags.contains(.chosen) {
                accepted = false
                kind = .elementNotExpected
            } else if accepted {
                stack[parentIndex].flags.insert(.chosen)
            } else {
                expected = schema.names(of: typeIndex)
            }
        case .repeatedChoice:
            if accepted { stack[parentIndex].count += 1 } else { expected = schema.names(of: typeIndex) }
        }
        guard accepted else {
            report(kind, at: tag, path: path(adding: tag.name.localName), expected: expected, range: tag.tagStart..<tag.tagEnd)
            stack.append(Frame(tag, child: -1, typeIndex: -1, flags: .skip))
            return
        }
        let child = type.children.lowerBound + index
        var frame = Frame(tag, child: child, typeIndex: schema.children[child].typeIndex)
        if !tag.attributes.isEmpty, checkAttributes(tag, child: child) { frame.flags.insert(.isNil) }
        stack.append(frame)
        switch schema.children[child].role {
        case .passage:
            passageCount += 1
            inPassage = true
        case .certification:
            certificationCount += 1
            inCertification = true
        default:
            break
        }
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        guard let top = stack.indices.last, !stack[top].flags.contains(.skip) else { return }
        if stack[top].flags.contains(.isNil) {
            stack[top].flags.insert(.nilContent)
            return
        }
        if stack[top].typeIndex >= 0 {
            if !stack[top].flags.contains(.textReported), !Self.isWhiteSpace(chunk) {
                stack[top].flags.insert(.textReported)
                let frame = stack[top]
                report(.textNotAllowed, at: frame, path: path(), range: frame.tagStart..<frame.tagEnd)
            }
            return
        }
        // Characters, not bytes: UTF-8 continuation bytes are 10xxxxxx.
        var continuations = 0
        for b in chunk where b & 0xC0 == 0x80 { continuations += 1 }
        textCharacters += chunk.count - continuations
        text.append(chunk, upTo: 4096)
    }

    /// Whether a text is white space only: the indentation between elements, 40 % of the bytes of
    /// an indented deposit. Eight spaces at a time, then byte by byte.
    private static func isWhiteSpace(_ chunk: UnsafeRawBufferPointer) -> Bool {
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var i = 0
        while i < chunk.count {
            if i + 8 <= chunk.count, chunk.loadUnaligned(fromByteOffset: i, as: UInt64.self) == spaces {
                i += 8
                continue
            }
            if !chunk[i].isXMLWhitespaceByte { return false }
            i += 1
        }
        return true
    }

    public func endElement(_ end: XMLEndTag) {
        guard let frame = stack.last else { return }
        defer {
            stack.removeLast()
            text.clear()
            if frame.child >= 0 {
                switch schema.children[frame.child].role {
                case .passage: inPassage = false
                case .certification: inCertification = false
                default: break
                }
            }
        }
        guard !frame.flags.contains(.skip), frame.child >= 0 else { return }
        let range = frame.tagStart..<end.tagEnd
        if frame.flags.contains(.isNil) {
            if frame.flags.contains(.nilContent) { report(.nilWithContent, at: frame, path: path(), range: range) }
            return
        }
        if frame.typeIndex >= 0 {
            checkComplete(frame, range: range)
        } else if !frame.flags.contains(.hasChildElement), let facets = schema.children[frame.child].facets {
            checkValue(facets, frame: frame, range: range)
        }
    }

    // MARK: - Checks

    private func checkComplete(_ frame: Frame, range: Range<Int>) {
        let t = frame.typeIndex
        var missing: [String] = []
        switch schema.types[t].model {
        case .all:
            missing = schema.names(of: t) { i, c in frame.seen & (1 << UInt64(i)) == 0 && !c.optional }
        case .sequence:
            missing = schema.names(of: t) { i, c in i >= frame.position && !c.optional }
        case .choice:
            if !frame.flags.contains(.chosen) { missing = schema.names(of: t) }
        case .repeatedChoice(let allowsEmpty):
            if frame.count == 0 && !allowsEmpty { missing = schema.names(of: t) }
        }
        if !missing.isEmpty { report(.missingElement, at: frame, path: path(), expected: missing, range: range) }
    }

    private func checkValue(_ t: CompiledSchema.Facets, frame: Frame, range: Range<Int>) {
        let child = frame.child
        func fail(_ kind: SchemaViolation.Kind, limit: String? = nil, expected: [String] = [], typeName: String? = nil) {
            report(kind, at: frame, path: path(), value: String(decoding: text, as: UTF8.self),
                   expected: expected, limit: limit, typeName: typeName ?? schema.children[child].typeName, range: range)
        }
        switch t.base {
        case .string:
            let n = textCharacters
            if let l = t.length, n != l { return fail(.length, limit: String(l)) }
            if let l = t.minLength, n < l { return fail(.minLength, limit: String(l)) }
            if let l = t.maxLength, n > l { return fail(.maxLength, limit: String(l)) }
            if let p = schema.children[child].pattern, !p.matches(text) { return fail(.pattern, limit: p.source) }
            if let values = schema.children[child].enumerationBytes, !values.contains(text) {
                return fail(.enumeration, expected: schema.children[child].simple?.enumeration ?? [])
            }
        case .int:
            // libxml2 takes no white space around an int restricted by facets.
            guard let n = Self.int(text) else { return fail(.invalidValue, typeName: "int") }
            if let lo = t.minInclusive, n < lo { return fail(.minInclusive, limit: String(lo)) }
            if let hi = t.maxInclusive, n > hi { return fail(.maxInclusive, limit: String(hi)) }
        case .boolean:
            let v = Self.trimmed(text)
            if !(v.elementsEqual("true".utf8) || v.elementsEqual("false".utf8) || v == [0x31] || v == [0x30]) {
                return fail(.invalidValue, typeName: "boolean")
            }
        case .date:
            let v = Self.trimmed(text)
            guard XSDDates.isDate(v) else { return fail(.invalidValue, typeName: "date") }
            if let p = schema.children[child].pattern, !p.matches(v) { return fail(.pattern, limit: p.source) }
        case .dateTime:
            let v = Self.trimmed(text)
            guard XSDDates.isDateTime(v) else { return fail(.invalidValue, typeName: "dateTime") }
            if let p = schema.children[child].pattern, !p.matches(v) { return fail(.pattern, limit: p.source) }
        }
    }

    /// Checks the attributes; returns whether the element is nil.
    @discardableResult
    private func checkAttributes(_ tag: XMLStartTag, child: Int) -> Bool {
        var isNil = false
        for a in tag.attributes {
            if a.namespaceURI == Namespaces.xsi {
                switch a.localName {
                case "nil":
                    let truthy: Bool
                    let falsy: Bool
                    switch a.value {
                    // As written nearly always: no bytes to copy and trim.
                    case "true": (truthy, falsy) = (true, false)
                    case "false": (truthy, falsy) = (false, true)
                    default:
                        let t = Self.trimmed(Array(a.value.utf8))
                        truthy = t.elementsEqual("true".utf8) || t == [0x31]
                        falsy = t.elementsEqual("false".utf8) || t == [0x30]
                    }
                    if !truthy && !falsy {
                        report(.invalidNilValue, at: tag, path: path(adding: tag.name.localName), value: a.value,
                               range: tag.tagStart..<tag.tagEnd)
                    } else if truthy {
                        if schema.children[child].nillable {
                            isNil = true
                        } else {
                            report(.nilNotAllowed, at: tag, path: path(adding: tag.name.localName), range: tag.tagStart..<tag.tagEnd)
                        }
                    }
                case "schemaLocation", "noNamespaceSchemaLocation":
                    break
                default:
                    report(.attributeNotAllowed, at: tag, path: path(adding: tag.name.localName),
                           value: (a.prefix.map { $0 + ":" } ?? "") + a.localName, range: tag.tagStart..<tag.tagEnd)
                }
            } else {
                report(.attributeNotAllowed, at: tag, path: path(adding: tag.name.localName),
                       value: (a.prefix.map { $0 + ":" } ?? "") + a.localName, range: tag.tagStart..<tag.tagEnd)
            }
        }
        return isNil
    }

    // MARK: - Helpers

    private func path(adding name: String? = nil) -> [String] {
        var p = stack.map { $0.name.localName }
        if let name { p.append(name) }
        return p
    }

    private func report(
        _ kind: SchemaViolation.Kind, at tag: XMLStartTag, path: [String], value: String? = nil, expected: [String] = [],
        limit: String? = nil, typeName: String = "", range: Range<Int>
    ) {
        report(kind, line: tag.line, column: tag.column, path: path, value: value, expected: expected, limit: limit,
               typeName: typeName, range: range)
    }

    private func report(
        _ kind: SchemaViolation.Kind, at frame: Frame, path: [String], value: String? = nil, expected: [String] = [],
        limit: String? = nil, typeName: String = "", range: Range<Int>
    ) {
        report(kind, line: frame.line, column: frame.column, path: path, value: value, expected: expected, limit: limit,
               typeName: typeName, range: range)
    }

    private func report(
        _ kind: SchemaViolation.Kind, line: Int, column: Int, path: [String], value: String?, expected: [String],
        limit: String?, typeName: String, range: Range<Int>
    ) {
        violationCount += 1
        onViolation(SchemaViolation(
            kind: kind, line: line, column: column, path: path, value: value, expected: expected, limit: limit,
            typeName: typeName, elementRange: range,
            passageIndex: inPassage ? passageCount : nil, certificationIndex: inCertification ? certificationCount : nil))
    }

    static func trimmed(_ v: [UInt8]) -> ArraySlice<UInt8> {
        var lo = 0
        var hi = v.count
        while lo < hi, v[lo].isXMLWhitespaceByte { lo += 1 }
        while hi > lo, v[hi - 1].isXMLWhitespaceByte { hi -= 1 }
        return v[lo..<hi]
    }

    /// An xsd:int as libxml2 reads it here: optional sign, digits, no white space.
    static func int(_ v: [UInt8]) -> Int? {
        var i = 0
        var negative = false
        if i < v.count, v[i] == UInt8(ascii: "+") || v[i] == UInt8(ascii: "-") {
            negative = v[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < v.count else { return nil }
        var n = 0
        while i < v.count {
            let d = v[i]
            guard d >= 0x30, d <= 0x39 else { return nil }
            n = n * 10 + Int(d - 0x30)
            if n > Int(Int32.max) + 1 { return nil }
            i += 1
        }
        let value = negative ? -n : n
        return value >= Int(Int32.min) && value <= Int(Int32.max) ? value : nil
    }
}

