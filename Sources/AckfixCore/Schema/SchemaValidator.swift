/// ackfix's own streaming validator for the deposit schema, run in the same pass as the reader.
/// It follows libxml2's verdicts on this schema (checked by tests against `xmllint` and the XSD
/// ackfix prints), reports every violation rather than the first hundred, and names each one the
/// way the CDC's validator would.
public final class SchemaValidator: XMLStreamHandler {
    private let schema: CompiledSchema
    private let onViolation: (SchemaViolation) -> Void
    public private(set) var violationCount = 0

    private struct Frame {
        let tag: XMLStartTag
        let child: CompiledSchema.Child?
        /// Index of the complex type, when the element has one.
        let typeIndex: Int?
        var seen: [Bool] = []
        var position = 0
        var count = 0
        var chosen = false
        var isNil = false
        var skip = false
        var hasChildElement = false
        var textReported = false
        var nilContent = false
    }

    private var stack: [Frame] = []
    private var text: [UInt8] = []
    private var textCharacters = 0
    private var rootRefused = false
    // (type index << 32 | name id) → child index, or -1 when the name is not allowed there.
    private var resolution: [Int: Int] = [:]
    private var passageCount = -1
    private var certificationCount = -1
    private var inPassage = false
    private var inCertification = false

    public init(schema: DepositSchema, onViolation: @escaping (SchemaViolation) -> Void) {
        self.schema = CompiledSchema.cached(for: schema.generation)
        self.onViolation = onViolation
    }

    // MARK: - Events

    public func startElement(_ tag: XMLStartTag) {
        text.removeAll(keepingCapacity: true)
        textCharacters = 0
        guard !rootRefused else { return }
        guard let parentIndex = stack.indices.last else {
            let root: CompiledSchema.Child = schema.root
            if tag.name.localName == root.name && tag.name.namespaceURI == Namespaces.cpf {
                var frame = Frame(tag: tag, child: root, typeIndex: root.typeIndex)
                frame.seen = [Bool](repeating: false, count: schema.types[root.typeIndex!].children.count)
                stack.append(frame)
                checkAttributes(tag, child: root)
            } else {
                rootRefused = true
                report(.unknownRoot, tag: tag, path: [tag.name.qualified], range: tag.tagStart..<tag.tagEnd)
            }
            return
        }
        stack[parentIndex].hasChildElement = true
        let parent = stack[parentIndex]
        if parent.skip {
            stack.append(Frame(tag: tag, child: nil, typeIndex: nil, skip: true))
            return
        }
        if parent.isNil {
            stack[parentIndex].nilContent = true
            stack.append(Frame(tag: tag, child: nil, typeIndex: nil, skip: true))
            return
        }
        guard let typeIndex = parent.typeIndex else {
            report(.elementInSimpleContent, tag: tag, path: path(adding: tag.name.localName), range: tag.tagStart..<tag.tagEnd)
            stack.append(Frame(tag: tag, child: nil, typeIndex: nil, skip: true))
            return
        }
        let type = schema.types[typeIndex]
        let index = resolve(typeIndex, tag.name)
        var accepted = index >= 0
        var kind: SchemaViolation.Kind = .unexpectedElement
        var expected: [String] = []
        switch type.model {
        case .all:
            if index >= 0 && parent.seen[index] { accepted = false }
            if accepted {
                stack[parentIndex].seen[index] = true
            } else {
                expected = type.children.indices.filter { !parent.seen[$0] }.map { type.children[$0].name }
                if expected.isEmpty { kind = .elementNotExpected }
            }
        case .sequence:
            if accepted, index >= parent.position,
               type.children[parent.position..<index].allSatisfy(\.optional) {
                stack[parentIndex].position = index + 1
            } else {
                accepted = false
                expected = parent.position < type.children.count ? [type.children[parent.position].name] : []
                if expected.isEmpty { kind = .elementNotExpected }
            }
        case .choice:
            if parent.chosen {
                accepted = false
                kind = .elementNotExpected
            } else if accepted {
                stack[parentIndex].chosen = true
            } else {
                expected = type.children.map(\.name)
            }
        case .repeatedChoice:
            if accepted { stack[parentIndex].count += 1 } else { expected = type.children.map(\.name) }
        }
        guard accepted else {
            report(kind, tag: tag, path: path(adding: tag.name.localName), expected: expected, range: tag.tagStart..<tag.tagEnd)
            stack.append(Frame(tag: tag, child: nil, typeIndex: nil, skip: true))
            return
        }
        let child = type.children[index]
        var frame = Frame(tag: tag, child: child, typeIndex: child.typeIndex)
        if let t = child.typeIndex { frame.seen = [Bool](repeating: false, count: schema.types[t].children.count) }
        frame.isNil = checkAttributes(tag, child: child)
        stack.append(frame)
        if child.name == "passageCertification" {
            passageCount += 1
            inPassage = true
        } else if child.name == "certification" {
            certificationCount += 1
            inCertification = true
        }
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        guard let top = stack.indices.last, !stack[top].skip else { return }
        if stack[top].isNil {
            stack[top].nilContent = true
            return
        }
        if stack[top].typeIndex != nil {
            if !stack[top].textReported, chunk.contains(where: { !Self.isSpace($0) }) {
                stack[top].textReported = true
                let frame = stack[top]
                report(.textNotAllowed, tag: frame.tag, path: path(), range: frame.tag.tagStart..<frame.tag.tagEnd)
            }
            return
        }
        for b in chunk where b & 0xC0 != 0x80 { textCharacters += 1 }
        if text.count < 4096 { text.append(contentsOf: chunk.prefix(4096 - text.count)) }
    }

    public func endElement(_ end: XMLEndTag) {
        guard let frame = stack.last else { return }
        defer {
            stack.removeLast()
            text.removeAll(keepingCapacity: true)
            if frame.child?.name == "passageCertification" { inPassage = false }
            if frame.child?.name == "certification" { inCertification = false }
        }
        guard !frame.skip, let child = frame.child else { return }
        let range = frame.tag.tagStart..<end.tagEnd
        if frame.isNil {
            if frame.nilContent { report(.nilWithContent, tag: frame.tag, path: path(), range: range) }
            return
        }
        if let t = frame.typeIndex {
            checkComplete(frame, type: schema.types[t], range: range)
        } else if !frame.hasChildElement, let simple = child.simple {
            checkValue(simple, child: child, frame: frame, range: range)
        }
    }

    // MARK: - Checks

    private func checkComplete(_ frame: Frame, type: CompiledSchema.ComplexType, range: Range<Int>) {
        var missing: [String] = []
        switch type.model {
        case .all:
            missing = type.children.indices.filter { !frame.seen[$0] && !type.children[$0].optional }.map { type.children[$0].name }
        case .sequence:
            missing = type.children[frame.position...].filter { !$0.optional }.map(\.name)
        case .choice:
            if !frame.chosen { missing = type.children.map(\.name) }
        case .repeatedChoice(let allowsEmpty):
            if frame.count == 0 && !allowsEmpty { missing = type.children.map(\.name) }
        }
        if !missing.isEmpty { report(.missingElement, tag: frame.tag, path: path(), expected: missing, range: range) }
    }

    private func checkValue(_ t: DepositSchema.SimpleType, child: CompiledSchema.Child, frame: Frame, range: Range<Int>) {
        func fail(_ kind: SchemaViolation.Kind, limit: String? = nil, expected: [String] = [], typeName: String? = nil) {
            report(kind, tag: frame.tag, path: path(), value: String(decoding: text, as: UTF8.self),
                   expected: expected, limit: limit, typeName: typeName ?? child.typeName, range: range)
        }
        switch t.base {
        case .string:
            let n = textCharacters
            if let l = t.length, n != l { return fail(.length, limit: String(l)) }
            if let l = t.minLength, n < l { return fail(.minLength, limit: String(l)) }
            if let l = t.maxLength, n > l { return fail(.maxLength, limit: String(l)) }
            if let p = child.pattern, !p.matches(text) { return fail(.pattern, limit: p.source) }
            if let values = child.enumerationBytes, !values.contains(text) { return fail(.enumeration, expected: t.enumeration ?? []) }
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
            if let p = child.pattern, !p.matches(v) { return fail(.pattern, limit: p.source) }
        case .dateTime:
            let v = Self.trimmed(text)
            guard XSDDates.isDateTime(v) else { return fail(.invalidValue, typeName: "dateTime") }
            if let p = child.pattern, !p.matches(v) { return fail(.pattern, limit: p.source) }
        }
    }

    /// Checks the attributes; returns whether the element is nil.
    @discardableResult
    private func checkAttributes(_ tag: XMLStartTag, child: CompiledSchema.Child) -> Bool {
        var isNil = false
        for a in tag.attributes {
            if a.namespaceURI == Namespaces.xsi {
                switch a.localName {
                case "nil":
                    let v = Array(a.value.utf8)
                    let t = Self.trimmed(v)
                    let truthy = t.elementsEqual("true".utf8) || t == [0x31]
                    let falsy = t.elementsEqual("false".utf8) || t == [0x30]
                    if !truthy && !falsy {
                        report(.invalidNilValue, tag: tag, path: path(adding: tag.name.localName), value: a.value,
                               range: tag.tagStart..<tag.tagEnd)
                    } else if truthy {
                        if child.nillable {
                            isNil = true
                        } else {
                            report(.nilNotAllowed, tag: tag, path: path(adding: tag.name.localName), range: tag.tagStart..<tag.tagEnd)
                        }
                    }
                case "schemaLocation", "noNamespaceSchemaLocation":
                    break
                default:
                    report(.attributeNotAllowed, tag: tag, path: path(adding: tag.name.localName),
                           value: (a.prefix.map { $0 + ":" } ?? "") + a.localName, range: tag.tagStart..<tag.tagEnd)
                }
            } else {
                report(.attributeNotAllowed, tag: tag, path: path(adding: tag.name.localName),
                       value: (a.prefix.map { $0 + ":" } ?? "") + a.localName, range: tag.tagStart..<tag.tagEnd)
            }
        }
        return isNil
    }

    // MARK: - Helpers

    private func resolve(_ typeIndex: Int, _ name: XMLName) -> Int {
        let key = typeIndex << 32 | name.id
        if let r = resolution[key] { return r }
        var r = -1
        if name.namespaceURI == Namespaces.cpf,
           let i = schema.types[typeIndex].children.firstIndex(where: { $0.name == name.localName }) {
            r = i
        }
        resolution[key] = r
        return r
    }

    private func path(adding name: String? = nil) -> [String] {
        var p = stack.map { $0.tag.name.localName }
        if let name { p.append(name) }
        return p
    }

    private func report(
        _ kind: SchemaViolation.Kind, tag: XMLStartTag, path: [String], value: String? = nil, expected: [String] = [],
        limit: String? = nil, typeName: String = "", range: Range<Int>
    ) {
        violationCount += 1
        onViolation(SchemaViolation(
            kind: kind, line: tag.line, column: tag.column, path: path, value: value, expected: expected, limit: limit,
            typeName: typeName, elementRange: range,
            passageIndex: inPassage ? passageCount : nil, certificationIndex: inCertification ? certificationCount : nil))
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    static func trimmed(_ v: [UInt8]) -> ArraySlice<UInt8> {
        var lo = 0
        var hi = v.count
        while lo < hi, isSpace(v[lo]) { lo += 1 }
        while hi > lo, isSpace(v[hi - 1]) { hi -= 1 }
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

/// The schema turned into arrays indexed by small integers, for the validator's hot path.
final class CompiledSchema: @unchecked Sendable {
    struct Child {
        let name: String
        let typeIndex: Int?
        let simple: DepositSchema.SimpleType?
        let pattern: XSDPattern?
        let enumerationBytes: [[UInt8]]?
        let optional: Bool
        let nillable: Bool
        /// How the CDC's validator names the value's type.
        let typeName: String
    }

    struct ComplexType {
        let model: DepositSchema.ComplexType.Model
        var children: [Child]
    }

    private(set) var types: [ComplexType] = []
    private(set) var root: Child!

    private static let v112 = CompiledSchema(DepositSchema.v112)
    private static let v115 = CompiledSchema(DepositSchema.v115)
    static func cached(for g: SchemaGeneration) -> CompiledSchema { g == .v1_1_2 ? v112 : v115 }

    private init(_ schema: DepositSchema) {
        var named: [String: Int] = [:]
        func compile(_ type: DepositSchema.ComplexType, typeName: String) -> Int {
            let index = types.count
            types.append(ComplexType(model: type.model, children: []))
            var children: [Child] = []
            for decl in type.children {
                var typeIndex: Int?
                var simple: DepositSchema.SimpleType?
                var typeLabel = "#AnonType_\(decl.name)\(typeName)"
                switch decl.type {
                case .complex(let name):
                    if let i = named[name] {
                        typeIndex = i
                    } else {
                        named[name] = types.count
                        typeIndex = compile(schema.complexTypes[name]!, typeName: name)
                    }
                case .anonymousComplex(let t):
                    typeIndex = compile(t, typeName: decl.name)
                case .simple(let t):
                    simple = t
                case .namedSimple(let name, let t):
                    simple = t
                    typeLabel = name
                }
                children.append(Child(
                    name: decl.name, typeIndex: typeIndex, simple: simple,
                    pattern: simple?.pattern.map(XSDPattern.init),
                    enumerationBytes: simple?.enumeration.map { $0.map { Array($0.utf8) } },
                    optional: decl.optional, nillable: decl.nillable, typeName: typeLabel))
            }
            types[index].children = children
            return index
        }
        named["flux"] = 0
        let rootIndex = compile(schema.complexTypes["flux"]!, typeName: "flux")
        root = Child(name: "flux", typeIndex: rootIndex, simple: nil, pattern: nil, enumerationBytes: nil,
                     optional: false, nillable: false, typeName: "flux")
    }
}

/// xsd:date and xsd:dateTime lexical forms and calendar checks, as libxml2 applies them.
enum XSDDates {
    /// `-?YYYY-MM-DD` with an optional time zone, and a day that exists in that month.
    static func isDate(_ v: ArraySlice<UInt8>) -> Bool {
        var s = Scanner(v)
        guard s.date(), s.timeZone() != false else { return false }
        return s.atEnd
    }

    /// `-?YYYY-MM-DDThh:mm:ss(.s+)?` with an optional zone within ±14:00.
    static func isDateTime(_ v: ArraySlice<UInt8>) -> Bool {
        var s = Scanner(v)
        guard s.date(), s.take(UInt8(ascii: "T")), let h = s.digits(2), s.take(UInt8(ascii: ":")),
              let m = s.digits(2), s.take(UInt8(ascii: ":")), let sec = s.digits(2) else { return false }
        if s.take(UInt8(ascii: ".")) {
            guard s.digits(1) != nil else { return false }
            while s.digits(1) != nil {}
        }
        guard h < 24, m < 60, sec < 60 else { return false }
        guard s.timeZone() != false else { return false }
        return s.atEnd
    }

    private struct Scanner {
        let v: ArraySlice<UInt8>
        var i: Int
        init(_ v: ArraySlice<UInt8>) {
            self.v = v
            i = v.startIndex
        }
        var atEnd: Bool { i == v.endIndex }

        mutating func take(_ b: UInt8) -> Bool {
            guard i < v.endIndex, v[i] == b else { return false }
            i += 1
            return true
        }

        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= v.endIndex else { return nil }
            var x = 0
            for k in i..<(i + n) {
                guard v[k] >= 0x30, v[k] <= 0x39 else { return nil }
                x = x * 10 + Int(v[k] - 0x30)
            }
            i += n
            return x
        }

        mutating func date() -> Bool {
            _ = take(UInt8(ascii: "-"))
            var yearDigits = 0
            var year = 0
            while i < v.endIndex, v[i] >= 0x30, v[i] <= 0x39 {
                year = year * 10 + Int(v[i] - 0x30)
                yearDigits += 1
                i += 1
                if yearDigits > 9 { return false }
            }
            guard yearDigits >= 4, take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
                  let day = digits(2) else { return false }
            guard (1...12).contains(month), day >= 1 else { return false }
            return day <= ValueRepair.daysIn(month: month, year: year)
        }

        /// nil: no zone; true: a valid zone; false: a malformed one.
        mutating func timeZone() -> Bool? {
            guard i < v.endIndex else { return nil }
            if take(UInt8(ascii: "Z")) { return true }
            guard v[i] == UInt8(ascii: "+") || v[i] == UInt8(ascii: "-") else { return false }
            i += 1
            guard let h = digits(2), take(UInt8(ascii: ":")), let m = digits(2), m < 60 else { return false }
            return h * 60 + m <= 14 * 60
        }
    }
}
