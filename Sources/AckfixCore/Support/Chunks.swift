/// Values appended in chunks of 1,024, which never move: an array grown by doubling holds up to
/// twice what it needs, and both copies while it grows.
struct Chunks<Element: Sendable>: Sendable {
    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ e: Element) {
        if count & 1023 == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(1024)
        }
        chunks[chunks.count - 1].append(e)
        count += 1
    }

    subscript(i: Int) -> Element {
        get { chunks[i >> 10][i & 1023] }
        set { chunks[i >> 10][i & 1023] = newValue }
    }

    func count(where matches: (Element) -> Bool) -> Int {
        chunks.reduce(0) { n, chunk in n + chunk.reduce(0) { $0 + (matches($1) ? 1 : 0) } }
    }
}
