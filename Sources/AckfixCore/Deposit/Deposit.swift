/// The namespaces a deposit uses.
public enum Namespaces {
    public static let cpf = "urn:cdc:cpf:pc5:schema:1.0.0"
    public static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
}

/// Which XSD generation a deposit targets (FORMAT.md §A.1, §A.9).
public enum SchemaGeneration: String, Sendable, Comparable, CaseIterable {
    /// The portal's "XSD v2.0.0", in use since 2021.
    case v1_1_2 = "1.1.2"
    /// The 2026 kit: flux-level `action`, `identifiantNational` identity branch.
    case v1_1_5 = "1.1.5"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// An element of the deposit with text content (or `xsi:nil`), where it sits in the file.
public struct DepositValue: Sendable, Equatable {
    /// Local name, e.g. `nomNaissance`.
    public var name: String
    /// Path below the passage (or below `flux` for header values), e.g.
    /// `identificationTitulaire/titulaire/nomNaissance`.
    public var path: String
    /// Decoded text, as written (not trimmed). Capped at `DepositReader.maximumValueLength` bytes.
    public var value: String
    public var isNil: Bool
    /// True when the element has child elements (then `value` is empty).
    public var isContainer: Bool
    public var line: Int
    public var column: Int
    /// From `<` of the start tag to past `>` of the end tag.
    public var elementRange: Range<Int>
    /// The content between the tags (empty for `<x/>`).
    public var contentRange: Range<Int>
    /// Where the white space (or comments) before this element begins: the end of the previous
    /// sibling, or of the parent's start tag.
    public var leadingTriviaStart: Int
}

public enum IdentityBranch: String, Sendable, CaseIterable {
    case titulaire
    case dossierFormation
    case identifiantNational
}

/// Element paths below a passage, interned once per read: passages refer to them by index, so
/// that reading 200,000 passages does not build millions of path strings.
public final class PathTable: @unchecked Sendable {
    private(set) var paths: [String] = [""]
    private(set) var names: [String] = [""]
    /// The identity branch each path lies in (`identificationTitulaire/<branch>/…`), if any.
    private(set) var branches: [IdentityBranch?] = [nil]
    private var index: [String: Int32] = ["": 0]

    func intern(parent: Int32, name: String) -> Int32 {
        let path = parent == 0 ? name : paths[Int(parent)] + "/" + name
        if let i = index[path] { return i }
        paths.append(path)
        names.append(name)
        let components = path.split(separator: "/", maxSplits: 2)
        branches.append(components.count == 3 && components[0] == "identificationTitulaire"
                        ? IdentityBranch(rawValue: String(components[1])) : nil)
        let i = Int32(paths.count - 1)
        index[path] = i
        return i
    }

    func lookup(_ path: String) -> Int32? { index[path] }
}

/// One `passageCertification`: the unit the CDC accepts or refuses.
///
/// Its elements are kept compactly (positions and the decoded text in one buffer); `DepositValue`s
/// are made on demand.
public struct Passage: Sendable {
    struct Record: Sendable {
        var path: Int32
        var valueStart: Int32
        var valueLength: Int32
        var line: Int32
        var column: Int32
        var isNil: Bool
        var isContainer: Bool
        var elementRange: Range<Int>
        var contentRange: Range<Int>
        var leadingTriviaStart: Int
    }

    /// Index in `DepositOutline.certifications` of the certification holding the passage.
    public var certificationIndex: Int
    public var line: Int
    public var column: Int
    /// Exact bytes of `<passageCertification …>…</passageCertification>` in the (UTF-8) stream.
    public var range: Range<Int>
    public var leadingTriviaStart: Int
    /// The identity branches under `identificationTitulaire`, in document order (normally one).
    public internal(set) var identityBranches: [IdentityBranch] = []
    /// False when the reader stopped recording it after its idTechnique (not a passage the caller wanted).
    public internal(set) var isComplete = true
    /// The namespace prefix the passage's elements are written with (`cpf`), nil for none.
    public internal(set) var prefix: String?
    var records: [Record] = []
    var text: [UInt8] = []
    let table: PathTable

    init(certificationIndex: Int, line: Int, column: Int, range: Range<Int>, leadingTriviaStart: Int, table: PathTable) {
        self.certificationIndex = certificationIndex
        self.line = line
        self.column = column
        self.range = range
        self.leadingTriviaStart = leadingTriviaStart
        self.table = table
    }

    public var identityBranch: IdentityBranch? { identityBranches.first }

    public var idTechnique: String? { value(at: "idTechnique").map { $0.value.trimmingWhitespace() } }

    /// Every element inside the passage, in document order.
    public var elements: [DepositValue] { records.map(value(of:)) }

    /// The element at this index of the passage, if any.
    func value(ofRecordAt index: Int?) -> DepositValue? { index.map { value(of: records[$0]) } }

    private func value(of r: Record) -> DepositValue {
        let bytes = text[Int(r.valueStart)..<Int(r.valueStart + r.valueLength)]
        return DepositValue(
            name: table.names[Int(r.path)], path: table.paths[Int(r.path)], value: String(decoding: bytes, as: UTF8.self),
            isNil: r.isNil, isContainer: r.isContainer, line: Int(r.line), column: Int(r.column),
            elementRange: r.elementRange, contentRange: r.contentRange, leadingTriviaStart: r.leadingTriviaStart)
    }

    /// Direct children of the element at `path` ("" for the passage itself), in document order.
    public func children(of path: String) -> [DepositValue] {
        let depth = path.isEmpty ? 1 : path.split(separator: "/").count + 1
        return records.filter { r in
            let p = table.paths[Int(r.path)]
            return (path.isEmpty || p.hasPrefix(path + "/")) && p.split(separator: "/").count == depth
        }.map(value(of:))
    }

    /// The path of the identity branch block, e.g. `identificationTitulaire/titulaire`.
    public var identityPath: String? { identityBranch.map { "identificationTitulaire/\($0.rawValue)" } }

    /// The first element with this path below the passage.
    public func value(at path: String) -> DepositValue? {
        guard let index = table.lookup(path), let r = records.first(where: { $0.path == index }) else { return nil }
        return value(of: r)
    }

    /// The first element with this local name anywhere in the passage.
    public func value(named name: String) -> DepositValue? {
        records.first { table.names[Int($0.path)] == name }.map(value(of:))
    }

    /// A field of the identity branch by local name, e.g. `nomNaissance`, `codeInsee`.
    public func holderValue(_ name: String) -> DepositValue? {
        guard let branch = identityBranch else { return nil }
        return records.first { table.branches[Int($0.path)] == branch && table.names[Int($0.path)] == name }.map(value(of:))
    }
}

/// A `certification` block: type and code belong here, not to the passages.
public struct Certification: Sendable {
    public var index: Int
    public var type: DepositValue?
    public var code: DepositValue?
    public var natureDeposant: DepositValue?
    public var line: Int
    public var range: Range<Int>
    public var leadingTriviaStart: Int
    /// The content of `passageCertifications` (between its tags).
    public var passagesContentRange: Range<Int>?
    /// From the end of the last passage to `</passageCertifications>`.
    public var passagesTrailingTrivia: Range<Int>?
    public var passageCount: Int

    public var typeText: String? { type.map { $0.value.trimmingWhitespace() } }
    public var codeText: String? { code.map { $0.value.trimmingWhitespace() } }
}

/// The flux header.
public struct FluxHeader: Sendable {
    public var idFlux: DepositValue?
    public var horodatage: DepositValue?
    public var action: DepositValue?
    public var emetteurIdClient: DepositValue?
    public var certificateurIdClient: DepositValue?
    public var idContrat: DepositValue?
}

/// The XML declaration as written, if any.
public struct XMLDeclaration: Sendable {
    public var range: Range<Int>
    public var text: String
}

/// Everything of a deposit but its passages (which stream past): small whatever the file size.
public struct DepositOutline: Sendable {
    public var header = FluxHeader()
    public var certifications: [Certification] = []
    public var passageCount = 0
    /// Root element: its name as written, its namespace, and its start tag.
    public var rootName: XMLName?
    public var rootStartTag: Range<Int>?
    public var rootRange: Range<Int>?
    public var namespaceDeclarations: [XMLNamespaceDeclaration] = []
    /// The generation the deposit's content needs: 1.1.5 as soon as it uses `action` or
    /// `identifiantNational`.
    public var generation: SchemaGeneration = .v1_1_2
    /// The `certifications` element (between its tags), where certification blocks live.
    public var certificationsContentRange: Range<Int>?
    /// From the end of the last certification block to `</certifications>`.
    public var certificationsTrailingTrivia: Range<Int>?
    public var encoding: DocumentEncoding = .utf8
    public var declaredEncoding: String?
    public var hasByteOrderMark = false
    /// Bytes of the decoded (UTF-8) stream.
    public var streamLength = 0

    /// The prefix the file uses for a namespace (nil: default namespace or undeclared).
    public func prefix(for uri: String) -> String?? {
        namespaceDeclarations.first { $0.uri == uri }.map { $0.prefix }
    }

    public var isDeposit: Bool { rootName?.localName == "flux" }
}
