/// A small streaming JSON writer: keys stay in the order written, nothing is held in memory.
public final class JSONWriter {
    private let sink: TextSink
    private var needsComma: [Bool] = [false]
    private var afterKey = false
    private let indentUnit = "  "

    public init(sink: TextSink) { self.sink = sink }

    private var indents: [String] = [""]
    private var indent: String {
        let depth = needsComma.count - 1
        while indents.count <= depth { indents.append(indents.last! + indentUnit) }
        return indents[depth]
    }

    private func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma[needsComma.count - 1] { sink.write(",") }
        if needsComma.count > 1 {
            sink.write("\n")
            sink.write(indent)
        }
        needsComma[needsComma.count - 1] = true
    }

    public func beginObject() {
        beforeValue()
        sink.write("{")
        needsComma.append(false)
    }

    public func endObject() {
        let hadItems = needsComma.removeLast()
        sink.write(hadItems ? "\n" + indent + "}" : "}")
        if needsComma.count == 1 { sink.write("\n") }
    }

    public func beginArray() {
        beforeValue()
        sink.write("[")
        needsComma.append(false)
    }

    public func endArray() {
        let hadItems = needsComma.removeLast()
        sink.write(hadItems ? "\n" + indent + "]" : "]")
    }

    public func key(_ k: String) {
        beforeValue()
        writeQuoted(k)
        sink.write(": ")
        afterKey = true
    }

    public func value(_ s: String?) {
        beforeValue()
        if let s { writeQuoted(s) } else { sink.write("null") }
    }

    private func writeQuoted(_ s: String) {
        // Most strings need no escape: write them whole. Their bytes are scanned in place.
        var s = s
        let plain = s.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        if plain {
            sink.write("\"")
            sink.write(s)
            sink.write("\"")
        } else {
            sink.write(Self.quoted(s))
        }
    }

    public func value(_ n: Int?) {
        beforeValue()
        sink.write(n.map(String.init) ?? "null")
    }

    public func value(_ b: Bool) {
        beforeValue()
        sink.write(b ? "true" : "false")
    }

    public func field(_ k: String, _ s: String?) { key(k); value(s) }
    public func field(_ k: String, _ n: Int?) { key(k); value(n) }
    public func field(_ k: String, _ b: Bool) { key(k); value(b) }
    public func field(_ k: String, strings: [String]) {
        key(k)
        beginArray()
        for s in strings { value(s) }
        endArray()
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
