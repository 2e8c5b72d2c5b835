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

    /// One refused passage. Kept small: a report can refuse 200,000 passages, and most of them
    /// share their message, hence their classification.
    public struct Passage: Sendable {
        private let refused: ProcessingReport.RefusedPassage
        /// The class of the first message, as its place in `ErrorCatalogue.functional`.
        private let place: UInt8
        /// The first message's classification when other passages share it; nil for a message
        /// that names its passage (classified again when shown, rather than kept, values and all,
        /// for each of thousands of passages).
        private let classified: SharedClassification?
        /// Classes of the messages after the first (rare).
        private let otherClasses: [ErrorClass]
        /// Nil without `--deposit`, or when the deposit lacks the passage; set once the deposit is read.
        public internal(set) var facts: PassageFacts?

        /// `classes`: one per message; `sharesFirst`: whether the first is shared with other passages.
        init(refused: ProcessingReport.RefusedPassage, classes: [SharedClassification], sharesFirst: Bool) {
            self.refused = refused
            let first = classes.first ?? SharedClassification("")
            place = first.place
            classified = sharesFirst ? first : nil
            otherClasses = classes.dropFirst().map(\.classification.errorClass)
        }

        public var idTechnique: String { refused.idTechnique }
        /// The class of the first message (the one the passage is filed under).
        public var classification: Classification { (classified ?? SharedClassification(refused.messages.first ?? "")).classification }
        public var messages: [String] { refused.messages }
        /// One class per message, in order.
        public var messageClasses: [ErrorClass] { messages.isEmpty ? [] : [errorClass] + otherClasses }
        public var reportLine: Int { refused.line }
        public var errorClass: ErrorClass { ErrorCatalogue.functional[Int(place)] }
        /// What the deposit says went wrong, worked out when shown: a report can refuse 200,000
        /// passages, and their texts need not all be in memory at once.
        public var diagnoses: [Diagnosis] {
            facts.map { Diagnoser.diagnose(classification, facts: $0, idTechnique: idTechnique) } ?? []
        }
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
    public var okCount: Int { report.acceptedCount }
    /// Refused passages (after a functional report the explained passages hold them, not `report`).
    public var koCount: Int { passages.isEmpty ? report.refused.count : passages.count }

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
    public var hasProblems: Bool { koCount > 0 || !report.errors.isEmpty || kind == .rejection }
}

/// One message's classification, shared by every passage refused with that message.
final class SharedClassification: Sendable {
    /// The class, as its place in `ErrorCatalogue.functional` (a class is too big to copy into each).
    let place: UInt8
    private let values: [String: String]

    init(_ message: String) {
        let (place, values) = ErrorCatalogue.functionalPlace(of: message)
        self.place = UInt8(place)
        self.values = values
    }

    var classification: Classification {
        Classification(errorClass: ErrorCatalogue.functional[Int(place)], values: values, validatorCode: nil)
    }
}
