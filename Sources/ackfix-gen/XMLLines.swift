/// One element per line, indented by `indentWidth` spaces per level (none when compact).
/// Values are written as given: callers pass text that is already XML (see `Word`).
struct XMLLines {
    let out: OutputFile
    /// "cpf:" in deposits; empty in reports, whose elements are in no namespace.
    let prefix: StaticString
    let indentWidth: Int
    private var depth = 0
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 256)

    init(out: OutputFile, prefix: StaticString, indentWidth: Int, compact: Bool) {
        self.out = out
        self.prefix = prefix
        self.indentWidth = compact ? 0 : indentWidth
    }

    private func indent() {
        let width = min(depth * indentWidth, Self.spaces.count)
        if width > 0 { Self.spaces.withUnsafeBytes { out.write(UnsafeRawBufferPointer(rebasing: $0[..<width])) } }
    }

    private func startTag(_ name: StaticString) {
        out.write(byte: UInt8(ascii: "<"))
        out.write(prefix)
        out.write(name)
        out.write(byte: UInt8(ascii: ">"))
    }

    private func endTag(_ name: StaticString) {
        out.write("</")
        out.write(prefix)
        out.write(name)
        out.write(">\n")
    }

    /// `attributes`, if any, starts with a space: ` xmlns:cpf="…"`.
    mutating func open(_ name: StaticString, attributes: StaticString = "") {
        indent()
        out.write(byte: UInt8(ascii: "<"))
        out.write(prefix)
        out.write(name)
        out.write(attributes)
        out.write(">\n")
        depth += 1
    }

    mutating func close(_ name: StaticString) {
        depth -= 1
        indent()
        endTag(name)
    }

    func element(_ name: StaticString, _ value: StaticString) {
        indent()
        startTag(name)
        out.write(value)
        endTag(name)
    }

    func element(_ name: StaticString, _ value: [UInt8]) {
        indent()
        startTag(name)
        out.write(value)
        endTag(name)
    }

    /// An element whose text the caller writes to `out` between the two calls, e.g. a message
    /// made of fixed wording and an idTechnique.
    func begin(_ name: StaticString) {
        indent()
        startTag(name)
    }

    func end(_ name: StaticString) { endTag(name) }

    func element(_ name: StaticString, _ number: Int, width: Int = 1) {
        indent()
        startTag(name)
        out.write(number, width: width)
        endTag(name)
    }

    func element(_ name: StaticString, _ value: Bool) {
        element(name, value ? "true" : "false")
    }

    func element(_ name: StaticString, _ day: Day) {
        let (year, month, dayOfMonth) = day.civil
        indent()
        startTag(name)
        out.write(year, width: 4)
        out.write(byte: UInt8(ascii: "-"))
        out.write(month, width: 2)
        out.write(byte: UInt8(ascii: "-"))
        out.write(dayOfMonth, width: 2)
        endTag(name)
    }

    /// A required element without a value (« obligatoire sauf nil »).
    func nilElement(_ name: StaticString) {
        indent()
        out.write(byte: UInt8(ascii: "<"))
        out.write(prefix)
        out.write(name)
        out.write(" xsi:nil=\"true\"/>\n")
    }

    func empty(_ name: StaticString) {
        indent()
        out.write(byte: UInt8(ascii: "<"))
        out.write(prefix)
        out.write(name)
        out.write("/>\n")
    }
}
