/// Builds the explanation of a processing report, joined to its deposit when there is one.
public enum Explainer {
    public struct Options: Sendable {
        public var depositPath: String?
        public var privacy: Privacy
        public init(depositPath: String? = nil, privacy: Privacy = Privacy(showPersonalData: false)) {
            self.depositPath = depositPath
            self.privacy = privacy
        }
    }

    public static func explain(reportPath: String, options: Options, progress: ProgressObserver? = nil) throws(DocumentError) -> Explanation {
        let report = try ProcessingReportReader.read(path: reportPath)
        let kind = report.kind
        switch kind {
        // Consumed: the report's refused passages are let go once explained, not held here.
        case .functional: return try functional(consume report, reportPath: reportPath, options: options, progress: progress)
        case .rejection: return try rejection(report, reportPath: reportPath, options: options, progress: progress)
        }
    }

    // MARK: - Functional report

    private static func functional(
        _ report: consuming ProcessingReport, reportPath: String, options: Options, progress: ProgressObserver?
    ) throws(DocumentError) -> Explanation {
        var passages: [Explanation.Passage] = []
        passages.reserveCapacity(report.refused.count)
        var classified = MessageCache<SharedClassification>()
        for refused in report.refused {
            let classes = refused.messages.map { classified.value(of: $0, SharedClassification.init) }
            let sharesFirst = refused.messages.first.map(classified.remembers) ?? true
            passages.append(Explanation.Passage(refused: refused, classes: classes, sharesFirst: sharesFirst))
        }
        // The explained passages hold the refused ones now: not twice in memory.
        report.refused = []
        var match: Explanation.DepositMatch?
        var notInDeposit: [String] = []
        if let depositPath = options.depositPath {
            // What the deposit says of each refused passage goes straight into it (first refusal of its id).
            let ids = IDStore()
            for p in passages { ids.append(p.idTechnique) }
            let index = RefusedIndex(ids: ids)
            var certificationOf = [Int32](repeating: -1, count: passages.count)
            let keep = options.privacy.showPersonalData
            let (outline, _) = try DepositReader.read(path: depositPath, progress: progress,
                                                      keepingOnly: { index.firstIndex(of: $0) != nil }) { passage in
                guard passage.isComplete, let id = passage.idTechnique, let i = index.firstIndex(of: id) else { return }
                if passages[i].facts != nil {
                    passages[i].facts!.occurrences += 1
                } else {
                    passages[i].facts = PassageFacts(passage: passage, certification: nil, keepPersonalValues: keep)
                    certificationOf[i] = Int32(clamping: passage.certificationIndex)
                }
            }
            for i in passages.indices {
                if outline.certifications.indices.contains(Int(certificationOf[i])) {
                    let certification = outline.certifications[Int(certificationOf[i])]
                    passages[i].facts!.certificationType = certification.typeText
                    passages[i].facts!.certificationCode = certification.codeText
                }
                // An id the report refuses twice: the same facts for both.
                if let first = index.firstIndex(of: passages[i].idTechnique), first < i { passages[i].facts = passages[first].facts }
                if passages[i].facts == nil { notInDeposit.append(passages[i].idTechnique) }
            }
            match = depositMatch(report, depositPath: depositPath, outline: outline, failure: nil)
        }
        return Explanation(reportPath: reportPath, report: report, deposit: match, passages: passages,
                           errors: [], notInDeposit: notInDeposit)
    }

    private static func depositMatch(
        _ report: ProcessingReport, depositPath: String, outline: DepositOutline, failure: XMLReadFailure?
    ) -> Explanation.DepositMatch {
        let fileName = depositPath.split(separator: "/").last.map(String.init) ?? depositPath
        let idFlux = outline.header.idFlux.map { $0.value.trimmingWhitespace() }
        func compare(_ a: String?, _ b: String?) -> Explanation.DepositMatch.Status {
            guard let a, let b, !a.isEmpty, !b.isEmpty else { return .unknown }
            return a == b ? .match : .mismatch
        }
        return Explanation.DepositMatch(
            path: depositPath, idFlux: idFlux, passageCount: outline.passageCount, generation: outline.generation,
            nomFichierMatch: compare(report.nomFichier, fileName), idFluxMatch: compare(report.idFlux, idFlux),
            readFailure: failure)
    }

    // MARK: - Technical rejection

    private static func rejection(
        _ report: ProcessingReport, reportPath: String, options: Options, progress: ProgressObserver?
    ) throws(DocumentError) -> Explanation {
        var match: Explanation.DepositMatch?
        var located: [ErrorLocator.Place: ErrorLocator.Found] = [:]
        var capture: LineCapture?
        var personalRanges: [Range<Int>] = []
        if let depositPath = options.depositPath {
            let places = report.errors.compactMap { e in e.line.map { ErrorLocator.Place(line: $0, column: e.column ?? 1) } }
            let locator = ErrorLocator(places: places)
            let lines = LineCapture(lines: Set(places.map(\.line)))
            let (outline, failure) = try DepositReader.read(
                path: depositPath, alongside: [locator], progress: progress, toleratingMalformedXML: true,
                onChunk: lines.consume, onPassage: { _ in })
            located = locator.found
            personalRanges = locator.personalRanges
            capture = lines
            match = depositMatch(report, depositPath: depositPath, outline: outline, failure: failure)
        }
        let errors = report.errors.map { e -> Explanation.RejectionError in
            let c = ErrorCatalogue.classifyRejection(e.message)
            let place = e.line.map { ErrorLocator.Place(line: $0, column: e.column ?? 1) }
            let found = place.flatMap { located[$0] }
            let element = c.values["element"].map(XMLNames.localName) ?? found?.elementPath.last
            var context: Explanation.ErrorContext?
            if let line = e.line, let capture, let text = capture.text(of: line, masking: options.privacy.showPersonalData ? [] : personalRanges) {
                context = Explanation.ErrorContext(
                    lineText: text, column: e.column, elementPath: found?.elementPath ?? [],
                    passageID: found?.passageID, certificationCode: found?.certificationCode)
            }
            let personal = element.map(DepositFields.isPersonal) ?? valueMayBePersonal(c)
            let shown = options.privacy.display(message: e.message.collapsingWhitespace(), value: c.values["value"], personal: personal)
            return Explanation.RejectionError(
                error: e, classification: c, displayMessage: shown, element: element,
                advice: RejectionAdvice.advice(for: c, element: element, privacy: options.privacy), context: context)
        }
        return Explanation(reportPath: reportPath, report: report, deposit: match, passages: [], errors: errors, notInDeposit: [])
    }

    /// Without an element name, a quoted value is shown only when its type cannot hold personal data.
    private static func valueMayBePersonal(_ c: Classification) -> Bool {
        if c.errorClass == .invalidEnumeration { return false }
        let type = (c.values["type"] ?? "").lowercased()
        return !(type == "date" || type == "datetime" || type == "boolean")
    }
}
