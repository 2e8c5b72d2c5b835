/// SplitMix64 (Steele, Lea & Flood, 2014). Ours rather than the system generator, which cannot be
/// seeded: the same seed must give the same bytes on every machine and every Swift version.
struct SplitMix64 {
    private var state: UInt64

    /// What a stream is used for. Each purpose draws from its own stream, so that a new draw in one
    /// place does not shift every value that follows it in the file.
    enum Purpose: UInt64 {
        case flux = 1, outcomes, certifications, passage, idTechnique, message
    }

    init(seed: UInt64, purpose: Purpose, index: UInt64 = 0) {
        // `mix` is a bijection: distinct (purpose, index) pairs give distinct streams for a seed.
        state = Self.mix(Self.mix(seed ^ (purpose.rawValue &* 0xD1B5_4A32_D192_ED03)) ^ index)
    }

    /// The SplitMix64 output function, also a good 64-bit hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound > 0), by multiply-high: no modulo bias worth the name, no loop.
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True `percent` times in 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

    mutating func pickOrNil<T>(_ values: [T], nilPercent: Int) -> T? {
        chance(nilPercent) ? nil : pick(values)
    }

    /// `count` decimal digits, the first one not zero.
    mutating func digits(_ count: Int) -> [UInt8] {
        var out = [UInt8(ascii: "1") + UInt8(below(9))]
        for _ in 1..<count { out.append(UInt8(ascii: "0") + UInt8(below(10))) }
        return out
    }

    /// 8-4-4-4-12 lowercase hexadecimal, version 4. `unique` fills the last 48 bits when given,
    /// so that UUIDs made from distinct numbers never collide.
    mutating func uuid(unique: UInt64? = nil) -> [UInt8] {
        let high = next(), low = next()
        var nibbles = [UInt8]()
        nibbles.reserveCapacity(32)
        for shift in stride(from: 60, through: 0, by: -4) { nibbles.append(UInt8((high >> UInt64(shift)) & 0xF)) }
        let tail = unique ?? (low & 0xFFFF_FFFF_FFFF)
        nibbles.append(UInt8((low >> 60) & 0xF))
        nibbles.append(UInt8((low >> 56) & 0xF))
        nibbles.append(UInt8((low >> 52) & 0xF))
        nibbles.append(UInt8((low >> 48) & 0xF))
        for shift in stride(from: 44, through: 0, by: -4) { nibbles.append(UInt8((tail >> UInt64(shift)) & 0xF)) }
        nibbles[12] = 4
        nibbles[16] = 8 | (nibbles[16] & 3)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, n) in nibbles.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            out.append(n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") + n - 10)
        }
        return out
    }

    /// A bijection of 0..<2^48: scrambles a passage number into a UUID tail that stays unique.
    static func scramble48(_ value: UInt64, key: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << 48) - 1
        var x = (value ^ key) & mask
        x = (x &* 0x9E37_79B9_7F4B) & mask
        x ^= x >> 23
        x = (x &* 0xD6E8_FEB8_6659) & mask
        x ^= x >> 19
        return x
    }
}
