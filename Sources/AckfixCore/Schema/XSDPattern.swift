/// The subset of XSD regular expressions the deposit schema uses (literals, escapes, character
/// classes, groups with alternation, `{n}` / `{n,m}` / `?` / `*` / `+`), compiled once and matched
/// against whole values. A general regex engine would cost microseconds per date; this costs
/// nanoseconds, and dates come by the million.
public struct XSDPattern: Sendable {
    public let source: String
    private let root: Node

    private indirect enum Node: Sendable {
        case byteSet([Bool])          // 256 entries
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int)
    }

    public init(_ source: String) {
        self.source = source
        var p = Parser(bytes: Array(source.utf8))
        root = p.parseAlternation()
    }

    /// Whether the whole value matches (XSD patterns are implicitly anchored).
    public func matches(_ value: String) -> Bool { matches(Array(value.utf8)[...]) }

    func matches(_ bytes: [UInt8]) -> Bool { matches(bytes[...]) }

    func matches(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { s in Self.match(root, s, 0) { $0 == s.count } }
    }

    /// Continuation-passing backtracking: `next` decides whether the rest matches from a position.
    private static func match(_ node: Node, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ next: (Int) -> Bool) -> Bool {
        switch node {
        case .byteSet(let set):
            return i < s.count && set[Int(s[i])] && next(i + 1)
        case .sequence(let nodes):
            return matchSequence(nodes[...], s, i, next)
        case .alternation(let options):
            return options.contains { match($0, s, i, next) }
        case .repeated(let inner, let min, let max):
            return matchRepeat(inner, min, max, s, i, 0, next)
        }
    }

    private static func matchSequence(_ nodes: ArraySlice<Node>, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ next: (Int) -> Bool) -> Bool {
        guard let first = nodes.first else { return next(i) }
        return match(first, s, i) { j in matchSequence(nodes.dropFirst(), s, j, next) }
    }

    private static func matchRepeat(_ node: Node, _ min: Int, _ max: Int, _ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int,
                                    _ next: (Int) -> Bool) -> Bool {
        // Greedy: try one more first, then stop if the minimum is reached.
        if count < max, match(node, s, i, { j in j > i && matchRepeat(node, min, max, s, j, count + 1, next) }) {
            return true
        }
        return count >= min && next(i)
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func parseAlternation() -> Node {
            var options = [parseSequence()]
            while i < bytes.count, bytes[i] == UInt8(ascii: "|") {
                i += 1
                options.append(parseSequence())
            }
            return options.count == 1 ? options[0] : .alternation(options)
        }

        mutating func parseSequence() -> Node {
            var nodes: [Node] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: "|"), bytes[i] != UInt8(ascii: ")") {
                var atom = parseAtom()
                atom = parseQuantifier(atom)
                nodes.append(atom)
            }
            return nodes.count == 1 ? nodes[0] : .sequence(nodes)
        }

        mutating func parseAtom() -> Node {
            let c = bytes[i]
            i += 1
            switch c {
            case UInt8(ascii: "("):
                let inner = parseAlternation()
                if i < bytes.count, bytes[i] == UInt8(ascii: ")") { i += 1 }
                return inner
            case UInt8(ascii: "["):
                return parseClass()
            case UInt8(ascii: "\\"):
                return .byteSet(escape())
            case UInt8(ascii: "."):
                var set = [Bool](repeating: true, count: 256)
                set[0x0A] = false
                set[0x0D] = false
                return .byteSet(set)
            default:
                var set = [Bool](repeating: false, count: 256)
                set[Int(c)] = true
                return .byteSet(set)
            }
        }

        mutating func escape() -> [Bool] {
            let e = bytes[i]
            i += 1
            var set = [Bool](repeating: false, count: 256)
            if e == UInt8(ascii: "d") {
                for d in UInt8(ascii: "0")...UInt8(ascii: "9") { set[Int(d)] = true }
            } else {
                set[Int(e)] = true
            }
            return set
        }

        mutating func parseClass() -> Node {
            var set = [Bool](repeating: false, count: 256)
            var negate = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "^") {
                negate = true
                i += 1
            }
            while i < bytes.count, bytes[i] != UInt8(ascii: "]") {
                let lo = bytes[i]
                i += 1
                if lo == UInt8(ascii: "\\") {
                    let e = escape()
                    for k in 0..<256 where e[k] { set[k] = true }
                    continue
                }
                if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] != UInt8(ascii: "]") {
                    let hi = bytes[i + 1]
                    i += 2
                    if lo <= hi { for k in lo...hi { set[Int(k)] = true } }
                } else {
                    set[Int(lo)] = true
                }
            }
            i += 1
            if negate { set = set.map { !$0 } }
            return .byteSet(set)
        }

        mutating func parseQuantifier(_ atom: Node) -> Node {
            guard i < bytes.count else { return atom }
            switch bytes[i] {
            case UInt8(ascii: "?"): i += 1; return .repeated(atom, min: 0, max: 1)
            case UInt8(ascii: "*"): i += 1; return .repeated(atom, min: 0, max: Int.max)
            case UInt8(ascii: "+"): i += 1; return .repeated(atom, min: 1, max: Int.max)
            case UInt8(ascii: "{"):
                i += 1
                let min = number()
                var max = min
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    max = bytes[i] == UInt8(ascii: "}") ? Int.max : number()
                }
                i += 1
                return .repeated(atom, min: min, max: max)
            default:
                return atom
            }
        }

        mutating func number() -> Int {
            var n = 0
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                n = n * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                i += 1
            }
            return n
        }
    }
}
