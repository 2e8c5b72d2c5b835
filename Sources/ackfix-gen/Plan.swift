import ArgumentParser

enum Generation: String, ExpressibleByArgument, CaseIterable {
    /// XSD 1.1.2, the schema in force from 2021.
    case v1_1_2 = "1.1.2"
    /// The 2026 kit: flux-level `action` and the `identifiantNational` identity branch (FORMAT.md §A.9).
    case v1_1_5 = "1.1.5"
}

/// The deposit's header, and the processing number the report will carry.
struct Flux {
    let idFlux: [UInt8]
    let depositDay: Day
    let time: (hour: Int, minute: Int, second: Int)
    /// +1 in winter, +2 in summer, as a French exporter's clock says.
    let utcOffsetHours: Int
    let emitterID: [UInt8]
    let certifierID: [UInt8]
    let contractID: [UInt8]
    let processingID: Int

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed, purpose: .flux)
        idFlux = random.uuid()
        let year = random.int(in: 2022...2026)
        depositDay = Day(year: year, month: 1, day: 1) + random.below(365)
        time = (random.int(in: 6...22), random.below(60), random.below(60))
        let summer = depositDay >= Day.lastSunday(month: 3, year: year) && depositDay < Day.lastSunday(month: 10, year: year)
        utcOffsetHours = summer ? 2 : 1
        emitterID = Self.bcr(&random)
        // The certifier often deposits for itself; otherwise a third party (tiers de confiance) does.
        certifierID = random.chance(60) ? emitterID : Self.bcr(&random)
        contractID = Array("MCFCER".utf8) + random.digits(6)
        processingID = random.int(in: 10_000...99_999)
    }

    /// A BCR client number, 8 characters like `12ABC345`.
    private static func bcr(_ random: inout SplitMix64) -> [UInt8] {
        var out = [UInt8]()
        for _ in 0..<2 { out.append(UInt8(ascii: "0") + UInt8(random.below(10))) }
        for _ in 0..<3 { out.append(UInt8(ascii: "A") + UInt8(random.below(26))) }
        for _ in 0..<3 { out.append(UInt8(ascii: "0") + UInt8(random.below(10))) }
        return out
    }
}

struct Certification {
    let type: StaticString
    let code: [UInt8]
    let natureDeposant: StaticString?
    let passageCount: Int
    /// Holds the passages reported certification-status-ko; its code lacks the RS/RNCP prefix,
    /// the commonest cause of that refusal.
    let isRefused: Bool
}

/// Which passages go in which certification block, and which are KO. Everything derives from the
/// seed, so the report can replay the deposit's document order without keeping it.
struct Plan {
    let seed: UInt64
    let passageCount: Int
    let koCount: Int
    let mix: Mix
    let certifications: [Certification]

    init(seed: UInt64, passageCount: Int, koShare: Double, mix: Mix, certificationCount: Int) {
        self.seed = seed
        self.passageCount = passageCount
        self.koCount = Int((koShare * Double(passageCount)).rounded())
        self.mix = mix

        var outcomes = OutcomeStream(seed: seed, count: passageCount, koCount: koCount, mix: mix)
        var refusedCount = 0
        while let outcome = outcomes.next() {
            if outcome == .ko(.certificationStatusKO) { refusedCount += 1 }
        }

        var random = SplitMix64(seed: seed, purpose: .certifications)
        let regularCount = passageCount - refusedCount
        let blockCount = min(certificationCount, regularCount)
        var blocks = [Certification]()
        var codes = Set<[UInt8]>()
        for size in Self.sizes(total: regularCount, blocks: blockCount, &random) {
            var code: [UInt8], type: StaticString
            repeat {
                let isRS = random.chance(50)
                type = isRS ? "RS" : "RNCP"
                code = Array((isRS ? "RS" : "RNCP").utf8) + Self.number(isRS ? .rs : .rncp, &random)
            } while !codes.insert(code).inserted
            blocks.append(Certification(type: type, code: code, natureDeposant: Self.nature(&random), passageCount: size, isRefused: false))
        }
        if refusedCount > 0 {
            let isRS = random.chance(50)
            let refused = Certification(
                type: isRS ? "RS" : "RNCP", code: Self.number(isRS ? .rs : .rncp, &random), natureDeposant: Self.nature(&random),
                passageCount: refusedCount, isRefused: true)
            blocks.insert(refused, at: random.below(blocks.count + 1))
        }
        certifications = blocks
    }

    /// Uneven block sizes, as real certifiers have a few big certifications and small ones; each
    /// block gets at least one passage, which the XSD requires.
    private static func sizes(total: Int, blocks: Int, _ random: inout SplitMix64) -> [Int] {
        guard blocks > 0 else { return [] }
        let weights = (0..<blocks).map { _ in 1 + random.below(9) }
        let weightSum = weights.reduce(0, +)
        let spare = total - blocks
        var sizes = weights.map { 1 + spare * $0 / weightSum }
        var leftover = total - sizes.reduce(0, +)
        var i = 0
        while leftover > 0 {
            sizes[i % blocks] += 1
            leftover -= 1
            i += 1
        }
        return sizes
    }

    private enum Register { case rs, rncp }

    /// A fiche number in the range the registers use today (RS6012, RNCP35108).
    private static func number(_ register: Register, _ random: inout SplitMix64) -> [UInt8] {
        Array(String(register == .rs ? random.int(in: 1000...6999) : random.int(in: 30000...39999)).utf8)
    }

    private static func nature(_ random: inout SplitMix64) -> StaticString? {
        switch random.below(10) {
        case 0..<7: return "CERTIFICATEUR"
        case 7: return "TIERS_CONFIANCE"
        default: return nil
        }
    }

    func documentOrder() -> DocumentOrder { DocumentOrder(plan: self) }
}

/// Walks the passages in document order: block after block, the refused block taking the
/// certification-status-ko passages and every other block the next other passages.
struct DocumentOrder {
    private var regular: OutcomeStream
    private var refused: OutcomeStream
    private var position = 0

    fileprivate init(plan: Plan) {
        regular = OutcomeStream(seed: plan.seed, count: plan.passageCount, koCount: plan.koCount, mix: plan.mix)
        refused = regular
    }

    /// The next passage of `certification`: its position in the file (which names it) and its fate.
    mutating func next(in certification: Certification) -> (position: Int, outcome: Outcome) {
        let outcome = certification.isRefused ? Self.next(&refused, where: { $0 == .ko(.certificationStatusKO) })
            : Self.next(&regular, where: { $0 != .ko(.certificationStatusKO) })
        defer { position += 1 }
        return (position, outcome)
    }

    private static func next(_ stream: inout OutcomeStream, where wanted: (Outcome) -> Bool) -> Outcome {
        while let outcome = stream.next() {
            if wanted(outcome) { return outcome }
        }
        preconditionFailure("the plan promised more passages than the outcome stream holds")
    }
}
