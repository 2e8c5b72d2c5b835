/// Finds, on the schema side of a check, the passage a violation or a fix lies in: it notes the
/// byte range, idTechnique and certification of each passage in which the other handlers of its
/// read found something (only those, so memory does not grow with the file).
final class PassageLocator: XMLStreamHandler {
    struct Located {
        let range: Range<Int>
        let idTechnique: String?
        let certificationIndex: Int?
    }
    private(set) var located: [Located] = []

    /// How many findings the other handlers have so far; passages are kept when it moves.
    private let findings: () -> Int
    private var depth = 0
    private var passageDepth: Int?
    private var passageStart = 0
    private var findingsAtStart = 0
    private var certificationIndex = -1
    private var idText: [UInt8]?
    private var inID = false

    init(findings: @escaping () -> Int) { self.findings = findings }

    func startElement(_ tag: XMLStartTag) {
        depth += 1
        switch tag.name.localName {
        case "certification" where passageDepth == nil:
            certificationIndex += 1
        case "passageCertification" where passageDepth == nil:
            passageDepth = depth
            passageStart = tag.tagStart
            findingsAtStart = findings()
            idText = nil
        case "idTechnique" where passageDepth.map { $0 + 1 == depth } ?? false && idText == nil:
            idText = []
            inID = true
        default:
            break
        }
    }

    func characters(_ text: UnsafeRawBufferPointer) {
        if inID { idText!.append(text, upTo: 256) }
    }

    func endElement(_ tag: XMLEndTag) {
        inID = false
        if depth == passageDepth {
            passageDepth = nil
            // Handlers before this one in the fan-out have seen this end tag already.
            if findings() != findingsAtStart {
                located.append(Located(range: passageStart..<tag.tagEnd,
                                       idTechnique: idText.map { String(decoding: $0, as: UTF8.self).trimmingWhitespace() },
                                       certificationIndex: certificationIndex < 0 ? nil : certificationIndex))
            }
        }
        depth -= 1
    }

    /// The passage holding this offset, if one had findings.
    func passage(containing offset: Int) -> Located? {
        var lo = 0
        var hi = located.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if located[mid].range.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < located.count && located[lo].range.contains(offset) ? located[lo] : nil
    }
}
