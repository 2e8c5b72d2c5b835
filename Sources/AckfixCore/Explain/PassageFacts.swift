/// What a deposit says about one refused passage: enough to diagnose it, small enough to keep
/// for 200,000 passages.
public struct PassageFacts: Sendable {
    public enum FieldStatus: String, Sendable {
        /// Sent with a value.
        case sent
        /// Sent as `xsi:nil="true"`.
        case `nil`
        /// Present but empty (the schema refuses it).
        case empty
        /// Not in the passage.
        case missing
    }

    public struct IdentityField: Sendable {
        public let name: String
        public let status: FieldStatus
        /// The value, kept only when the user asked to see personal data.
        public let value: String?
    }

    public let line: Int
    /// Filled once the certification block is read (type and code may follow the passages).
    public internal(set) var certificationType: String?
    public internal(set) var certificationCode: String?
    public let branches: [IdentityBranch]
    // The identity fields, compactly: for each, its position in the branch's field list and its
    // status in one byte (fourteen fields at most: two words, no allocation); the values kept
    // (few: personal ones only when asked) in one string, apart.
    private let fieldCodes: FieldCodes
    private let keptValues: String
    public let dateDebutValidite: String?
    public let dateFinValidite: String?
    public let dateFinValiditeIsNil: Bool
    /// Times this idTechnique appears in the deposit (more than once is a problem of its own).
    public var occurrences = 1
    /// nomNaissance and nomUsage both sent and equal (accents and case aside): often a usual
    /// name sent as birth name.
    public let birthNameEqualsUsageName: Bool
    /// codeInsee is 99xxx (born abroad) but codePaysNaissance is missing or is not xxx.
    public let bornAbroadCodeMismatch: Bool

    public var branch: IdentityBranch? { branches.first }

    private static let statuses: [FieldStatus] = [.sent, .nil, .empty, .missing]

    /// The fields of the identity branch the passage uses, in schema order.
    public var identity: [IdentityField] {
        guard let branch else { return [] }
        let names = DepositFields.identityFields(of: branch)
        var values = keptValues.split(separator: Self.valueSeparator, omittingEmptySubsequences: false).map(String.init).makeIterator()
        return fieldCodes.codes.map { code in
            IdentityField(name: names[Int(code >> 3)], status: Self.statuses[Int(code >> 1 & 3)],
                          value: code & 1 == 1 ? values.next() : nil)
        }
    }

    public init(passage: Passage, certification: Certification?, keepPersonalValues: Bool) {
        line = passage.line
        certificationType = certification?.typeText
        certificationCode = certification?.codeText
        branches = passage.identityBranches
        let start = passage.value(at: "dateDebutValidite")
        let end = passage.value(at: "dateFinValidite")
        dateDebutValidite = start.map { $0.value.trimmingWhitespace() }
        dateFinValidite = end.flatMap { $0.isNil ? nil : $0.value.trimmingWhitespace() }
        dateFinValiditeIsNil = end?.isNil ?? false
        var codes = FieldCodes()
        var kept: [String] = []
        if let branch = passage.identityBranch {
            for (position, name) in DepositFields.identityFields(of: branch).enumerated() {
                // Only one of codeInsee / codePostal belongs to a passage: show the one it uses.
                if name == "codePostal", passage.holderValue("codeInsee") != nil { continue }
                if name == "codeInsee", passage.holderValue("codeInsee") == nil, passage.holderValue("codePostal") != nil { continue }
                let v = passage.holderValue(name)
                let status: FieldStatus
                if let v {
                    status = v.isNil ? .nil : (v.value.trimmingWhitespace().isEmpty ? .empty : .sent)
                } else {
                    status = .missing
                }
                let keep = status == .sent && (keepPersonalValues || !DepositFields.isPersonal(name))
                codes.append(UInt8(position << 3 | Self.statuses.firstIndex(of: status)! << 1 | (keep ? 1 : 0)))
                if keep, let v { kept.append(v.value.trimmingWhitespace()) }
            }
        }
        fieldCodes = codes
        keptValues = kept.joined(separator: String(Self.valueSeparator))
        if let insee = passage.holderValue("codeInsee")?.value.trimmingWhitespace(), insee.hasPrefix("99"), insee.count == 5 {
            bornAbroadCodeMismatch = passage.holderValue("codePaysNaissance")?.value.trimmingWhitespace() != String(insee.suffix(3))
        } else {
            bornAbroadCodeMismatch = false
        }
        if let b = passage.holderValue("nomNaissance"), let u = passage.holderValue("nomUsage"), !b.isNil, !u.isNil {
            let fb = b.value.foldedForMatching()
            birthNameEqualsUsageName = !fb.isEmpty && fb == u.value.foldedForMatching()
        } else {
            birthNameEqualsUsageName = false
        }
    }

    /// Between kept values: a character XML text cannot hold, so no value holds it.
    private static let valueSeparator: Character = "\u{1F}"

    /// Up to sixteen bytes in two words.
    struct FieldCodes: Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private(set) var count = 0

        mutating func append(_ code: UInt8) {
            precondition(count < 16, "an identity branch has at most fourteen fields")
            if count < 8 { low |= UInt64(code) << (8 * count) } else { high |= UInt64(code) << (8 * (count - 8)) }
            count += 1
        }

        var codes: [UInt8] {
            (0..<count).map { i in UInt8(truncatingIfNeeded: (i < 8 ? low >> (8 * i) : high >> (8 * (i - 8)))) }
        }
    }
}
