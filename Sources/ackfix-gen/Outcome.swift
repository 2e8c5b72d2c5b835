import ArgumentParser

/// The passage-level refusals of the CDC's processing reports (FORMAT.md §D), named by the slugs
/// ackfix uses.
enum FunctionalError: String, CaseIterable {
    case holderNotFound = "holder-not-found"
    case holderNotFoundBirthDate = "holder-not-found-birth-date"
    case holderNotFoundReconciliation = "holder-not-found-reconciliation"
    case holderAmbiguous = "holder-ambiguous"
    case duplicateID = "duplicate-id"
    case certificationStatusKO = "certification-status-ko"
    case validityDatesInverted = "validity-dates-inverted"
    case unclassified

    /// The refusal concerns who the holder is, so the passage carries a civil-status identity.
    var isAboutHolder: Bool {
        switch self {
        case .holderNotFound, .holderNotFoundBirthDate, .holderNotFoundReconciliation, .holderAmbiguous: return true
        default: return false
        }
    }
}

enum Outcome: Equatable {
    case ok
    case ko(FunctionalError)
}

/// How KO passages are shared between the error classes: relative weights.
struct Mix: CustomStringConvertible {
    /// In `FunctionalError.allCases` order, whatever the order on the command line, so that the
    /// draws do not depend on how the option was spelt.
    let weights: [(error: FunctionalError, weight: Int)]
    var total: Int { weights.reduce(0) { $0 + $1.weight } }

    static let standard = try! Mix(parsing:
        "holder-not-found=40,holder-not-found-birth-date=10,holder-not-found-reconciliation=5,holder-ambiguous=10,duplicate-id=15,certification-status-ko=10,validity-dates-inverted=5,unclassified=5")

    init(parsing text: String) throws {
        var byError: [FunctionalError: Int] = [:]
        for item in text.filter({ $0 != " " }).split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let error = FunctionalError(rawValue: pair[0]), let weight = Int(pair[1]), weight >= 0 else {
                throw ValidationError("--mix: expected class=weight pairs separated by commas, classes among "
                    + FunctionalError.allCases.map(\.rawValue).joined(separator: ", ") + "; got \"\(item)\"")
            }
            byError[error] = weight
        }
        weights = FunctionalError.allCases.compactMap { error in byError[error].map { (error, $0) } }
    }

    var description: String { weights.map { "\($0.error.rawValue)=\($0.weight)" }.joined(separator: ",") }

    func draw(_ random: inout SplitMix64) -> FunctionalError {
        var r = random.below(total)
        for (error, weight) in weights {
            if r < weight { return error }
            r -= weight
        }
        preconditionFailure("weights changed during a draw")
    }
}

/// The outcome of every passage, in the order passages are drawn. Exactly `koCount` of `count`
/// passages are KO (selection sampling, Knuth's algorithm S), so a 5 % share of 1,000 passages is
/// 50 KO passages. Replaying from the same seed gives the same outcomes, which is how the report is
/// written without keeping 200,000 outcomes in memory.
struct OutcomeStream {
    private var random: SplitMix64
    private var remaining: Int
    private var remainingKO: Int
    private let mix: Mix

    init(seed: UInt64, count: Int, koCount: Int, mix: Mix) {
        random = SplitMix64(seed: seed, purpose: .outcomes)
        remaining = count
        remainingKO = koCount
        self.mix = mix
    }

    mutating func next() -> Outcome? {
        guard remaining > 0 else { return nil }
        let isKO = random.below(remaining) < remainingKO
        remaining -= 1
        guard isKO else { return .ok }
        remainingKO -= 1
        return .ko(mix.draw(&random))
    }
}
