/// Finds, in one pass over a deposit, the element at each place a rejection report names (line and
/// column as the CDC's validator gives them: usually just past a tag), and where personal values
/// sit on those lines so that the line can be shown masked.
final class ErrorLocator: XMLStreamHandler {
    struct Place: Hashable { let line: Int; let column: Int }

    struct Found {
        var elementPath: [String] = []
        var passageID: String?
        var certificationCode: String?
    }

    // Unowned: a weak reference would put the parser on the slow reference-counting path.
    private unowned(unsafe) var parser: XMLStreamParser?
    private var pending: [Place]
    private let lines: Set<Int>
    private let lastLine: Int
    private(set) var found: [Place: Found] = [:]
    /// Byte ranges of personal values on the lines of interest.
    private(set) var personalRanges: [Range<Int>] = []

    private var stack: [(name: String, tag: XMLStartTag, hasChildren: Bool)] = []
    private var text: [UInt8] = []
    private var passageID: String?
    private var certificationCode: String?

    init(places: [Place]) {
        pending = places.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        lines = Set(places.map(\.line))
        lastLine = places.map(\.line).max() ?? 0
    }

    func attach(to parser: XMLStreamParser) { self.parser = parser }

    private var active: Bool { !pending.isEmpty || (parser?.currentLine ?? 0) <= lastLine }

    func startElement(_ tag: XMLStartTag) {
        if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
        stack.append((tag.name.localName, tag, false))
        text.removeAll(keepingCapacity: true)
        if tag.name.localName == "passageCertification" { passageID = nil }
        if tag.name.localName == "certification" { certificationCode = nil }
        reached(offset: tag.tagEnd, line: tag.line)
    }

    func characters(_ chunk: UnsafeRawBufferPointer) {
        if text.count < 512 { text.append(contentsOf: chunk.prefix(512 - text.count)) }
    }

    func endElement(_ end: XMLEndTag) {
        guard let top = stack.last else { return }
        if !top.hasChildren {
            let value = String(decoding: text, as: UTF8.self).trimmingWhitespace()
            if top.name == "idTechnique" { passageID = value }
            if top.name == "code", stack.count >= 2, stack[stack.count - 2].name == "certification" { certificationCode = value }
            if DepositFields.isPersonal(top.name), lines.contains(top.tag.line) {
                personalRanges.append(top.tag.tagEnd..<end.tagStart)
            }
        }
        reached(offset: end.tagEnd, line: top.tag.line)
        stack.removeLast()
        text.removeAll(keepingCapacity: true)
    }

    /// An event ends at `offset`: every pending place at or after it may be this element's.
    private func reached(offset: Int, line: Int) {
        guard !pending.isEmpty, line + 1 >= pending[0].line, let parser,
              let (l, c) = parser.location(ofOffset: offset) else { return }
        let here = Place(line: l, column: c)
        for place in pending where (here.line, here.column) <= (place.line, place.column) {
            found[place] = Found(elementPath: stack.map(\.name), passageID: passageID, certificationCode: certificationCode)
        }
        // A place is settled once the stream has gone past it.
        pending.removeAll { (here.line, here.column) > ($0.line, $0.column) }
    }
}

/// Keeps the text of a few lines of the decoded stream, for display.
final class LineCapture {
    private let wanted: Set<Int>
    private var line = 1
    private var offset = 0
    private(set) var lines: [Int: (start: Int, bytes: [UInt8])] = [:]
    static let maximumLength = 240

    private let lastWanted: Int

    init(lines: Set<Int>) {
        wanted = lines
        lastWanted = lines.max() ?? 0
    }

    func consume(_ chunk: [UInt8]) {
        guard line <= lastWanted else { return }
        for b in chunk {
            if b == 0x0A {
                line += 1
            } else if wanted.contains(line) {
                if lines[line] == nil { lines[line] = (offset, []) }
                if lines[line]!.bytes.count < Self.maximumLength, b != 0x0D { lines[line]!.bytes.append(b) }
            }
            offset += 1
        }
    }

    /// The line's text with the given byte ranges replaced by the mask.
    func text(of n: Int, masking ranges: [Range<Int>]) -> String? {
        guard let (start, bytes) = lines[n] else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if let r = ranges.first(where: { $0.contains(start + i) }) {
                out.append(contentsOf: Array(Privacy.mask.utf8))
                i = r.upperBound - start
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
