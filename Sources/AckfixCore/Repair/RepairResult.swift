/// What `repair` did with every passage, and the file it wrote.
public struct RepairResult: Sendable {
    public enum Outcome: String, Sendable, CaseIterable {
        /// In the resubmission file as it was in the deposit.
        case resubmitted
        /// In the resubmission file, corrected.
        case resubmittedFixed = "resubmitted-fixed"
        /// In the resubmission file, but a person must check it (ackfix could not fix the cause).
        case needsReview = "needs-review"
        /// Left out: the CDC already holds it.
        case alreadyRecorded = "already-recorded"
        /// Refused by the CDC but absent from the deposit given.
        case notInDeposit = "not-in-deposit"

        public var isInOutput: Bool { self == .resubmitted || self == .resubmittedFixed || self == .needsReview }
    }

    /// One passage's account (kept by column in `PassageAccounts`, made when read).
    public struct PassageAccount: Sendable {
        public let idTechnique: String
        public internal(set) var outcome: Outcome
        /// The class as its place in `ErrorCatalogue.all` (`.max`: none).
        let classIndex: UInt8
        /// The deposit line, -1 for none.
        let line: Int32
        public internal(set) var fixes: [AppliedFix]
        public internal(set) var newIdTechnique: String?
        /// What to do, for a passage to review; why, for one left out.
        public internal(set) var note: Localized?

        init(idTechnique: String, outcome: Outcome, errorClass: ErrorClass?, fixes: [AppliedFix], newIdTechnique: String?,
             note: Localized?, depositLine: Int?) {
            self.idTechnique = idTechnique
            self.outcome = outcome
            classIndex = errorClass.flatMap { ErrorCatalogue.placeInAll[$0.code] } ?? .max
            line = depositLine.map { Int32(clamping: $0) } ?? -1
            self.fixes = fixes
            self.newIdTechnique = newIdTechnique
            self.note = note
        }

        init(idTechnique: String, outcome: Outcome, classIndex: UInt8, line: Int32, fixes: [AppliedFix],
             newIdTechnique: String?, note: Localized?) {
            self.idTechnique = idTechnique
            self.outcome = outcome
            self.classIndex = classIndex
            self.line = line
            self.fixes = fixes
            self.newIdTechnique = newIdTechnique
            self.note = note
        }

        /// The class of the CDC's refusal (functional report), nil after a technical rejection.
        public var errorClass: ErrorClass? { classIndex == .max ? nil : ErrorCatalogue.all[Int(classIndex)] }
        /// Its slug, without copying the class (accounts are rendered 200,000 at a time).
        public var errorSlug: String? { classIndex == .max ? nil : ErrorCatalogue.slugByPlace[Int(classIndex)] }
        public var depositLine: Int? { line < 0 ? nil : Int(line) }
    }

    /// Why no file was written.
    public enum Refusal: Sendable {
        /// The output would not validate: what is still wrong, per passage.
        case invalid(OutputCheck)
        /// Nothing to send again (every refused passage is already recorded or missing).
        case nothingToSend
    }

    public let reportKind: ProcessingReport.Kind
    public let depositPath: String
    public let reportPath: String
    /// Where the file goes (or would go).
    public let outputPath: String
    public let dryRun: Bool
    /// True once the file is in place.
    public internal(set) var written = false
    /// The output was written while the deposit was read (no second read of it).
    var writtenDuringRead = false
    public internal(set) var passages = PassageAccounts()
    /// Fixes outside passages: declaration, encoding, certification blocks.
    public internal(set) var fileFixes: [AppliedFix] = []
    public internal(set) var newFluxID = ""
    public internal(set) var newHorodatage = ""
    public internal(set) var outputCheck: OutputCheck?
    public internal(set) var refusal: Refusal?
    public internal(set) var diff: [PassageDiff] = []

    public func count(_ outcome: Outcome) -> Int { counts[outcome] ?? 0 }

    /// How many passages have each outcome (one pass over up to 200,000 accounts).
    public var counts: [Outcome: Int] { passages.counts }

    /// The file needs a person's attention: passages to review or missing from the deposit.
    public var needsAttention: Bool {
        passages.contains { $0.outcome == .needsReview || $0.outcome == .notInDeposit }
    }
}

/// A passage as it was and as it goes out, for `--diff`.
public struct PassageDiff: Sendable {
    public let idTechnique: String
    public let depositLine: Int
    public let before: String
    public let after: String
}
