/// One finding of `ackfix check`: the model every reporter (text, JSON, SARIF, GitHub, JUnit,
/// markdown) renders its own way.
public struct Diagnostic: Sendable {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// The CDC will refuse it (the file, or the passage).
        case error
        /// Likely to come back KO.
        case warning
        /// Worth knowing.
        case info

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    /// How a finding can be fixed by `check --fix`.
    public enum Fixability: String, Sendable {
        case safe, unsafe, none
    }

    /// Stable code: a CDC rejection class (`X05`) for schema violations, a rule code (`B02`) otherwise.
    public let code: String
    public let slug: String
    public let severity: Severity
    public let file: String
    public let line: Int
    public let column: Int
    /// The passage concerned, when there is one.
    public let idTechnique: String?
    /// Type and code of the certification block concerned, when there is one.
    public let certification: String?
    /// Local names from the passage (or the root) down to the element concerned.
    public let elementPath: [String]
    /// The element's local name.
    public let element: String
    /// The value at fault, unmasked: reporters mask it for personal fields.
    public let value: String?
    /// What is wrong and what is allowed, in plain words (personal values already masked).
    public let message: Localized
    /// The wording the CDC's validator would use, for schema violations.
    public let cdcWording: String?
    public let validatorCode: String?
    public let fixability: Fixability
    /// What the fix does, when there is one.
    public let fix: FixKind?
    /// The element concerned in the stream, for schema violations (to attach the fix that mends it).
    var elementRange: Range<Int>? = nil

    func with(certification: String) -> Diagnostic {
        Diagnostic(code: code, slug: slug, severity: severity, file: file, line: line, column: column, idTechnique: idTechnique,
                   certification: certification, elementPath: elementPath, element: element, value: value, message: message,
                   cdcWording: cdcWording, validatorCode: validatorCode, fixability: fixability, fix: fix, elementRange: elementRange)
    }

    func with(fix: FixKind) -> Diagnostic {
        Diagnostic(code: code, slug: slug, severity: severity, file: file, line: line, column: column, idTechnique: idTechnique,
                   certification: certification, elementPath: elementPath, element: element, value: value, message: message,
                   cdcWording: cdcWording, validatorCode: validatorCode, fixability: fix.safety == .safe ? .safe : .unsafe,
                   fix: fix, elementRange: elementRange)
    }

    func with(idTechnique: String?) -> Diagnostic {
        Diagnostic(code: code, slug: slug, severity: severity, file: file, line: line, column: column, idTechnique: idTechnique,
                   certification: certification, elementPath: elementPath, element: element, value: value, message: message,
                   cdcWording: cdcWording, validatorCode: validatorCode, fixability: fixability, fix: fix, elementRange: elementRange)
    }

    /// `certification RS RS5875 › passage P-007 › titulaire › sexe`.
    public func domainPath(_ l: Language) -> String {
        var parts: [String] = []
        if let certification { parts.append("certification " + certification) }
        if let idTechnique { parts.append("passage " + idTechnique) }
        parts += elementPath.filter { !["flux", "emetteur", "certificateurs", "certificateur", "certifications",
                                        "certification", "passageCertifications", "passageCertification",
                                        "identificationTitulaire"].contains($0) }
        return parts.joined(separator: " › ")
    }
}

/// Everything `check` found in one file.
public struct CheckedFile: Sendable {
    public let path: String
    public var diagnostics = DiagnosticList()
    public var passageCount = 0
    public var generation: SchemaGeneration = .v1_1_2
    /// The file could not be read at all (not XML, missing…): one diagnostic-like error.
    public var failure: DocumentError?
    /// With --fix: where the fixed file went, and what was fixed.
    public var fixedOutput: String?
    public var fixesApplied: [AppliedFix] = []
    public var fixRefused: OutputCheck?

    public init(path: String) { self.path = path }

    public func count(_ s: Diagnostic.Severity) -> Int { diagnostics.count(s) }
}

/// The result of `check` over one or more files.
public struct CheckResult: Sendable {
    public var files: [CheckedFile] = []
    /// Warnings count as failures (`--strict`).
    public var strict = false

    public init() {}

    /// Every file's diagnostics in turn, decoded one at a time.
    public var diagnostics: some Sequence<Diagnostic> { files.lazy.flatMap(\.diagnostics) }
    public func count(_ s: Diagnostic.Severity) -> Int { files.reduce(0) { $0 + $1.count(s) } }
    public var fixable: Int { files.reduce(0) { $0 + $1.diagnostics.count(.safe) } }
    public var unsafeFixable: Int { files.reduce(0) { $0 + $1.diagnostics.count(.unsafe) } }
    public var couldNotRun: Bool { files.contains { $0.failure != nil } }
    public var failed: Bool { count(.error) > 0 || (strict && count(.warning) > 0) }
}
