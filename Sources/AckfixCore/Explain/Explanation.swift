/// Everything `explain` has to say, for every renderer (text, JSON, markdown) to show its way.
public struct Explanation: Sendable {
    public struct DepositMatch: Sendable {
        public enum Status: String, Sendable { case match, mismatch, unknown }
        public let path: String
        public let idFlux: String?
        public let passageCount: Int
        public let generation: SchemaGeneration
        /// The report's nomFichier against the deposit's file name.
        public let nomFichierMatch: Status
        /// The report's idFlux against the deposit's.
        public let idFluxMatch: Status
        /// Why the deposit could not be read to its end (a rejected file may well be malformed).
        public let readFailure: XMLReadFailure?
    }

    public struct Passage: Sendable {
        public let idTechnique: String
        /// The class of the first message (the one the passage is filed under).
        public let classification: Classification
        public let messages: [String]
        /// One class per message, in order.
        public let messageClasses: [ErrorClass]
        /// Nil without `--deposit`, or when the deposit lacks the passage.
        public let facts: PassageFacts?
        public let diagnoses: [Diagnosis]
        public let reportLine: Int

        public var errorClass: ErrorClass { classification.errorClass }
    }

    public struct RejectionError: Sendable {
        public let error: ProcessingReport.RejectionError
        public let classification: Classification
        /// The message as it may be shown (quoted personal values masked).
        public let displayMessage: String
        /// The element concerned: from the message, or from the deposit at the reported place.
        public let element: String?
        public let advice: Localized?
        public let context: ErrorContext?

        public var errorClass: ErrorClass { classification.errorClass }
    }

    /// The deposit around a rejection error.
    public struct ErrorContext: Sendable {
        /// The deposit's line, personal values masked, capped in length.
        public let lineText: String
        /// Where under the line the caret goes (1-based column, as reported).
        public let column: Int?
        /// Local names from the root to the element, e.g. `flux/emetteur/…/sexe`.
        public let elementPath: [String]
        public let passageID: String?
        public let certificationCode: String?
    }

    public let reportPath: String
    public let report: ProcessingReport
    public let deposit: DepositMatch?
    public let passages: [Passage]
    public let errors: [RejectionError]
    /// KO ids the deposit lacks (only with a deposit).
    public let notInDeposit: [String]

    public var kind: ProcessingReport.Kind { report.kind }
    public var okCount: Int { report.acceptedIDs.count }
    public var koCount: Int { report.refused.count }

    /// Counts per class, in catalogue order, classes with none left out.
    public var countsByClass: [(errorClass: ErrorClass, count: Int)] {
        var counts: [String: Int] = [:]
        if kind == .rejection {
            for e in errors { counts[e.errorClass.code, default: 0] += 1 }
        } else {
            for p in passages { counts[p.errorClass.code, default: 0] += 1 }
        }
        let order = kind == .rejection ? ErrorCatalogue.rejection : ErrorCatalogue.functional
        return order.compactMap { c in counts[c.code].map { (c, $0) } }
    }

    /// Whether there is anything to fix (drives the exit code).
    public var hasProblems: Bool { !report.refused.isEmpty || !report.errors.isEmpty || kind == .rejection }
}
