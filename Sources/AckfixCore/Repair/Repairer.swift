import Foundation

/// Builds the resubmission file from a deposit and the CDC's processing report.
///
/// After a functional report: only the refused passages, under the same header (new idFlux and
/// horodatage), each under its certification block, with the safe fixes applied; everything not
/// changed is copied byte for byte. After a technical rejection: the whole deposit, with the
/// mechanical fixes applied everywhere. Either way the output is validated before it is written.
public enum Repairer {
    public struct Options: Sendable {
        public enum Duplicates: String, Sendable { case drop, renumber }
        /// Nil: `<deposit>-resubmission-<yyyymmdd>.xml` beside the deposit.
        public var output: String?
        public var dryRun = false
        /// Overwrite an existing output, and accept a report that does not match the deposit.
        public var force = false
        public var correctionsPath: String?
        public var duplicates: Duplicates = .drop
        public var unsafeFixes = false
        public var diff = false
        public var privacy = Privacy(showPersonalData: false)
        /// The moment of the resubmission (horodatage); fixed in tests.
        public var now = Date()
        /// The new idFlux; a fresh UUID by default.
        public var fluxID: String?
        /// Writes the output during the read of the deposit when it can (tests compare both ways).
        var writesDuringRead = true

        public init() {}
    }

    public static func repair(depositPath: String, reportPath: String, options: Options,
                              progress: ProgressObserver? = nil) throws(DocumentError) -> RepairResult {
        // A repair needs of each refused passage only its id and class: decoded and worked out on
        // the other core while this one reads the report on.
        let refusals = BackgroundRefusals()
        let report = try ProcessingReportReader.read(path: reportPath) { id, message in
            refusals.add(id: id, firstMessage: message)
        }
        let (ids, classes) = refusals.finish()
        let corrections = try options.correctionsPath.map { path throws(DocumentError) in try Corrections.read(path: path, privacy: options.privacy) }
        let output = options.output ?? defaultOutput(for: depositPath, now: options.now)
        var result = RepairResult(reportKind: report.kind, depositPath: depositPath, reportPath: reportPath,
                                  outputPath: output, dryRun: options.dryRun)
        result.newFluxID = options.fluxID ?? UUID().uuidString.lowercased()
        result.newHorodatage = ParisTime.horodatage(options.now)
        switch report.kind {
        case .functional:
            let index = RefusedIndex(ids: ids)
            try FunctionalRepair(report: report, index: index, classIndex: classes, corrections: corrections, options: options, result: result)
                .run(progress: progress, into: &result)
        case .rejection:
            try RejectionRepair(report: report, corrections: corrections, options: options)
                .run(progress: progress, into: &result)
        }
        return result
    }

    /// `id-R1`, `id-R2`…: unique among every id of the deposit and the report, 255 characters at most.
    static func renumberedID(_ id: String, avoiding used: inout Set<String>) -> String {
        var n = 1
        while true {
            let suffix = "-R\(n)"
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: id.unicodeScalars.prefix(255 - suffix.count))
            let candidate = String(scalars) + suffix
            if used.insert(candidate).inserted { return candidate }
            n += 1
        }
    }

    static func defaultOutput(for deposit: String, now: Date) -> String {
        var base = deposit
        if base.lowercased().hasSuffix(".xml") { base.removeLast(4) }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: ParisTime.offset(at: now))!
        let c = cal.dateComponents([.year, .month, .day], from: now)
        let stamp = String(format: "%04d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        return "\(base)-resubmission-\(stamp).xml"
    }

    /// The header of every resubmission: a new idFlux and horodatage (and the xsi namespace on the
    /// root when a nil value needs it).
    static func headerEdits(_ outline: DepositOutline, fluxID: String, horodatage: String, declareXSI: Bool) -> [ByteEdit] {
        var edits: [ByteEdit] = []
        if let v = outline.header.idFlux { edits.append(ByteEdit(range: v.contentRange, text: fluxID)) }
        if let v = outline.header.horodatage { edits.append(ByteEdit(range: v.contentRange, text: horodatage)) }
        if declareXSI, let root = outline.rootStartTag {
            edits.append(.insert(" xmlns:xsi=\"\(Namespaces.xsi)\"", at: root.upperBound - 1))
        }
        return edits
    }

    /// What writes `type` and `code` (when given) in a certification block, for those that differ.
    static func certificationEdits(_ c: Certification, type: String, code: String?) -> [ByteEdit] {
        var edits: [ByteEdit] = []
        if let v = c.type, type != c.typeText { edits.append(ByteEdit(range: v.contentRange, text: type)) }
        if let v = c.code, let code, code != c.codeText { edits.append(ByteEdit(range: v.contentRange, text: code)) }
        return edits
    }

    /// The fixes of a certification block whose type and code become `fixed`, for those that differ.
    static func certificationFixes(_ c: Certification, fixed: (type: String, code: String)) -> [AppliedFix] {
        var fixes: [AppliedFix] = []
        if fixed.code != c.codeText {
            fixes.append(AppliedFix(kind: .certificationCode, element: "code", line: c.code?.line ?? c.line,
                                    before: c.codeText, after: fixed.code, passageIndex: nil))
        }
        if fixed.type != c.typeText {
            fixes.append(AppliedFix(kind: .certificationType, element: "type", line: c.type?.line ?? c.line,
                                    before: c.typeText, after: fixed.type, passageIndex: nil))
        }
        return fixes
    }

    static func xsiPrefix(_ outline: DepositOutline) -> String? {
        outline.namespaceDeclarations.first { $0.uri == Namespaces.xsi }.map { $0.prefix ?? "xsi" }
    }

    /// Writes (or, in a dry run, only validates) the output; fills in the result.
    static func write(
        _ segments: [OutputSegment], source: ByteSource, encoding: DocumentEncoding,
        generation: SchemaGeneration, options: Options, into result: inout RepairResult
    ) throws(DocumentError) {
        let destination = options.dryRun ? nil : result.outputPath
        try write(options: options, into: &result) { () throws(OutputWriter.Failure) in
            try OutputWriter.write(segments, from: source, to: destination, overwrite: options.force,
                                   encoding: encoding, generation: generation)
        }
    }

    /// Runs what writes the output; fills in the result, and says in the user's terms why it failed.
    static func write(
        options: Options, into result: inout RepairResult, _ writing: () throws(OutputWriter.Failure) -> OutputCheck
    ) throws(DocumentError) {
        do {
            result.outputCheck = try writing()
            result.written = !options.dryRun
        } catch {
            switch error {
            case .exists(let path):
                throw DocumentError(path: path, kind: .outputRefused(Localized(
                    fr: "le fichier existe déjà : choisissez un autre nom avec -o, ou --force pour le remplacer",
                    en: "the file already exists: choose another name with -o, or --force to replace it")))
            case .cannotWrite(let path):
                throw DocumentError(path: path, kind: .outputRefused(Localized(
                    fr: "impossible d'écrire dans ce dossier", en: "cannot write in this folder")))
            case .input(let e):
                throw DocumentError(path: e.path, kind: .input(e.kind))
            case .invalid(let check):
                result.outputCheck = check
                result.refusal = .invalid(check)
            }
        }
    }

    /// The passages' text before and after, for `--diff`.
    static func diffs(_ changed: [(id: String, line: Int, range: Range<Int>, edits: [ByteEdit])], source: ByteSource) -> [PassageDiff] {
        changed.compactMap { c in
            guard let bytes = try? source.bytes(c.range) else { return nil }
            var after: [UInt8] = []
            var segments: [OutputSegment] = []
            segments.append(c.range, editedBy: c.edits)
            for s in segments {
                switch s {
                case .bytes(let b): after += b
                case .copy(let r): after += bytes[(r.lowerBound - c.range.lowerBound)..<(r.upperBound - c.range.lowerBound)]
                }
            }
            return PassageDiff(idTechnique: c.id, depositLine: c.line,
                               before: String(decoding: bytes, as: UTF8.self), after: String(decoding: after, as: UTF8.self))
        }
    }

    /// Opens the deposit's stream; when it differs from the file, a copy is kept for the writing pass.
    static func open(_ path: String, repairDeclaration: Bool, assumedEncoding: DocumentEncoding? = nil)
        throws(DocumentError) -> (DocumentInput, StreamCopy?) {
        let input: DocumentInput
        do {
            input = try DocumentInput(path: path, repairDeclaration: repairDeclaration, assumedEncoding: assumedEncoding)
        } catch {
            throw DocumentError(path: path, kind: .input(error.kind))
        }
        let copy = input.isTranscoded || repairDeclaration ? StreamCopy(besides: path) : nil
        return (input, copy)
    }

    static func source(_ path: String, copy: StreamCopy?, input: DocumentInput) throws(DocumentError) -> ByteSource {
        do {
            if let copy, input.streamDiffersFromFile {
                copy.finish()
                return try ByteSource(path: copy.path, temporary: true)
            }
            if let copy {
                copy.finish()
                _ = try? ByteSource(path: copy.path, temporary: true)  // removes the unneeded copy
            }
            return try ByteSource(path: path)
        } catch {
            throw DocumentError(path: path, kind: .input(error.kind))
        }
    }
}

// MARK: - After a functional report

private struct FunctionalRepair {
    /// The report's header (its refused passages are in `index`).
    let report: ProcessingReport
    /// The refused passages' ids, in report order, and where each first appears.
    let index: RefusedIndex
    /// Each refused passage's class, as its place in `ErrorCatalogue.functional`.
    let classIndex: [UInt8]
    let corrections: Corrections?
    let options: Repairer.Options
    let result: RepairResult

    /// The edits and fixes of a refused passage, for the few that have some.
    final class Changes {
        var edits: [ByteEdit]
        var fixes: [AppliedFix]
        init(edits: [ByteEdit], fixes: [AppliedFix]) {
            self.edits = edits
            self.fixes = fixes
        }
    }

    func run(progress: ProgressObserver?, into result: inout RepairResult) throws(DocumentError) {
        let depositPath = result.depositPath
        // Report order is kept for the account; the first occurrence of an id is the one used.
        func errorClass(_ i: Int) -> ErrorClass { ErrorCatalogue.functional[Int(classIndex[i])] }
        // Classes compared by place, not copied out of the catalogue, where it runs once per passage.
        func place(_ c: ErrorClass) -> UInt8 { UInt8(ErrorCatalogue.functional.firstIndex { $0.code == c.code }!) }
        let duplicate = place(.duplicateID)
        let statusKO = place(.certificationStatusKO)
        /// Whether some passage was refused for this class.
        func refusesSome(_ c: ErrorClass) -> Bool { classIndex.contains(place(c)) }
        if let corrections {
            for row in corrections.rows.values.sorted(by: { $0.line < $1.line }) where index.firstIndex(of: row.idTechnique) == nil {
                throw Corrections.invalid(corrections.path, line: row.line, column: 1, Localized(
                    fr: "l'idTechnique \(row.idTechnique) n'est pas un passage refusé de l'accusé",
                    en: "idTechnique \(row.idTechnique) is not a refused passage of the report"))
            }
        }

        let (input, copy) = try Repairer.open(depositPath, repairDeclaration: false)
        // What is kept of each refused passage while the deposit streams past (200,000 of them at
        // most), by its place in the report: a bit once met and, for the few that have them, its
        // changes, how often its id recurs in the deposit and, refused for its certification's
        // status, its block. Where it lies in the deposit, and its line, go to `spill`.
        var met = [UInt64](repeating: 0, count: (index.count + 63) / 64)
        func wasMet(_ i: Int) -> Bool { met[i >> 6] & 1 << (i & 63) != 0 }
        var changes: [Int32: Changes] = [:]
        var occurrences: [Int32: Int32] = [:]
        var blockOfStatusKO: [Int32: Int32] = [:]
        let spill = PlanSpill()
        // Renumbering must avoid every id of the deposit.
        let renumbers = options.duplicates == .renumber && refusesSome(.duplicateID)
        var allIDs: Set<String>? = renumbers ? [] : nil
        /// Where each refused passage's id is written, and its line, to renumber it.
        var idContents: [Int: (range: Range<Int>?, line: Int)] = [:]
        var correctionError: DocumentError?
        let holder = OutlineHolder()
        let unsafe = options.unsafeFixes
        let drops = options.duplicates == .drop
        let (destination, overwrite, encoding) = (options.dryRun ? nil : result.outputPath, options.force, input.encoding)
        // Renumbered ids are only known after the read: no writing during it then.
        let stream = renumbers || !options.writesDuringRead ? nil : ResubmissionStream(
            fluxID: result.newFluxID, horodatage: result.newHorodatage,
            fixesCertificationCodes: refusesSome(.certificationStatusKO)
        ) { generation in
            try? OutputWriter.Session(to: destination, overwrite: overwrite, encoding: encoding, generation: generation)
        }
        defer { stream?.giveUp() }
        // A passage's elements are recorded only when something may edit them: a corrections row or
        // the unsafe fixes. Otherwise its id and where it lies are all a repair needs (the reader
        // skips the rest, as it skips the passages not refused).
        let recordsWhole: (String) -> Bool = unsafe
            ? { index.firstIndex(of: $0) != nil }
            : { [corrections] in corrections?.row(for: $0) != nil }
        /// The edits of a refused passage met for the first time and sent; nil for any other passage.
        func plan(for passage: Passage) -> [ByteEdit]? {
            guard let id = passage.idTechnique else { return nil }
            allIDs?.insert(id)
            guard let i = index.firstIndex(of: id) else { return nil }
            let key = Int32(i)
            if wasMet(i) {
                occurrences[key, default: 1] += 1
                return nil
            }
            met[i >> 6] |= 1 << (i & 63)
            var editor = PassageEditor(passage: passage, index: i, xsiPrefix: holder.xsiPrefix)
            if classIndex[i] != duplicate {
                if let row = corrections?.row(for: id), let problem = editor.apply(row), correctionError == nil {
                    correctionError = Corrections.invalid(corrections!.path, line: row.line, column: nil, problem)
                }
                if unsafe { editor.applyUnsafeFixes(for: errorClass(i)) }
            }
            let line = Int32(clamping: passage.line)
            let block = Int32(clamping: passage.certificationIndex)
            if !editor.edits.isEmpty || !editor.fixes.isEmpty { changes[key] = Changes(edits: editor.edits, fixes: editor.fixes) }
            if classIndex[i] == statusKO { blockOfStatusKO[key] = block }
            if renumbers { idContents[i] = (passage.value(at: "idTechnique")?.contentRange, passage.line) }
            let sent = !(drops && classIndex[i] == duplicate)
            spill.append(PlanSpill.Record(
                refusal: key, certificationIndex: block, line: line, isSent: sent, needsXSI: editor.needsXSIDeclaration,
                leadingTriviaStart: Int64(passage.leadingTriviaStart), start: Int64(passage.range.lowerBound),
                end: Int64(passage.range.upperBound)))
            return sent ? editor.edits : nil
        }
        let (outline, _) = try DepositReader.read(
            input: input, progress: progress, onChunk: { chunk in
                copy?.write(chunk)
                stream?.receive(chunk)
            },
            keepingOnly: recordsWhole, blocks: stream
        ) { passage in
            let sent = plan(for: passage)  // not in the call below: without a stream it would not run
            stream?.passage(passage.range, leadingTriviaStart: passage.leadingTriviaStart, edits: sent)
        } onRoot: { outline in
            holder.xsiPrefix = Repairer.xsiPrefix(outline)
        }
        index.dropTable()
        if let correctionError { throw correctionError }
        try checkMatch(outline, depositPath: depositPath)

        // Certification blocks: a fixable type or code is fixed when the CDC refused a passage of the
        // block for it. Each passage refused for it lists the block's fixes: one array, shared.
        var correctedKey: [Int: (type: String, code: String)] = [:]
        var blockFixes: [Int: [AppliedFix]] = [:]
        for block in Set(blockOfStatusKO.values).map(Int.init) where outline.certifications.indices.contains(block) {
            let c = outline.certifications[block]
            guard let fixed = CertificationCode.corrected(c) else { continue }
            correctedKey[block] = fixed
            blockFixes[block] = Repairer.certificationFixes(c, fixed: fixed)
        }

        // Accounts, in report order (their deposit lines are read back from `spill` after).
        var usedIDs = allIDs.map { $0.union((0..<index.count).map(index.id(at:))) } ?? []
        var accounts = RepairResult.PassageAccounts(sharingIDs: index.ids)
        accounts.reserveCapacity(index.count)
        for i in 0..<index.count {
            guard !index.isRepeat(i) else { continue }  // a KO listed twice is accounted once
            let id = index.id(at: i)
            let c = errorClass(i)
            let key = Int32(i)
            var account = RepairResult.PassageAccount(
                idTechnique: id, outcome: .resubmitted, errorClass: c, fixes: [], newIdTechnique: nil, note: nil,
                depositLine: nil)
            guard wasMet(i) else {
                account.outcome = .notInDeposit
                account.note = RepairResult.PassageAccount.missingFromDeposit
                accounts.append(account, idAt: i)
                continue
            }
            if c == .duplicateID {
                if drops {
                    account.outcome = .alreadyRecorded
                    account.note = RepairResult.PassageAccount.alreadyRecorded
                    accounts.append(account, idAt: i)
                    continue
                }
                // Renumbering happens here, after the read: it needs every id.
                let newID = Repairer.renumberedID(id, avoiding: &usedIDs)
                if let (range, line) = idContents[i], let range {
                    let change = changes[key] ?? Changes(edits: [], fixes: [])
                    change.edits.append(ByteEdit(range: range, text: xmlEscaped(newID)))
                    change.fixes.append(AppliedFix(kind: .renumbered, element: "idTechnique", line: line, before: id,
                                                   after: newID, passageIndex: i))
                    changes[key] = change
                }
                account.newIdTechnique = newID
            }
            var fixes = changes[key]?.fixes ?? []
            if c == .certificationStatusKO, let block = blockOfStatusKO[key], let shared = blockFixes[Int(block)] {
                fixes = fixes.isEmpty ? shared : fixes + shared
            }
            account.fixes = fixes
            if !fixes.isEmpty {
                account.outcome = .resubmittedFixed
            } else {
                account.outcome = .needsReview
                account.note = c.fix
            }
            if let n = occurrences[key] {
                account.outcome = .needsReview
                account.note = Localized(fr: "cet idTechnique figure \(n) fois dans le dépôt : seule la première occurrence est renvoyée",
                                         en: "this idTechnique appears \(n) times in the deposit: only the first one is sent")
            }
            accounts.append(account, idAt: i)
        }

        // One pass over `spill` gives the accounts their deposit lines and groups the passages to
        // send, in deposit order, by certification: blocks whose (fixed) type and code agree are
        // merged, in order of appearance. A block's passages follow one another in `spill`: a group
        // is a list of blocks, each a run of plans.
        var groups: [(key: String, template: Int, blocks: [Int])] = []
        var plansOfBlock = [Range<Int>?](repeating: nil, count: outline.certifications.count)
        var groupOfKey: [String: Int] = [:]
        // Once per block, not per passage.
        let keys = outline.certifications.map { c in
            correctedKey[c.index].map { $0.type + " " + $0.code } ?? (c.typeText ?? "") + " " + (c.codeText ?? "")
        }
        func key(_ index: Int) -> String { keys[index] }
        var someNeedXSI = false
        /// The working file read back, or why nothing is written.
        func readingPlans<T>(_ body: () throws(PlanSpill.Unreadable) -> T) throws(DocumentError) -> T {
            do { return try body() } catch {
                throw DocumentError(path: error.folder, kind: .outputRefused(Localized(
                    fr: "le fichier de travail d'ackfix dans ce dossier n'a pu être relu (disque défaillant ?) : rien n'a été écrit",
                    en: "ackfix's working file in this folder could not be read back (failing disk?): nothing was written")))
            }
        }
        try readingPlans { () throws(PlanSpill.Unreadable) in try spill.forEach { k, plan in
            accounts.setDepositLine(plan.line, ofIDAt: Int(plan.refusal))
            let block = Int(plan.certificationIndex)
            plansOfBlock[block] = (plansOfBlock[block]?.lowerBound ?? k)..<(k + 1)
            guard plan.isSent else { return }
            someNeedXSI = someNeedXSI || plan.needsXSI
            let groupKey = key(block)
            if let g = groupOfKey[groupKey] {
                if groups[g].blocks.last != block { groups[g].blocks.append(block) }
            } else {
                groupOfKey[groupKey] = groups.count
                groups.append((groupKey, block, [block]))
            }
        } }
        result.passages = accounts
        guard !groups.isEmpty else {
            result.refusal = .nothingToSend
            return
        }
        // A block that needs fixing joins an earlier block of the deposit already right, when there is one.
        for g in groups.indices where correctedKey[groups[g].template] != nil {
            if let right = outline.certifications.first(where: { correctedKey[$0.index] == nil && key($0.index) == groups[g].key }),
               right.index < groups[g].template {
                groups[g].template = right.index
            }
        }
        for (index, fixed) in correctedKey.sorted(by: { $0.key < $1.key })
        where groups.contains(where: { $0.template == index }) || groups.contains(where: { $0.key == fixed.type + " " + fixed.code }) {
            result.fileFixes += blockFixes[index] ?? []
        }

        guard let certsContent = outline.certificationsContentRange, let certsTrailing = outline.certificationsTrailingTrivia else {
            throw DocumentError(path: depositPath, kind: .wrongDocument(expected: .deposit, found: outline.rootName?.localName ?? "?"))
        }
        let needsXSI = someNeedXSI && holder.xsiPrefix == nil
        /// The output, as ranges of the deposit with their edits.
        func describe(_ add: (Range<Int>, [ByteEdit]) -> Void) throws(PlanSpill.Unreadable) {
            add(0..<certsContent.lowerBound, Repairer.headerEdits(
                outline, fluxID: result.newFluxID, horodatage: result.newHorodatage, declareXSI: needsXSI))
            for g in groups {
                let t = outline.certifications[g.template]
                guard let content = t.passagesContentRange, let trailing = t.passagesTrailingTrivia else { continue }
                let parts = g.key.split(separator: " ", maxSplits: 1).map(String.init)
                let certEdits = Repairer.certificationEdits(t, type: parts[0], code: parts.count > 1 ? parts[1] : nil)
                add(t.leadingTriviaStart..<content.lowerBound, certEdits)
                for block in g.blocks {
                    for k in plansOfBlock[block] ?? 0..<0 {
                        let plan = try spill.record(at: k)
                        guard plan.isSent else { continue }
                        add(Int(plan.leadingTriviaStart)..<plan.range.upperBound, changes[plan.refusal]?.edits ?? [])
                    }
                }
                add(trailing.lowerBound..<t.range.upperBound, certEdits)
            }
            add(certsTrailing.lowerBound..<outline.streamLength, [])
        }

        // The deposit's bytes are read again only when the output written during the read is not
        // the one wanted (or for --diff).
        var opened: ByteSource?
        func source() throws(DocumentError) -> ByteSource {
            if let opened { return opened }
            let s = try Repairer.source(depositPath, copy: copy, input: input)
            opened = s
            return s
        }
        // The changed passages, for --diff: read from the working file before anything is written.
        var changed: [(id: String, line: Int, range: Range<Int>, edits: [ByteEdit])] = []
        if options.diff {
            try readingPlans { () throws(PlanSpill.Unreadable) in try spill.forEach { _, plan in
                guard plan.isSent, let edits = changes[plan.refusal]?.edits, !edits.isEmpty else { return }
                changed.append((index.id(at: Int(plan.refusal)), Int(plan.line), plan.range, edits))
            } }
        }
        var wanted = SegmentFingerprint()
        try readingPlans { () throws(PlanSpill.Unreadable) in try describe { wanted.add($0, editedBy: $1) } }
        if let session = stream?.finish(outline), stream?.fingerprint == wanted {
            try Repairer.write(options: options, into: &result) { () throws(OutputWriter.Failure) in try session.finish() }
            result.writtenDuringRead = true
        } else {
            stream?.giveUp()
            var segments: [OutputSegment] = []
            try readingPlans { () throws(PlanSpill.Unreadable) in try describe { segments.append($0, editedBy: $1) } }
            try Repairer.write(segments, source: try source(), encoding: outline.encoding,
                               generation: outline.generation, options: options, into: &result)
        }
        if options.diff { result.diff = Repairer.diffs(changed, source: try source()) }
    }

    /// The report must be about this deposit, unless the user says otherwise.
    private func checkMatch(_ outline: DepositOutline, depositPath: String) throws(DocumentError) {
        guard !options.force else { return }
        let fileName = depositPath.split(separator: "/").last.map(String.init) ?? depositPath
        let idFlux = outline.header.idFlux?.value.trimmingWhitespace()
        var problems: [String] = []
        let q = options.privacy
        if let n = report.nomFichier, !n.isEmpty, n != fileName { problems.append("nomFichier « \(q.quoted(n)) » ≠ « \(q.quoted(fileName)) »") }
        if let f = report.idFlux, let d = idFlux, !f.isEmpty, f != d { problems.append("idFlux « \(q.quoted(f)) » ≠ « \(q.quoted(d)) »") }
        guard problems.isEmpty else {
            throw DocumentError(path: result.reportPath, kind: .outputRefused(Localized(
                fr: "cet accusé ne porte pas sur ce dépôt (\(problems.joined(separator: ", "))) ; --force pour passer outre",
                en: "this report is not about this deposit (\(problems.joined(separator: ", "))); --force to go ahead anyway")))
        }
    }
}

/// Holds what the passage callback needs from the outline (read before the passages).
final class OutlineHolder: @unchecked Sendable {
    var xsiPrefix: String?
}
