#if canImport(Glibc)
import Glibc
#endif

/// Where each idTechnique first appears among a report's refused passages: an open-addressing
/// table of positions (4 bytes a slot, at most three quarters full, sized to the count rather than
/// to a power of two) over the ids kept end to end, so that joining 200,000 refusals to a deposit
/// takes a few megabytes. A slot also holds 7 more bits of its id's hash: most of a deposit's
/// passages are not refused, and their lookups then stop without comparing ids.
final class RefusedIndex {
    /// The ids, in report order.
    let ids: IDStore
    /// Empty: -1; else the tag in bits 24 to 30 and the position below (the position alone, and no
    /// tag, past 2²⁴ refusals).
    private var slots: [Int32]
    private let positionMask: Int32
    /// Positions whose id an earlier refusal already has (a report may list an id twice).
    private(set) var repeats: Set<Int> = []

    /// Whether the id at `i` was already listed (asked for every refused passage: most reports
    /// have no repeat, and an empty set still hashes what it is asked).
    func isRepeat(_ i: Int) -> Bool { !repeats.isEmpty && repeats.contains(i) }

    init(ids: IDStore) {
        self.ids = ids
        let count = ids.count
        slots = [Int32](repeating: -1, count: max(16, count + count / 3 + 1))
        positionMask = count < 1 << 24 ? (1 << 24) - 1 : .max
        for i in 0..<count { insert(ids[i], at: i) }
    }

    /// Lets the table go once no more lookups are needed (a repair keeps only the ids after the
    /// deposit's read).
    func dropTable() { slots = [] }

    /// How many refused passages (ids listed twice included).
    var count: Int { ids.count }

    func id(at i: Int) -> String { ids[i] }

    /// Position of the first refused passage with this id.
    func firstIndex(of id: String) -> Int? {
        precondition(!slots.isEmpty, "lookup after the table was let go")
        let (home, tag) = place(of: id)
        var slot = home
        while slots[slot] >= 0 {
            if slots[slot] & ~positionMask == tag {
                let i = Int(slots[slot] & positionMask)
                if ids.hasID(id, at: i) { return i }
            }
            slot = slot + 1 == slots.count ? 0 : slot + 1
        }
        return nil
    }

    private func insert(_ id: String, at i: Int) {
        guard firstIndex(of: id) == nil else {
            repeats.insert(i)
            return
        }
        let (home, tag) = place(of: id)
        var slot = home
        while slots[slot] >= 0 { slot = slot + 1 == slots.count ? 0 : slot + 1 }
        slots[slot] = tag | Int32(i)
    }

    /// The slot where the id's probe starts (the hash scaled to the table: multiply and keep the
    /// high word, no power of two needed), and its tag (low bits of the hash, which the scaling
    /// hardly uses).
    private func place(of id: String) -> (home: Int, tag: Int32) {
        let hash = UInt64(UInt(bitPattern: UTF8Key(id).hashValue))
        let home = Int(hash.multipliedFullWidth(by: UInt64(slots.count)).high)
        return (home, Int32(truncatingIfNeeded: hash << 24) & ~positionMask & .max)
    }
}

/// Strings kept as their UTF-8 bytes end to end, with where each ends: 200,000 ids in a few
/// megabytes, where as many `String`s longer than 15 bytes would each be an allocation. The bytes
/// are held in blocks of 64 KiB, a string never split: one array grown by doubling would hold up
/// to twice what it needs (4 MiB for the 2.9 MB of 200,000 ids) and, while growing, both copies.
/// Filled once, then only read (a value that shares one copies it before appending).
final class IDStore: @unchecked Sendable {
    private static let blockSize = 1 << 16
    private var blocks: [[UInt8]] = []
    /// Where each block starts among all the bytes.
    private var blockStarts: [Int] = []
    private var byteCount = 0
    /// Where each string ends, modulo 2³²: half the memory of full offsets.
    private var ends = Chunks<UInt32>()
    /// The strings whose end has wrapped past one more multiple of 2³² (none below 4 GiB of them).
    private var wraps: [Int] = []

    var count: Int { ends.count }

    func append(_ s: String) {
        let before = byteCount
        let utf8 = s.utf8
        if blocks.isEmpty || blocks[blocks.count - 1].count + utf8.count > blocks[blocks.count - 1].capacity {
            var block: [UInt8] = []
            block.reserveCapacity(max(Self.blockSize, utf8.count))
            blocks.append(block)
            blockStarts.append(byteCount)
        }
        blocks[blocks.count - 1].append(contentsOf: utf8)
        byteCount += utf8.count
        if before >> 32 != byteCount >> 32 { wraps.append(ends.count) }
        ends.append(UInt32(truncatingIfNeeded: byteCount))
    }

    private func end(_ i: Int) -> Int {
        var high = 0
        if !wraps.isEmpty { high = wraps.prefix { $0 <= i }.count }
        return high << 32 | Int(ends[i])
    }

    /// The string's bytes: its block, and where it lies in it.
    private func place(_ i: Int) -> (block: Int, range: Range<Int>) {
        let range = (i == 0 ? 0 : end(i - 1))..<end(i)
        guard !range.isEmpty else { return (0, 0..<0) }
        // The last block whose start is at or before the string's.
        var (low, high) = (0, blockStarts.count)
        while high - low > 1 {
            let middle = (low + high) / 2
            if blockStarts[middle] <= range.lowerBound { low = middle } else { high = middle }
        }
        return (low, (range.lowerBound - blockStarts[low])..<(range.upperBound - blockStarts[low]))
    }

    subscript(i: Int) -> String {
        let (block, range) = place(i)
        return range.isEmpty ? "" : String(decoding: blocks[block][range], as: UTF8.self)
    }

    func hasID(_ id: String, at i: Int) -> Bool {
        let (block, range) = place(i)
        var id = id
        return id.withUTF8 { given in
            given.count == range.count && (range.isEmpty || blocks[block].withUnsafeBufferPointer { stored in
                memcmp(stored.baseAddress! + range.lowerBound, given.baseAddress!, range.count) == 0
            })
        }
    }

    func copy() -> IDStore {
        let c = IDStore()
        c.blocks = blocks
        c.blockStarts = blockStarts
        c.byteCount = byteCount
        c.ends = ends
        c.wraps = wraps
        return c
    }
}
