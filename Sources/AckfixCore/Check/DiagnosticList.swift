/// The diagnostics of one file, stored compactly and read back as `Diagnostic` values: a large
/// deposit has tens of thousands of them, and most of their text (codes, paths, messages)
/// repeats, so memory stays small whatever the file's size.
public struct DiagnosticList: RandomAccessCollection, Sendable {
    /// One diagnostic: numbers, indices in the string pool (-1: none), and places in the text
    /// arena for the strings that seldom repeat.
    struct Record: Sendable {
        var line: Int32
        var column: Int32
        var code: Int32
        var slug: Int32
        var severity: Diagnostic.Severity
        var fixability: Diagnostic.Fixability
        /// In `fixKinds` (a kind is five strings: 105 bytes in each record).
        var fix: Int32
        var file: Int32
        var idTechnique: ArenaText
        var certification: Int32
        var elementPath: Int32
        var element: Int32
        var value: ArenaText
        var messageFR: Int32
        var messageEN: Int32
        var cdcWording: ArenaText
        var validatorCode: Int32
        var rangeStart: Int
        var rangeEnd: Int
        // The checker's own bookkeeping, kept with the diagnostic through the sort.
        var certificationIndex: Int32 = -1
        var passageIndex: Int32 = -1
        var edits: Int32 = -1
    }

    /// Appended in chunks, never moved: an array grown by doubling holds up to twice what it needs,
    /// and both copies while it grows (3.5 MB for the 16,000 diagnostics of a 200,000-passage file).
    private var records = Chunks<Record>()
    /// Once sorted, where each diagnostic's record is (the records stay where they were appended).
    private var order: [Int32]?
    private var pool = Pool<String>()
    private var fixKinds = Pool<FixKind>()
    /// Element paths as the arrays they are read back as (splitting them again for every
    /// diagnostic shown cost more than the rest of the text).
    private var paths = Pool<[String]>()
    private var arena = TextArena()
    /// The edits that fix a diagnostic, for `--fix`.
    private var editLists: [[ByteEdit]] = []

    public init() {}

    public init<S: Sequence>(_ diagnostics: S) where S.Element == Diagnostic {
        for d in diagnostics { append(d) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    private func place(_ i: Int) -> Int { order.map { Int($0[i]) } ?? i }

    public subscript(i: Int) -> Diagnostic {
        let r = record(i)
        return Diagnostic(
            code: pool[r.code]!, slug: pool[r.slug]!, severity: r.severity, file: pool[r.file]!, line: Int(r.line),
            column: Int(r.column), idTechnique: arena[r.idTechnique], certification: pool[r.certification],
            elementPath: paths[r.elementPath] ?? [],
            element: pool[r.element]!, value: arena[r.value], message: Localized(fr: pool[r.messageFR]!, en: pool[r.messageEN]!),
            cdcWording: arena[r.cdcWording], validatorCode: pool[r.validatorCode], fixability: r.fixability, fix: fixKinds[r.fix],
            elementRange: r.rangeStart < 0 ? nil : r.rangeStart..<r.rangeEnd)
    }

    mutating func append(_ d: Diagnostic, certificationIndex: Int? = nil, passageIndex: Int? = nil, edits: [ByteEdit] = []) {
        var r = Record(
            line: Int32(clamping: d.line), column: Int32(clamping: d.column), code: pool.add(d.code), slug: pool.add(d.slug),
            severity: d.severity, fixability: d.fixability, fix: fixKinds.add(d.fix), file: pool.add(d.file), idTechnique: arena.add(d.idTechnique),
            certification: pool.add(d.certification), elementPath: paths.add(d.elementPath),
            element: pool.add(d.element), value: arena.add(d.value), messageFR: pool.add(d.message.fr),
            messageEN: pool.add(d.message.en), cdcWording: arena.add(d.cdcWording), validatorCode: pool.add(d.validatorCode),
            rangeStart: d.elementRange?.lowerBound ?? -1, rangeEnd: d.elementRange?.upperBound ?? -1,
            certificationIndex: Int32(certificationIndex ?? -1), passageIndex: Int32(passageIndex ?? -1))
        if !edits.isEmpty {
            r.edits = Int32(editLists.count)
            editLists.append(edits)
        }
        order?.append(Int32(records.count))
        records.append(r)
    }

    // MARK: - The checker's bookkeeping

    private func record(_ i: Int) -> Record { records[place(i)] }

    func certificationIndex(at i: Int) -> Int? { record(i).certificationIndex < 0 ? nil : Int(record(i).certificationIndex) }
    func passageIndex(at i: Int) -> Int? { record(i).passageIndex < 0 ? nil : Int(record(i).passageIndex) }
    func elementRange(at i: Int) -> Range<Int>? { record(i).rangeStart < 0 ? nil : record(i).rangeStart..<record(i).rangeEnd }
    func edits(at i: Int) -> [ByteEdit] { record(i).edits < 0 ? [] : editLists[Int(record(i).edits)] }

    mutating func setCertification(_ label: String, at i: Int) { records[place(i)].certification = pool.add(label) }

    /// The fix engine mends this diagnostic with `edit`.
    mutating func addFix(_ kind: FixKind, edit: ByteEdit, at i: Int) {
        let p = place(i)
        records[p].fix = fixKinds.add(kind)
        records[p].fixability = kind.safety == .safe ? .safe : .unsafe
        if records[p].edits < 0 {
            records[p].edits = Int32(editLists.count)
            editLists.append([])
        }
        editLists[Int(records[p].edits)].append(edit)
    }

    /// In the order of the file: line, column, then code.
    mutating func sortByPlace() {
        let (pool, records) = (pool, records)
        order = indices.map { Int32(place($0)) }
        order!.sort { i, j in
            let (a, b) = (records[Int(i)], records[Int(j)])
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return pool[a.code]! < pool[b.code]!
        }
    }

    /// How many have this severity.
    func count(_ s: Diagnostic.Severity) -> Int { records.count(where: { $0.severity == s }) }
    func count(_ f: Diagnostic.Fixability) -> Int { records.count(where: { $0.fixability == f }) }
}

/// Values stored once each, named by index.
private struct Pool<Value: Hashable & Sendable>: Sendable {
    private var values: [Value] = []
    private var index: [Value: Int32] = [:]

    mutating func add(_ v: Value?) -> Int32 {
        guard let v else { return -1 }
        if let i = index[v] { return i }
        values.append(v)
        let i = Int32(values.count - 1)
        index[v] = i
        return i
    }

    subscript(i: Int32) -> Value? { i < 0 ? nil : values[Int(i)] }
}

/// Where a string lies in a `TextArena` (start -1: no string).
struct ArenaText: Sendable {
    let start: Int32
    let count: Int32
}

/// Strings that seldom repeat (ids, values), end to end in one buffer: no allocation each.
private struct TextArena: Sendable {
    private var bytes: [UInt8] = []

    mutating func add(_ s: String?) -> ArenaText {
        guard let s else { return ArenaText(start: -1, count: 0) }
        let start = Int32(clamping: bytes.count)
        bytes += s.utf8
        return ArenaText(start: start, count: Int32(clamping: bytes.count) - start)
    }

    subscript(t: ArenaText) -> String? {
        t.start < 0 ? nil : String(decoding: bytes[Int(t.start)..<Int(t.start + t.count)], as: UTF8.self)
    }
}
