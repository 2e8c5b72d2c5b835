/// After a technical rejection nothing was recorded: the whole deposit goes again, with every
/// mechanical fix applied (the report lists only the first hundred or so errors, ackfix fixes all
/// it can find), the corrections applied, and a new idFlux and horodatage.
struct RejectionRepair {
    let report: ProcessingReport
    let corrections: Corrections?
    let options: Repairer.Options

    func run(progress: ProgressObserver?, into result: inout RepairResult) throws(DocumentError) {
        let depositPath = result.depositPath
        if let n = report.nomFichier, !n.isEmpty, !options.force,
           n != (depositPath.split(separator: "/").last.map(String.init) ?? depositPath) {
            throw DocumentError(path: result.reportPath, kind: .outputRefused(Localized(
                fr: "cet accusé porte sur « \(options.privacy.quoted(n)) », pas sur ce dépôt ; --force pour passer outre",
                en: "this report is about « \(options.privacy.quoted(n)) », not this deposit; --force to go ahead anyway")))
        }
        // A file that is not UTF-8 and does not say what it is: an Excel export in Windows-1252.
        var assumed: DocumentEncoding?
        var attempt = 0
        while true {
            attempt += 1
            do {
                try read(progress: progress, assumedEncoding: assumed, into: &result)
                return
            } catch let error {
                if attempt == 1, case .xml(let f) = error.kind, f.kind == .invalidEncoding,
                   let input = try? DocumentInput(path: depositPath), input.encoding == .utf8 {
                    assumed = .windows1252
                    continue
                }
                throw error
            }
        }
    }

    private func read(progress: ProgressObserver?, assumedEncoding: DocumentEncoding?, into result: inout RepairResult) throws(DocumentError) {
        let depositPath = result.depositPath
        let (input, copy) = try Repairer.open(depositPath, repairDeclaration: true, assumedEncoding: assumedEncoding)
        let engine = FixEngine(generation: .v1_1_5)
        var accounts: [RepairResult.PassageAccount] = []
        var ranges: [(id: String, line: Int, range: Range<Int>)] = []
        var correctionEdits: [ByteEdit] = []
        var correctionFixes: [AppliedFix] = []
        var correctionError: DocumentError?
        var needsXSI = false
        var seenIDs = Set<String>()
        let holder = OutlineHolder()
        let (outline, _) = try DepositReader.read(
            input: input, alongside: [engine], progress: progress, onChunk: copy.map { c in { c.write($0) } }
        ) { passage in
            let index = accounts.count
            let id = passage.idTechnique ?? ""
            seenIDs.insert(id)
            var editor = PassageEditor(passage: passage, index: index, xsiPrefix: holder.xsiPrefix)
            if let row = corrections?.row(for: id), let problem = editor.apply(row), correctionError == nil {
                correctionError = Corrections.invalid(corrections!.path, line: row.line, column: nil, problem)
            }
            correctionEdits += editor.edits
            correctionFixes += editor.fixes
            needsXSI = needsXSI || editor.needsXSIDeclaration
            accounts.append(RepairResult.PassageAccount(
                idTechnique: id, outcome: .resubmitted, errorClass: nil, fixes: [], newIdTechnique: nil, note: nil,
                depositLine: passage.line))
            ranges.append((id, passage.line, passage.range))
        } onRoot: { outline in
            holder.xsiPrefix = Repairer.xsiPrefix(outline)
        }
        engine.finish()
        if let correctionError { throw correctionError }
        if let corrections {
            for row in corrections.rows.values.sorted(by: { $0.line < $1.line }) where !seenIDs.contains(row.idTechnique) {
                throw Corrections.invalid(corrections.path, line: row.line, column: 1, Localized(
                    fr: "l'idTechnique \(row.idTechnique) n'est pas dans le dépôt", en: "idTechnique \(row.idTechnique) is not in the deposit"))
            }
        }

        // Corrections win over mechanical fixes of the same bytes; the header is new anyway.
        let header = Repairer.headerEdits(outline, fluxID: result.newFluxID, horodatage: result.newHorodatage,
                                          declareXSI: needsXSI && holder.xsiPrefix == nil && !engine.declaresXSI)
        let protected = correctionEdits.map(\.range) + header.map(\.range)
        let kept = engine.items.filter { item in !protected.contains { $0.overlaps(item.edit.range) || $0 == item.edit.range } }
        let mechanical = kept.map(\.edit) + engine.supportEdits
        var fixes = kept.map(\.fix).filter { f in f.kind != .horodatage || f.element != "horodatage" }
        fixes += correctionFixes
        if let d = input.declarationRepair {
            result.fileFixes.append(AppliedFix(kind: .xmlDeclaration, element: "", line: 1, before: d.before, after: d.after, passageIndex: nil))
        }
        if input.isTranscoded {
            result.fileFixes.append(AppliedFix(kind: .utf8, element: "", line: 0, before: input.encoding.rawValue, after: "UTF-8", passageIndex: nil))
        }
        for f in fixes {
            if let i = f.passageIndex, accounts.indices.contains(i) {
                accounts[i].fixes.append(f)
                accounts[i].outcome = .resubmittedFixed
            } else {
                result.fileFixes.append(f)
            }
        }
        var segments: [OutputSegment] = []
        segments.append(0..<outline.streamLength, editedBy: mechanical + correctionEdits + header)
        let source = try Repairer.source(depositPath, copy: copy, input: input)
        try Repairer.write(segments, source: source, encoding: .utf8, generation: outline.generation,
                           options: options, into: &result)
        if case .invalid(let check)? = result.refusal {
            for v in check.violations {
                guard let i = v.passageIndex, accounts.indices.contains(i) else { continue }
                accounts[i].outcome = .needsReview
                let message = v.plainMessage(privacy: options.privacy)
                accounts[i].note = accounts[i].note.map { Localized(fr: $0.fr + " ; " + message.fr, en: $0.en + "; " + message.en) } ?? message
            }
        }
        result.passages = RepairResult.PassageAccounts(accounts)
        if options.diff {
            let all = mechanical + correctionEdits
            result.diff = Repairer.diffs(ranges.compactMap { r in
                let inside = all.filter { $0.range.lowerBound >= r.range.lowerBound && $0.range.upperBound <= r.range.upperBound }
                return inside.isEmpty ? nil : (r.id, r.line, r.range, inside)
            }, source: source)
        }
    }
}

extension RepairResult {
    /// After a technical rejection, the output is the deposit as the CDC refused it (new idFlux and
    /// horodatage aside): ackfix found nothing to fix, so the same errors will likely come back.
    public var resendsRejectedDepositUnchanged: Bool {
        reportKind == .rejection && refusal == nil && fileFixes.isEmpty && passages.allSatisfy { $0.fixes.isEmpty }
    }
}
