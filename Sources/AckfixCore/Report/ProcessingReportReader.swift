/// Reads a processing report in one streaming pass (reports of 200,000 passages exist).
///
/// Element names are matched by local name, ignoring namespace and case: the CDC's own guide and
/// its files disagree on `PassagesKO` / `passagesKO`, and the `ns2` prefix it declares is unused.
public final class ProcessingReportReader: XMLStreamHandler {
    public static let maximumTextLength = 64 * 1024

    private enum Place {
        case rapport, header(String), koSection, koPassage, koID, koMessage
        case okSection, okID, okPassage, okPassageID, errors, error, errorField(String), ignored
    }

    // Unowned: a weak reference would put the parser on the slow reference-counting path.
    private unowned(unsafe) var parser: XMLStreamParser?
    private var stack: [Place] = []
    private var text: [UInt8] = []
    private var report = ProcessingReport(kind: .functional)
    private var sawErrors = false
    private var sawPassageSections = false
    private var passage: ProcessingReport.RefusedPassage?
    private var error: ProcessingReport.RejectionError?
    private var rootName: String?
    private var refusedIDs = Set<String>()
    private var sawRefusals = false
    private var acceptedBeforeRefusals: [String] = []

    /// When set, each refused passage is handed over as it ends instead of kept in the report (and
    /// the anomalies that compare refused ids, listed twice or both OK and KO, are not looked for):
    /// a caller that needs only some of each passage does not hold 200,000 of them at once. It gets
    /// the bytes of the id and of the first message, not decoded: a repair decodes them on another
    /// core while this one reads on.
    private let onRefused: ((_ id: [UInt8], _ firstMessage: [UInt8]?) -> Void)?
    // The passage being read, as bytes, when handed over (buffers reused from one to the next).
    private var idText: [UInt8] = []
    private var messageText: [UInt8] = []
    private var messageCount = 0

    init(onRefused: ((_ id: [UInt8], _ firstMessage: [UInt8]?) -> Void)? = nil) {
        self.onRefused = onRefused
    }

    public func attach(to parser: XMLStreamParser) { self.parser = parser }

    /// Reads the report at `path`, every refused passage in it.
    public static func read(path: String) throws(DocumentError) -> ProcessingReport {
        try read(path: path, onRefused: nil)
    }

    /// Reads the report at `path` (see `init(onRefused:)`).
    static func read(
        path: String, onRefused: ((_ id: [UInt8], _ firstMessage: [UInt8]?) -> Void)?
    ) throws(DocumentError) -> ProcessingReport {
        let reader = ProcessingReportReader(onRefused: onRefused)
        do {
            try DocumentStream.parse(path: path, handler: reader)
        } catch {
            // A wrong root stops the parse: report that rather than the stop itself.
            if let root = reader.rootName, root.lowercased() != "rapport" {
                throw DocumentError(path: path, kind: .wrongDocument(expected: .report, found: root))
            }
            throw error
        }
        guard let root = reader.rootName else {
            throw DocumentError(path: path, kind: .input(.empty))
        }
        guard root.lowercased() == "rapport" else {
            throw DocumentError(path: path, kind: .wrongDocument(expected: .report, found: root))
        }
        return reader.finished()
    }

    func finished() -> ProcessingReport {
        var r = report
        r.kind = sawErrors && (!r.errors.isEmpty || !sawPassageSections) ? .rejection : .functional
        for id in acceptedBeforeRefusals where refusedIDs.contains(id) {
            r.anomalies.append(.init(kind: .bothOKAndKO(id), line: 0))
        }
        return r
    }

    /// Each element name in lower case, by its id in the parse (names repeat for every passage).
    private var lowered: [String?] = []

    public func startElement(_ tag: XMLStartTag) {
        let id = tag.name.id
        if id >= lowered.count { lowered += Array(repeating: nil, count: id + 1 - lowered.count) }
        let name = lowered[id] ?? tag.name.localName.lowercased()
        lowered[id] = name
        text.clear()
        guard let parent = stack.last else {
            rootName = tag.name.localName
            if name != "rapport" {
                parser?.stop()
                return
            }
            stack.append(.rapport)
            return
        }
        let place: Place
        switch (parent, name) {
        case (.rapport, "nomfichier"), (.rapport, "idflux"), (.rapport, "idtraitement"), (.rapport, "iddemande"):
            place = .header(name)
        case (.rapport, "passagesko"):
            sawPassageSections = true
            place = .koSection
        case (.rapport, "passagesok"):
            sawPassageSections = true
            place = .okSection
        case (.rapport, "erreurs"):
            sawErrors = true
            place = .errors
        case (.koSection, "passage"):
            sawRefusals = true
            passage = .init(idTechnique: "", messages: [], line: tag.line)
            idText.removeAll(keepingCapacity: true)
            messageCount = 0
            place = .koPassage
        case (.koPassage, "idtechnique"): place = .koID
        case (.koPassage, "messageerreur"): place = .koMessage
        case (.okSection, "idtechnique"): place = .okID
        // Tolerated: an OK section shaped like the KO one.
        case (.okSection, "passage"): place = .okPassage
        case (.okPassage, "idtechnique"): place = .okPassageID
        case (.errors, "erreur"):
            error = .init(type: nil, message: "", line: nil, column: nil, reportLine: tag.line)
            place = .error
        case (.error, "type"), (.error, "message"), (.error, "ligne"), (.error, "colonne"):
            place = .errorField(name)
        default:
            place = .ignored
        }
        stack.append(place)
    }

    public func characters(_ chunk: UnsafeRawBufferPointer) {
        text.append(chunk, upTo: Self.maximumTextLength)
    }

    public func endElement(_ tag: XMLEndTag) {
        guard let place = stack.popLast() else { return }
        defer { text.clear() }
        // Made only where it is used: the end of a passage or a section holds only white space.
        var value: String { String(decoding: text, as: UTF8.self).collapsingWhitespace() }
        switch place {
        case .header("nomfichier"): report.nomFichier = value
        case .header("idflux"): report.idFlux = value
        case .header("idtraitement"): report.idTraitement = value
        case .header("iddemande"): report.idDemande = value
        case .koID:
            if onRefused != nil {
                idText.removeAll(keepingCapacity: true)
                idText += text
            } else {
                passage?.idTechnique = value
            }
        case .koMessage:
            if onRefused != nil {
                guard !Self.isBlank(text) else { break }
                messageCount += 1
                if messageCount == 1 {
                    messageText.removeAll(keepingCapacity: true)
                    messageText += text
                }
            } else {
                let message = value
                if !message.isEmpty { passage?.append(intern(message)) }
            }
        case .koPassage:
            if let onRefused, let p = passage {
                if Self.isBlank(idText) { report.anomalies.append(.init(kind: .passageWithoutID, line: p.line)) }
                if messageCount == 0 { report.anomalies.append(.init(kind: .passageWithoutMessage, line: p.line)) }
                onRefused(idText, messageCount > 0 ? messageText : nil)
            } else if let p = passage {
                if p.idTechnique.isEmpty { report.anomalies.append(.init(kind: .passageWithoutID, line: p.line)) }
                if !p.idTechnique.isEmpty, !refusedIDs.insert(p.idTechnique).inserted {
                    report.anomalies.append(.init(kind: .duplicateKO(p.idTechnique), line: p.line))
                }
                if p.messages.isEmpty { report.anomalies.append(.init(kind: .passageWithoutMessage, line: p.line)) }
                report.refused.append(p)
            }
            passage = nil
        case .okID, .okPassageID:
            let id = value
            guard !id.isEmpty else { break }
            report.acceptedCount += 1
            guard onRefused == nil else { break }
            // Reports list refusals first: an accepted id is checked at once; the others wait for the end.
            if refusedIDs.contains(id) {
                report.anomalies.append(.init(kind: .bothOKAndKO(id), line: 0))
            } else if !sawRefusals {
                acceptedBeforeRefusals.append(id)
            }
        case .errorField("type"): error?.type = value
        case .errorField("message"): error?.message = value
        case .errorField("ligne"): error?.line = number(value, element: "ligne")
        case .errorField("colonne"): error?.column = number(value, element: "colonne")
        case .error:
            if let e = error { report.errors.append(e) }
            error = nil
        default: break
        }
    }

    /// Whether the text is empty once its white space is collapsed, as `value` would make it.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        // A printable ASCII byte is content; anything else (a non-breaking space...) is decided by
        // the decoding itself.
        if bytes.contains(where: { $0 < 0x80 && !$0.isXMLWhitespaceByte }) { return false }
        return String(decoding: bytes, as: UTF8.self).collapsingWhitespace().isEmpty
    }

    // Identical messages share one string: most refusals repeat a handful of wordings.
    private var messages: Set<UTF8Key> = []

    private func intern(_ message: String) -> String {
        let key = UTF8Key(message)
        if let m = messages.firstIndex(of: key) { return messages[m].text }
        if messages.count < 10_000 { messages.insert(key) }
        return message
    }

    private func number(_ value: String, element: String) -> Int? {
        guard !value.isEmpty else { return nil }
        if let n = Int(value), n >= 0 { return n }
        report.anomalies.append(.init(kind: .unreadableNumber(element: element, value: value), line: parser?.currentLine ?? 0))
        return nil
    }
}
