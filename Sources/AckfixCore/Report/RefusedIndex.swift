/// Where each idTechnique first appears among a report's refused passages: an open-addressing
/// table of positions (4 bytes a slot, at most three quarters full, sized to the count rather than
/// to a power of two) over the ids kept end to end, each hit checked against the id itself, so that
/// joining 200,000 refusals to a deposit takes a few megabytes.
final class RefusedIndex {
    /// The ids, in report order.
    let ids: IDStore
    private var slots: [Int32]
    /// Positions whose id an earlier refusal already has (a report may list an id twice).
    private(set) var repeats: Set<Int> = []

    init(ids: IDStore) {
        self.ids = ids
        slots = Self.slots(count: ids.count)
        for i in 0..<ids.count { insert(ids[i], at: i) }
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
        var slot = home(of: id)
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if ids.hasID(id, at: i) { return i }
            slot = slot + 1 == slots.count ? 0 : slot + 1
        }
        return nil
    }

    private static func slots(count: Int) -> [Int32] {
        [Int32](repeating: -1, count: max(16, count + count / 3 + 1))
    }

    private func insert(_ id: String, at i: Int) {
        guard firstIndex(of: id) == nil else {
            repeats.insert(i)
            return
        }
        var slot = home(of: id)
        while slots[slot] >= 0 { slot = slot + 1 == slots.count ? 0 : slot + 1 }
        slots[slot] = Int32(i)
    }

    /// The hash scaled to the table (multiply and keep the high word: no power of two needed).
    private func home(of id: String) -> Int {
        let hash = UInt64(UInt(bitPattern: UTF8Key(id).hashValue))
        return Int(hash.multipliedFullWidth(by: UInt64(slots.count)).high)
    }
}

/// Strings kept as their UTF-8 bytes end to end, with where each ends: 200,000 ids in a few
/// megabytes, where as many `String`s longer than 15 bytes would each be an allocation.
/// Filled once, then only read (a value that shares one copies it before appending).
final class IDStore: @unchecked Sendable {
    private var bytes: [UInt8] = []
    /// Where each string ends, modulo 2³²: half the memory of full offsets.
    private var ends: [UInt32] = []
    /// The strings whose end has wrapped past one more multiple of 2³² (none below 4 GiB of them).
    private var wraps: [Int] = []

    var count: Int { ends.count }

    func append(_ s: String) {
        let before = bytes.count
        bytes.append(contentsOf: s.utf8)
        if before >> 32 != bytes.count >> 32 { wraps.append(ends.count) }
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    private func end(_ i: Int) -> Int {
        var high = 0
        if !wraps.isEmpty { high = wraps.prefix { $0 <= i }.count }
        return high << 32 | Int(ends[i])
    }

    private func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : end(i - 1))..<end(i) }

    subscript(i: Int) -> String { String(decoding: bytes[range(i)], as: UTF8.self) }

    func hasID(_ id: String, at i: Int) -> Bool { bytes[range(i)].elementsEqual(id.utf8) }

    func copy() -> IDStore {
        let c = IDStore()
        c.bytes = bytes
        c.ends = ends
        c.wraps = wraps
        return c
    }
}
