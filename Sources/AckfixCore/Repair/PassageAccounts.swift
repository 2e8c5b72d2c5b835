extension RepairResult {
    /// Every refused passage's account, in report order. A repair may account for 200,000 passages:
    /// they are kept by column (the id's bytes, or its place among the report's ids; three bytes and
    /// the line), with the fixes, new ids and notes that are not their class's advice kept aside for
    /// the passages that have them.
    public struct PassageAccounts: RandomAccessCollection, Sendable {
        private struct Facts {
            var outcome: Outcome
            var classIndex: UInt8
            var noteIsClassAdvice: Bool
            var line: Int32
        }

        private var ids = IDStore()
        /// Set when the ids are the report's (`ids` shared with the repair's index): where each is.
        private var positions: [Int32]?
        private var facts: [Facts] = []
        private var fixes: [Int32: [AppliedFix]] = [:]
        private var newIDs: [Int32: String] = [:]
        private var notes: [Int32: Localized] = [:]

        public init() {}

        public init(_ accounts: some Sequence<PassageAccount>) {
            for a in accounts { append(a) }
        }

        /// Accounts whose ids are read from `ids` (appended with `append(_:idAt:)`).
        init(sharingIDs ids: IDStore) {
            self.ids = ids
            positions = []
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { facts.count }

        public subscript(i: Int) -> PassageAccount {
            let f = facts[i]
            let key = Int32(i)
            let note = f.noteIsClassAdvice ? ErrorCatalogue.adviceByPlace[Int(f.classIndex)] : notes[key]
            let id = positions.map { ids[Int($0[i])] } ?? ids[i]
            return PassageAccount(idTechnique: id, outcome: f.outcome, classIndex: f.classIndex, line: f.line,
                                  fixes: fixes[key] ?? [], newIdTechnique: newIDs[key], note: note)
        }

        mutating func reserveCapacity(_ n: Int) {
            positions?.reserveCapacity(n)
            facts.reserveCapacity(n)
        }

        mutating func append(_ a: PassageAccount) {
            precondition(positions == nil, "accounts sharing the report's ids are appended with their place")
            if !isKnownUniquelyReferenced(&ids) { ids = ids.copy() }
            ids.append(a.idTechnique)
            appendFacts(a)
        }

        /// An account whose id is the shared store's at `position` (`a.idTechnique` is that id).
        mutating func append(_ a: PassageAccount, idAt position: Int) {
            positions!.append(Int32(position))
            appendFacts(a)
        }

        private mutating func appendFacts(_ a: PassageAccount) {
            let key = Int32(clamping: facts.count)
            let advice = a.classIndex == .max ? nil : ErrorCatalogue.adviceByPlace[Int(a.classIndex)]
            let isAdvice = a.note != nil && a.note == advice
            facts.append(Facts(outcome: a.outcome, classIndex: a.classIndex, noteIsClassAdvice: isAdvice, line: a.line))
            if !a.fixes.isEmpty { fixes[key] = a.fixes }
            if let n = a.newIdTechnique { newIDs[key] = n }
            if let n = a.note, !isAdvice { notes[key] = n }
        }

        /// How many passages have each outcome.
        var counts: [Outcome: Int] {
            var counts: [Outcome: Int] = [:]
            for f in facts { counts[f.outcome, default: 0] += 1 }
            return counts
        }
    }
}
