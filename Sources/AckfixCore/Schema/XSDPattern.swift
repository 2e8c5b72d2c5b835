/// The subset of XSD regular expressions the deposit schema uses (literals, escapes, character
/// classes, groups with alternation, `{n}` / `{n,m}` / `?` / `*` / `+`), compiled once into a
/// byte automaton and matched against whole values: one table read per byte, and dates come by
/// the million.
public struct XSDPattern: Sendable {
    /// The schema's date and horodatage patterns, compiled once for the checks outside the validator.
    static let date = XSDPattern(DepositSchema.datePattern)
    static let horodatage = XSDPattern(DepositSchema.horodatagePattern)

    public let source: String
    /// Transitions: `next[state * 256 + byte]`, -1 when the value cannot match any more.
    private let next: [Int32]
    private let accepting: [Bool]

    private indirect enum Node: Sendable {
        case byteSet([Bool])          // 256 entries
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int)
    }

    public init(_ source: String) {
        self.source = source
        var p = Parser(bytes: Array(source.utf8))
        var nfa = NFA()
        let start = nfa.compile(p.parseAlternation(), then: nfa.add(.match))
        (next, accepting) = nfa.determinize(from: start)
    }

    /// Whether the whole value matches (XSD patterns are implicitly anchored).
    public func matches(_ value: String) -> Bool { matches(Array(value.utf8)[...]) }

    func matches(_ bytes: [UInt8]) -> Bool { matches(bytes[...]) }

    func matches(_ bytes: ArraySlice<UInt8>) -> Bool {
        next.withUnsafeBufferPointer { table in
            var state = 0
            for b in bytes {
                state = Int(table[state &* 256 &+ Int(b)])
                if state < 0 { return false }
            }
            return accepting[state]
        }
    }

    /// A Thompson automaton, built backwards (each piece knows the state that follows it).
    private struct NFA {
        enum State {
            case bytes([Bool], next: Int)
            case split(Int, Int)
            case match
        }
        var states: [State] = []

        mutating func add(_ s: State) -> Int {
            states.append(s)
            return states.count - 1
        }

        /// The state that starts `node`, followed by `then`.
        mutating func compile(_ node: Node, then: Int) -> Int {
            switch node {
            case .byteSet(let set):
                return add(.bytes(set, next: then))
            case .sequence(let nodes):
                return nodes.reversed().reduce(then) { compile($1, then: $0) }
            case .alternation(let options):
                let starts = options.map { compile($0, then: then) }
                return starts.dropFirst().reduce(starts[0]) { add(.split($0, $1)) }
            case .repeated(let inner, let min, let max):
                var start = then
                if max == Int.max {
                    // A loop: the split is patched once the body exists.
                    let loop = add(.split(-1, then))
                    let body = compile(inner, then: loop)
                    states[loop] = .split(body, then)
                    start = loop
                } else {
                    for _ in min..<max { start = add(.split(compile(inner, then: start), then)) }
                }
                for _ in 0..<min { start = compile(inner, then: start) }
                return start
            }
        }

        private func closure(_ seeds: [Int]) -> [Int] {
            var seen = Set<Int>()
            var stack = seeds
            while let s = stack.popLast() {
                guard seen.insert(s).inserted else { continue }
                if case .split(let a, let b) = states[s] { stack += [a, b] }
            }
            return seen.sorted()
        }

        /// Subset construction: one deterministic state per set of automaton states.
        func determinize(from start: Int) -> (next: [Int32], accepting: [Bool]) {
            var sets = [closure([start])]
            var index = [sets[0]: 0]
            var next: [Int32] = []
            var accepting: [Bool] = []
            var k = 0
            while k < sets.count {
                let set = sets[k]
                accepting.append(set.contains { if case .match = states[$0] { return true } else { return false } })
                for b in 0..<256 {
                    var targets: [Int] = []
                    for s in set { if case .bytes(let allowed, let n) = states[s], allowed[b] { targets.append(n) } }
                    guard !targets.isEmpty else { next.append(-1); continue }
                    let target = closure(targets)
                    if let existing = index[target] {
                        next.append(Int32(existing))
                    } else {
                        precondition(sets.count < 10_000, "pattern too complex for its automaton")
                        index[target] = sets.count
                        next.append(Int32(sets.count))
                        sets.append(target)
                    }
                }
                k += 1
            }
            return (next, accepting)
        }
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
