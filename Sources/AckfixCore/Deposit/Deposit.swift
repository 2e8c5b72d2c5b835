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

/// One `passageCertification`: the unit the CDC accepts or refuses.
public struct Passage: Sendable {
    public var idTechnique: String? { value(at: "idTechnique").map { $0.value.trimmingWhitespace() } }
    /// Index in `DepositOutline.certifications` of the certification holding the passage.
    public var certificationIndex: Int
    public var line: Int
    public var column: Int
    /// Exact bytes of `<passageCertification …>…</passageCertification>` in the (UTF-8) stream.
    public var range: Range<Int>
    public var leadingTriviaStart: Int
    /// Every element inside the passage, in document order.
    public var elements: [DepositValue]

    /// The identity branches present under `identificationTitulaire` (normally exactly one).
    public var identityBranches: [IdentityBranch] {
        var found: [IdentityBranch] = []
        for e in elements where e.path.hasPrefix("identificationTitulaire/") {
            let parts = e.path.split(separator: "/")
            if parts.count == 2, let b = IdentityBranch(rawValue: String(parts[1])), !found.contains(b) {
                found.append(b)
            }
        }
        return found
    }

    public var identityBranch: IdentityBranch? { identityBranches.first }

    /// The first element with this path below the passage.
    public func value(at path: String) -> DepositValue? {
        elements.first { $0.path == path }
    }

    /// The first element with this local name anywhere in the passage.
    public func value(named name: String) -> DepositValue? {
        elements.first { $0.name == name }
    }

    /// A titulaire field by local name, e.g. `nomNaissance`.
    public func holderValue(_ name: String) -> DepositValue? {
        guard let branch = identityBranch else { return nil }
        let prefix = "identificationTitulaire/\(branch.rawValue)/"
        return elements.first { $0.name == name && $0.path.hasPrefix(prefix) }
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
