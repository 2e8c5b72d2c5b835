/// Where each idTechnique first appears among a report's refused passages: an open-addressing
/// table of positions (4 bytes a slot), each hit checked against the report's own id, so that
/// joining 200,000 refusals to a deposit takes about 1 MB.
struct RefusedIndex {
    private let refused: [ProcessingReport.RefusedPassage]
    private var slots: [Int32]

    init(_ refused: [ProcessingReport.RefusedPassage]) {
        self.refused = refused
        var size = 16
        while size * 3 < refused.count * 4 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        for (i, r) in refused.enumerated() where firstIndex(of: r.idTechnique) == nil {
            var slot = Self.hash(r.idTechnique) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(i)
        }
    }

    /// Position of the first refused passage with this id.
    func firstIndex(of id: String) -> Int? {
        var slot = Self.hash(id) & (slots.count - 1)
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if refused[i].idTechnique.utf8.elementsEqual(id.utf8) { return i }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func hash(_ id: String) -> Int {
        var h = Hasher()
        for b in id.utf8 { h.combine(b) }
        return h.finalize()
    }
}
