extension RepairResult {
    /// Every refused passage's account, in report order. A repair may account for 200,000 passages:
    /// they are kept by column (the id's bytes, or its place among the report's ids; three bytes and
    /// the line), with the fixes, new ids and notes other than the usual ones kept aside for the
    /// passages that have them.
    public struct PassageAccounts: RandomAccessCollection, Sendable {
        /// The notes most passages have, told by a byte.
        private enum Note: UInt8 {
            case none, classAdvice, missingFromDeposit, alreadyRecorded, other
        }

        private struct Facts {
            var outcome: Outcome
            var classIndex: UInt8
            var note: Note
            var line: Int32
        }

        private var ids = IDStore()
        /// The ids are the report's (`ids` shared with the repair's index).
        private var sharesIDs = false
        /// Where each account's id is among them, once one is not at the account's own place (the
        /// report listed an id twice).
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
            sharesIDs = true
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { facts.count }

        public subscript(i: Int) -> PassageAccount {
            let f = facts[i]
            let key = Int32(i)
            let note = note(f.note, classIndex: f.classIndex, at: i)
            let id = ids[positions.map { Int($0[i]) } ?? i]
            // Most accounts have neither fixes nor a new id: no hashing for them when none has.
            return PassageAccount(idTechnique: id, outcome: f.outcome, classIndex: f.classIndex, line: f.line,
                                  fixes: fixes.isEmpty ? [] : fixes[key] ?? [], newIdTechnique: newIDs.isEmpty ? nil : newIDs[key],
                                  note: note)
        }

        mutating func reserveCapacity(_ n: Int) {
            facts.reserveCapacity(n)
        }

        mutating func append(_ a: PassageAccount) {
            precondition(!sharesIDs, "accounts sharing the report's ids are appended with their place")
            if !isKnownUniquelyReferenced(&ids) { ids = ids.copy() }
            ids.append(a.idTechnique)
            appendFacts(a)
        }

        /// An account whose id is the shared store's at `position` (`a.idTechnique` is that id).
        mutating func append(_ a: PassageAccount, idAt position: Int) {
            precondition(sharesIDs, "accounts with ids of their own are appended without a place")
            if positions == nil, position != facts.count { positions = (0..<facts.count).map { Int32($0) } }
            positions?.append(Int32(position))
            appendFacts(a)
        }

        /// Sets the deposit line of the account whose id is the shared store's at `position`.
        mutating func setDepositLine(_ line: Int32, ofIDAt position: Int) {
            var k = position
            if let positions {
                // Accounts are appended in report order: their places rise.
                var (low, high) = (0, positions.count)
                while low < high {
                    let middle = (low + high) / 2
                    if Int(positions[middle]) < position { low = middle + 1 } else { high = middle }
                }
                guard low < positions.count, Int(positions[low]) == position else { return }
                k = low
            }
            if k < facts.count { facts[k].line = line }
        }

        private mutating func appendFacts(_ a: PassageAccount) {
            let key = Int32(clamping: facts.count)
            let note: Note
            if let n = a.note {
                if a.classIndex != .max, n == ErrorCatalogue.adviceByPlace[Int(a.classIndex)] {
                    note = .classAdvice
                } else if n == PassageAccount.missingFromDeposit {
                    note = .missingFromDeposit
                } else if n == PassageAccount.alreadyRecorded {
                    note = .alreadyRecorded
                } else {
                    note = .other
                    notes[key] = n
                }
            } else {
                note = .none
            }
            facts.append(Facts(outcome: a.outcome, classIndex: a.classIndex, note: note, line: a.line))
            if !a.fixes.isEmpty { fixes[key] = a.fixes }
            if let n = a.newIdTechnique { newIDs[key] = n }
        }

        /// Passages of one outcome and class, and the note they share (their class's advice, or
        /// why they are left out). A passage with a note of its own is among those without one.
        struct Group {
            let outcome: Outcome
            let classIndex: UInt8
            let note: Localized?
            fileprivate let key: Int
            var count = 0

            var errorClass: ErrorClass? { classIndex == .max ? nil : ErrorCatalogue.all[Int(classIndex)] }
        }

        /// The accounts by group, for people: by outcome (in the order of `Outcome.allCases`), then by
        /// class (in the catalogue's order), each in report order (`members(of:)`).
        func groups() -> [Group] {
            var groups: [Group] = []
            var place: [Int: Int] = [:]
            let outcomes = Outcome.allCases
            for (i, f) in facts.enumerated() {
                let key = Self.groupKey(f, outcomes)
                let g = place[key] ?? {
                    place[key] = groups.count
                    let shared = f.note == .other ? .none : f.note
                    groups.append(Group(outcome: f.outcome, classIndex: f.classIndex, note: note(shared, classIndex: f.classIndex, at: i), key: key))
                    return groups.count - 1
                }()
                groups[g].count += 1
            }
            let order = place.sorted { $0.key < $1.key }.map(\.value)
            return order.map { groups[$0] }
        }

        /// The places of a group's accounts, in report order: found again as they are read rather than
        /// listed, 800 KB for 200,000 accounts (and up to as much again while the lists grow).
        func members(of group: Group) -> some Sequence<Int> {
            let (facts, outcomes) = (facts, Outcome.allCases)
            return facts.indices.lazy.filter { Self.groupKey(facts[$0], outcomes) == group.key }
        }

        /// Those without a shared note after those with one. `outcomes`: `Outcome.allCases`, made
        /// once (each call makes a new array).
        private static func groupKey(_ f: Facts, _ outcomes: [Outcome]) -> Int {
            let shared = f.note == .other ? .none : f.note
            return (outcomes.firstIndex(of: f.outcome)! << 16) | (Int(f.classIndex) << 8) | (shared == .none ? 0xFF : Int(shared.rawValue))
        }

        private func note(_ kind: Note, classIndex: UInt8, at i: Int) -> Localized? {
            switch kind {
            case .none: nil
            case .classAdvice: ErrorCatalogue.adviceByPlace[Int(classIndex)]
            case .missingFromDeposit: PassageAccount.missingFromDeposit
            case .alreadyRecorded: PassageAccount.alreadyRecorded
            case .other: notes[Int32(i)]
            }
        }

        /// How many passages have each outcome.
        var counts: [Outcome: Int] {
            var counts: [Outcome: Int] = [:]
            for f in facts { counts[f.outcome, default: 0] += 1 }
            return counts
        }
    }
}

extension RepairResult.PassageAccount {
    static let missingFromDeposit = Localized(
        fr: "absent du dépôt donné : vérifiez que l'accusé porte bien sur ce fichier",
        en: "missing from the deposit given: check that the report is about this file")
    static let alreadyRecorded = Localized(
        fr: "déjà enregistré à la CDC : laissé de côté (--duplicates renumber pour l'envoyer sous un nouvel id)",
        en: "already recorded at the CDC: left out (--duplicates renumber sends it under a new id)")
}
