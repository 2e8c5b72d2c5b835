/// Where each idTechnique first appears among a report's refused passages: an open-addressing
/// table of positions (4 bytes a slot) over the ids kept end to end, each hit checked against the
/// id itself, so that joining 200,000 refusals to a deposit takes a few megabytes.
struct RefusedIndex {
    /// The ids, in report order.
    let ids: IDStore
    private var slots: [Int32]

    init(ids: IDStore) {
        self.ids = ids
        slots = Self.slots(count: ids.count)
        for i in 0..<ids.count { insert(ids[i], at: i) }
    }

    /// How many refused passages (ids listed twice included).
    var count: Int { ids.count }

    func id(at i: Int) -> String { ids[i] }

    /// Position of the first refused passage with this id.
    func firstIndex(of id: String) -> Int? {
        var slot = Self.hash(id) & (slots.count - 1)
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if ids.hasID(id, at: i) { return i }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func slots(count: Int) -> [Int32] {
        var size = 16
        while size * 3 < count * 4 { size *= 2 }
        return [Int32](repeating: -1, count: size)
    }

    private mutating func insert(_ id: String, at i: Int) {
        guard firstIndex(of: id) == nil else { return }
        var slot = Self.hash(id) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(i)
    }

    private static func hash(_ id: String) -> Int { UTF8Key(id).hashValue }
}

/// Strings kept as their UTF-8 bytes end to end, with where each ends: 200,000 ids in a few
/// megabytes, where as many `String`s longer than 15 bytes would each be an allocation.
/// Filled once, then only read (a value that shares one copies it before appending).
final class IDStore: @unchecked Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        ends.append(bytes.count)
    }

    private func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    subscript(i: Int) -> String { String(decoding: bytes[range(i)], as: UTF8.self) }

    func hasID(_ id: String, at i: Int) -> Bool { bytes[range(i)].elementsEqual(id.utf8) }

    func copy() -> IDStore {
        let c = IDStore()
        c.bytes = bytes
        c.ends = ends
        return c
    }
}
