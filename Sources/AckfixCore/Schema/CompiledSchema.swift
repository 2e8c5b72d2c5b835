/// The schema turned into flat arrays indexed by small integers, for the hot path of the handlers
/// that follow it element by element (the validator and the fix engine). Children are read in
/// place (`schema.children[id].optional`), never copied: a 200,000-passage deposit has five
/// million elements.
final class CompiledSchema: @unchecked Sendable {
    /// Elements some handlers treat specially, known without comparing strings.
    enum Role: UInt8 {
        case other, passage, certification, certificationType, certificationCode
        case birthPlace, birthPostcode, birthInseeCode
    }

    struct Child {
        let name: String
        /// The complex type, or -1 for simple content.
        let typeIndex: Int
        let simple: DepositSchema.SimpleType?
        /// The same, without its strings: what the validator and the fix engine read for every
        /// value, copied without reference counting.
        let facets: Facets?
        let pattern: XSDPattern?
        let enumerationBytes: [[UInt8]]?
        let optional: Bool
        let nillable: Bool
        /// How the CDC's validator names the value's type.
        let typeName: String
        let role: Role
    }

    struct Facets {
        let base: DepositSchema.SimpleType.Base
        let length: Int?
        let minLength: Int?
        let maxLength: Int?
        let minInclusive: Int?
        let maxInclusive: Int?

        init(_ t: DepositSchema.SimpleType) {
            base = t.base
            length = t.length
            minLength = t.minLength
            maxLength = t.maxLength
            minInclusive = t.minInclusive
            maxInclusive = t.maxInclusive
        }
    }

    struct ComplexType {
        let model: DepositSchema.ComplexType.Model
        /// Ids of its children in `children`, in schema order.
        let children: Range<Int>
    }

    // Immutable once built: reading them costs no reference counting.
    let children: [Child]
    let types: [ComplexType]
    /// Id of the root element's declaration in `children`.
    let root: Int

    private static let v112 = CompiledSchema(DepositSchema.v112)
    private static let v115 = CompiledSchema(DepositSchema.v115)
    static func cached(for g: SchemaGeneration) -> CompiledSchema { g == .v1_1_2 ? v112 : v115 }

    private init(_ schema: DepositSchema) {
        var children: [Child] = []
        var types: [ComplexType] = []
        var named: [String: Int] = [:]
        func compile(_ type: DepositSchema.ComplexType, typeName: String, parent: String) -> Int {
            // Handlers keep the children seen in a 64-bit mask.
            precondition(type.children.count <= 64, "complex type \(typeName) has more than 64 children")
            let index = types.count
            types.append(ComplexType(model: type.model, children: 0..<0))
            var compiled: [Child] = []
            for decl in type.children {
                var typeIndex = -1
                var simple: DepositSchema.SimpleType?
                var typeLabel = "#AnonType_\(decl.name)\(typeName)"
                switch decl.type {
                case .complex(let name):
                    if let i = named[name] {
                        typeIndex = i
                    } else {
                        named[name] = types.count
                        typeIndex = compile(schema.complexTypes[name]!, typeName: name, parent: decl.name)
                    }
                case .anonymousComplex(let t):
                    typeIndex = compile(t, typeName: decl.name, parent: decl.name)
                case .simple(let t):
                    simple = t
                case .namedSimple(let name, let t):
                    simple = t
                    typeLabel = name
                }
                compiled.append(Child(
                    name: decl.name, typeIndex: typeIndex, simple: simple, facets: simple.map(Facets.init),
                    pattern: simple?.pattern.map(XSDPattern.init),
                    enumerationBytes: simple?.enumeration.map { $0.map { Array($0.utf8) } },
                    optional: decl.optional, nillable: decl.nillable, typeName: typeLabel,
                    role: Self.role(decl.name, parent: parent)))
            }
            let first = children.count
            children += compiled
            types[index] = ComplexType(model: type.model, children: first..<children.count)
            return index
        }
        named["flux"] = 0
        let rootType = compile(schema.complexTypes["flux"]!, typeName: "flux", parent: "")
        root = children.count
        children.append(Child(name: "flux", typeIndex: rootType, simple: nil, facets: nil, pattern: nil, enumerationBytes: nil,
                              optional: false, nillable: false, typeName: "flux", role: .other))
        self.children = children
        self.types = types
    }

    private static func role(_ name: String, parent: String) -> Role {
        switch (name, parent) {
        case ("passageCertification", _): return .passage
        case ("certification", _): return .certification
        case ("type", "certification"): return .certificationType
        case ("code", "certification"): return .certificationCode
        case ("codeCommuneNaissance", _): return .birthPlace
        case ("codePostalNaissance", _): return .birthPostcode
        case ("codeInseeNaissance", _): return .birthInseeCode
        default: return .other
        }
    }

    /// Names of some children of a type, for messages.
    func names(of type: Int, where keep: (Int, Child) -> Bool = { _, _ in true }) -> [String] {
        let range = types[type].children
        return range.filter { keep($0 - range.lowerBound, children[$0]) }.map { children[$0].name }
    }
}

/// Which child of a complex type an element name is, remembered per parse (name ids belong to
/// one parse): two array reads per element instead of string comparisons.
struct ChildResolver {
    private let schema: CompiledSchema
    // Per type, per name id: the child's position in its type, -1 for not allowed, -2 unknown yet.
    private var table: [[Int32]]

    init(_ schema: CompiledSchema) {
        self.schema = schema
        table = Array(repeating: [], count: schema.types.count)
    }

    /// Position of the element among the type's children, or nil when the type has no such child.
    mutating func position(in type: Int, of name: XMLName) -> Int? {
        if name.id < table[type].count {
            let r = table[type][name.id]
            if r != -2 { return r < 0 ? nil : Int(r) }
        } else {
            table[type] += Array(repeating: -2, count: name.id + 1 - table[type].count)
        }
        var r: Int32 = -1
        if name.namespaceURI == Namespaces.cpf {
            let range = schema.types[type].children
            if let i = range.first(where: { schema.children[$0].name == name.localName }) { r = Int32(i - range.lowerBound) }
        }
        table[type][name.id] = r
        return r < 0 ? nil : Int(r)
    }
}
