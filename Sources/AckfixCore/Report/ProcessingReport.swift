/// The CDC's « accusé de traitement » for one deposit (FORMAT.md §B, §C).
public struct ProcessingReport: Sendable {
    public enum Kind: String, Sendable {
        /// The file passed the schema; each passage is OK or KO.
        case functional
        /// The whole file was refused by the schema or the XML parser: nothing was ingested.
        case rejection
    }

    /// A passage the CDC refused, with the CDC's own words.
    public struct RefusedPassage: Sendable {
        public var idTechnique: String
        // One message in practice: kept apart from the (rare) others so that a report of 200,000
        // refused passages does not hold 200,000 arrays.
        private var first: String?
        private var others: [String] = []
        /// Line of `<passage>` in the report.
        public var line: Int

        public init(idTechnique: String, messages: [String], line: Int) {
            self.idTechnique = idTechnique
            self.line = line
            for m in messages { append(m) }
        }

        /// Trimmed, inner white space collapsed; at least one in practice, all of them kept.
        public var messages: [String] { first.map { [$0] + others } ?? [] }

        mutating func append(_ message: String) {
            if first == nil { first = message } else { others.append(message) }
        }
    }

    /// One error of a technical rejection.
    public struct RejectionError: Sendable {
        public var type: String?
        public var message: String
        /// Place in the deposit, as the CDC reports it.
        public var line: Int?
        public var column: Int?
        /// Line of `<erreur>` in the report.
        public var reportLine: Int
    }

    /// Something odd about the report itself (not about the deposit).
    public struct Anomaly: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case passageWithoutID, passageWithoutMessage, duplicateKO(String), bothOKAndKO(String)
            case unreadableNumber(element: String, value: String)
        }
        public var kind: Kind
        public var line: Int
    }

    public var kind: Kind
    public var nomFichier: String?
    public var idFlux: String?
    public var idTraitement: String?
    public var idDemande: String?
    public var refused: [RefusedPassage] = []
    /// How many passages the report accepted (their ids are not kept: a report lists up to 200,000).
    public var acceptedCount = 0
    public var errors: [RejectionError] = []
    public var anomalies: [Anomaly] = []

    public init(kind: Kind) { self.kind = kind }
}

