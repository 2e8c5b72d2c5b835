import Foundation

/// `ackfix check`: everything the CDC would refuse or likely return KO, found in one streaming
/// pass per file: schema violations (ackfix's own validator, or libxml2 with `--schema`), business
/// rules, and what the fix engine would change. With `--fix`, writes the corrected file.
public enum Checker {
    public struct Options: Sendable {
        public enum FixOutput: Sendable, Equatable {
            case none
            case file(String)
            case inPlace
        }
        /// Codes or code prefixes to keep (nil: all).
        public var select: [String]?
        /// Codes or code prefixes to drop.
        public var ignore: [String] = []
        public var strict = false
        public var fix: FixOutput = .none
        public var unsafeFixes = false
        public var overwrite = false
        public var privacy = Privacy(showPersonalData: false)
        /// A CDC XSD to validate with (libxml2) instead of ackfix's own schema.
        public var schemaPath: String?
        public var now = Date()

        public init() {}

        func keeps(_ code: String) -> Bool {
            if ignore.contains(where: { code.hasPrefix($0) }) { return false }
            return select.map { list in list.contains { code.hasPrefix($0) } } ?? true
        }
    }

    /// Every business rule, in code order.
    public static let rules: [CheckRule] = [
        .certificationType, .certificationCodePrefix, .certificationCodeTypeMismatch, .certificationCodeFormat,
        .duplicateID, .validityDatesInverted, .examDatesInverted, .languageLevelWithoutPresence,
        .digitalLevelWithoutPresence, .vaeRouteWithoutVAE, .birthCountryForFrance, .bornAbroadCountryCode,
        .inseeCodeShape, .postalCodeShape, .birthYearPlausible, .horodatageOffset, .horodatageFuture,
        .spreadsheetErrorID, .surroundingSpaces, .nilAsText,
        .birthNameEqualsUsageName, .birthDayMonthNil, .birthPlaceNil, .mojibake, .digitsInName, .severalGivenNames,
        .fileTooLarge, .tooManyPassages, .xmlDeclaration, .notUTF8,
    ]

    public static func rule(code: String) -> CheckRule? { rules.first { $0.code == code } }

    public static func check(paths: [String], options: Options, progress: ProgressObserver? = nil) -> CheckResult {
        var result = CheckResult()
        result.strict = options.strict
        let schema: XSDSchemaFile?
        if let path = options.schemaPath {
            do {
                schema = try XSDSchemaFile(path: path)
            } catch {
                var f = CheckedFile(path: path)
                f.failure = error
                result.files.append(f)
                return result
            }
        } else {
            schema = nil
        }
        for path in paths {
            result.files.append(FileCheck(path: path, options: options, schema: schema).run(progress: progress))
        }
        return result
    }
}

/// The check of one file.
private struct FileCheck {
    let path: String
    let options: Checker.Options
    let schema: XSDSchemaFile?

    /// A diagnostic waiting for its certification's type and code (they may follow the passages).
    struct Pending {
        var diagnostic: Diagnostic
        let certificationIndex: Int?
        var passageIndex: Int? = nil
        /// The edits that fix it.
        let edits: [ByteEdit]
    }

    /// The schema side, read on another core: violations and the fix engine's findings.
    private func schemaFindings(of input: DocumentInput) -> BackgroundWork<Result<SchemaFindings, DocumentError>> {
        let schema = schema
        return BackgroundWork {
            let engine = FixEngine(generation: .v1_1_5, certificationFixes: false)
            var violations: [SchemaViolation] = []
            var handlers: [XMLStreamHandler] = [engine]
            let validator = schema == nil ? SchemaValidator(schema: .v115) { violations.append($0) } : nil
            if let validator { handlers.append(validator) }
            let locator = PassageLocator { engine.itemsFound + (validator?.violationCount ?? 0) }
            handlers.append(locator)
            let external = schema.map { XSDValidation(schema: $0) }
            do throws(DocumentError) {
                try DocumentStream.parse(input: input, handler: HandlerFanout(handlers), validation: external)
            } catch {
                return .failure(error)
            }
            engine.finish()
            return .success(SchemaFindings(violations: violations + (external?.violations ?? []), engine: engine, passages: locator))
        }
    }

    func run(progress: ProgressObserver?) -> CheckedFile {
        var file = CheckedFile(path: path)
        do {
            try check(&file, assumedEncoding: nil, progress: progress)
        } catch {
            // Not UTF-8 and not declared: an Excel export in Windows-1252, readable with that fix.
            if case .xml(let f) = error.kind, f.kind == .invalidEncoding,
               let input = try? DocumentInput(path: path), input.encoding == .utf8 {
                file = CheckedFile(path: path)
                do {
                    try check(&file, assumedEncoding: .windows1252, progress: progress)
                    return file
                } catch {}
            }
            file = CheckedFile(path: path)
            file.failure = error
        }
        return file
    }

    /// What the schema side of the check found: ackfix's validator (or libxml2 with an XSD) and the
    /// fix engine, fed by a second read of the file on another core.
    private struct SchemaFindings {
        var violations: [SchemaViolation] = []
        var engine: FixEngine
        var passages: PassageLocator
    }

    private func check(_ file: inout CheckedFile, assumedEncoding: DocumentEncoding?, progress: ProgressObserver?) throws(DocumentError) {
        func open() throws(DocumentError) -> DocumentInput {
            do {
                return try DocumentInput(path: path, repairDeclaration: true, assumedEncoding: assumedEncoding)
            } catch {
                throw DocumentError(path: path, kind: .input(error.kind))
            }
        }
        let input = try open()
        let schemaSide = try schemaFindings(of: open())
        // Whatever happens here, the other read ends before this function does.
        defer { _ = schemaSide.wait() }

        let copy = options.fix != .none && input.streamDiffersFromFile ? StreamCopy(besides: path) : nil
        var found = DiagnosticList()
        let keeps = options.keeps
        func add(_ p: Pending) {
            guard keeps(p.diagnostic.code) else { return }
            found.append(p.diagnostic, certificationIndex: p.certificationIndex, passageIndex: p.passageIndex, edits: p.edits)
        }
        let registry = IDRegistry()
        let fields = RuleFieldFinder()
        let holder = OutlineHolder()
        let now = options.now
        // The rules' positions and bodies only: a rule itself is looked up when it finds something.
        let passageRules = Checker.rules.indices.compactMap { i -> (Int, @Sendable (PassageContext) -> [RuleFinding])? in
            if case .passage(let f) = Checker.rules[i].body, options.keeps(Checker.rules[i].code) { return (i, f) }
            return nil
        }

        var passagesSeen = 0
        let registersIDs = options.keeps(CheckRule.duplicateID.code)
        let (outline, _) = try DepositReader.read(
            input: input, progress: progress, onChunk: copy.map { c in { c.write($0) } }
        ) { passage in
            passagesSeen += 1
            // The file's size and its first passages tell how many ids the registry will hold.
            if passagesSeen == 1024, registersIDs, passage.range.upperBound > 0 {
                registry.expect(passagesSeen * max(input.fileSize, passage.range.upperBound) / passage.range.upperBound)
            }
            let ctx = PassageContext(passage: passage, certificationType: nil, certificationCode: nil, registry: registry,
                                     now: now, xsiPrefix: holder.xsiPrefix, fields: fields)
            for (rule, evaluate) in passageRules {
                for finding in evaluate(ctx) {
                    add(ruleDiagnostic(Checker.rules[rule], finding, id: passage.idTechnique, certification: passage.certificationIndex))
                }
            }
        } onRoot: { outline in
            holder.xsiPrefix = Repairer.xsiPrefix(outline)
        }
        let side = try schemaSide.wait().get()
        let engine = side.engine
        file.passageCount = outline.passageCount
        file.generation = outline.generation

        for v in side.violations where keeps(v.errorClass.code) {
            let owner = v.passageIndex == nil ? nil : side.passages.passage(containing: v.elementRange.lowerBound)
            add(Pending(diagnostic: diagnostic(v, id: owner?.idTechnique), certificationIndex: v.certificationIndex,
                        passageIndex: v.passageIndex, edits: []))
        }
        // Rules on the header, the certification blocks and the whole file.
        for rule in Checker.rules where options.keeps(rule.code) {
            switch rule.body {
            case .header(let f):
                for finding in f(HeaderContext(header: outline.header, now: now)) { add(ruleDiagnostic(rule, finding, id: nil, certification: nil)) }
            case .certification(let f):
                for c in outline.certifications {
                    for finding in f(c) { add(ruleDiagnostic(rule, finding, id: nil, certification: c.index)) }
                }
            case .file(let f):
                for finding in f(FileContext(path: path, bytes: input.fileSize, passages: outline.passageCount)) {
                    add(ruleDiagnostic(rule, finding, id: nil, certification: nil))
                }
            default:
                break
            }
        }
        // Violations by passage: an engine fix is looked for among its own passage's violations.
        var violationsByPassage: [Int?: [Int]] = [:]
        for i in found.indices where found.elementRange(at: i) != nil {
            violationsByPassage[found.passageIndex(at: i), default: []].append(i)
        }
        // What the fix engine changes: it fixes a schema violation, or is reported under its own rule.
        var engineEdits: [ByteEdit] = []
        // The rule that reports each kind of engine fix (a deposit can hold a fix per passage).
        var ruleOfFix: [FixKind: CheckRule] = [:]
        for rule in Checker.rules { if case .fixEngine(let kind) = rule.body, ruleOfFix[kind] == nil { ruleOfFix[kind] = rule } }
        for item in engine.items {
            // The edit touches the element in violation (a removal starts at the white space before it).
            let covering = (violationsByPassage[item.fix.passageIndex] ?? []).filter { i in
                guard let v = found.elementRange(at: i) else { return false }
                let e = item.edit.range
                return e.isEmpty ? v.contains(e.lowerBound) || v.upperBound == e.lowerBound : e.overlaps(v)
            }
            if !covering.isEmpty {
                for i in covering { found.addFix(item.fix.kind, edit: item.edit, at: i) }
                continue
            }
            if let rule = ruleOfFix[item.fix.kind], keeps(rule.code) {
                let finding = RuleFinding(element: item.fix.element, line: item.fix.line, column: item.column,
                                          value: item.fix.before, message: message(for: item.fix), edits: [item.edit])
                let owner = item.fix.passageIndex == nil ? nil : side.passages.passage(containing: item.edit.range.lowerBound)
                add(ruleDiagnostic(rule, finding, id: owner?.idTechnique, certification: owner?.certificationIndex))
            } else {
                engineEdits.append(item.edit)  // fixes nothing reported (e.g. the xsi declaration): kept with --fix
            }
        }
        // A declaration rewritten only to name UTF-8 (the file is transcoded) is D04's business.
        if let d = input.declarationRepair, options.keeps(CheckRule.xmlDeclaration.code),
           let declared = PrologRepair.declaration(in: Array(d.before.utf8)),
           PrologRepair.replacement(for: declared, outputIsUTF8Instead: false) != nil {
            add(ruleDiagnostic(.xmlDeclaration, RuleFinding(element: "", line: 1, column: 1, value: d.before, message: Localized(
                fr: "déclaration XML « \(d.before) » : \(d.after) attendue", en: "XML declaration « \(d.before) »: \(d.after) expected")),
                id: nil, certification: nil))
        }
        if input.isTranscoded, options.keeps(CheckRule.notUTF8.code) {
            add(ruleDiagnostic(.notUTF8, RuleFinding(element: "", line: 1, column: 1, value: input.encoding.rawValue, message: Localized(
                fr: "fichier en \(input.encoding.rawValue)\(assumedEncoding != nil ? " (non déclaré : lu comme Windows-1252)" : "") : la CDC attend de l'UTF-8",
                en: "file in \(input.encoding.rawValue)\(assumedEncoding != nil ? " (undeclared: read as Windows-1252)" : ""): the CDC expects UTF-8")),
                id: nil, certification: nil))
        }
        // Type and code are known now: name each certification.
        for i in found.indices {
            if let c = found.certificationIndex(at: i), outline.certifications.indices.contains(c) {
                let cert = outline.certifications[c]
                found.setCertification("\(cert.typeText ?? "?") \(cert.codeText ?? "?")", at: i)
            }
        }
        found.sortByPlace()
        file.diagnostics = found

        if options.fix != .none {
            try writeFix(&file, engineEdits: engineEdits, input: input, copy: copy, outline: outline)
        } else if let copy {
            copy.finish()
            _ = try? ByteSource(path: copy.path, temporary: true)
        }
    }

    // MARK: - Fixing

    private func writeFix(_ file: inout CheckedFile, engineEdits: [ByteEdit], input: DocumentInput,
                          copy: StreamCopy?, outline: DepositOutline) throws(DocumentError) {
        var edits = engineEdits
        var applied: [AppliedFix] = []
        let found = file.diagnostics
        for i in found.indices where !found.edits(at: i).isEmpty {
            let d = found[i]
            guard d.fixability == .safe || (d.fixability == .unsafe && options.unsafeFixes), let kind = d.fix else { continue }
            edits += found.edits(at: i)
            applied.append(AppliedFix(kind: kind, element: d.element, line: d.line, before: d.value, after: nil, passageIndex: nil))
        }
        // One edit per place: the same fix found twice, or overlapping fixes, apply once.
        var unique: [ByteEdit] = []
        for e in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            if let last = unique.last, last.range.overlaps(e.range) || last.range == e.range { continue }
            unique.append(e)
        }
        var segments: [OutputSegment] = []
        segments.append(0..<outline.streamLength, editedBy: unique)
        let destination: String
        switch options.fix {
        case .file(let p): destination = p
        case .inPlace: destination = path
        case .none: return
        }
        let keepEncoding = input.isTranscoded && !(options.keeps(CheckRule.notUTF8.code))
        let source = try Repairer.source(path, copy: copy, input: input)
        do {
            _ = try OutputWriter.write(segments, from: source, to: destination, overwrite: options.overwrite || options.fix == .inPlace,
                                       encoding: keepEncoding ? input.encoding : .utf8, generation: outline.generation)
            file.fixedOutput = destination
            file.fixesApplied = applied
        } catch {
            switch error {
            case .invalid(let check):
                // Errors remain that no fix can mend: the corrected file is not written.
                file.fixRefused = check
                file.fixesApplied = applied
            case .exists(let p):
                throw DocumentError(path: p, kind: .outputRefused(Localized(
                    fr: "le fichier existe déjà : choisissez un autre nom avec -o, --force pour le remplacer",
                    en: "the file already exists: choose another name with -o, --force to replace it")))
            case .cannotWrite(let p):
                throw DocumentError(path: p, kind: .outputRefused(Localized(fr: "impossible d'écrire ici", en: "cannot write here")))
            case .input(let e):
                throw DocumentError(path: e.path, kind: .input(e.kind))
            }
        }
    }

    // MARK: - Diagnostics

    private func diagnostic(_ v: SchemaViolation, id: String?) -> Diagnostic {
        Diagnostic(
            code: v.errorClass.code, slug: v.errorClass.slug, severity: .error, file: path, line: v.line, column: v.column,
            idTechnique: id, certification: nil, elementPath: v.path, element: v.element, value: v.value,
            message: v.plainMessage(privacy: options.privacy), cdcWording: v.cdcWording(privacy: options.privacy),
            validatorCode: v.validatorCode, fixability: .none, fix: nil, elementRange: v.elementRange)
    }

    private func ruleDiagnostic(_ rule: CheckRule, _ f: RuleFinding, id: String?, certification: Int?) -> Pending {
        let d = Diagnostic(
            code: rule.code, slug: rule.slug, severity: rule.severity, file: path, line: f.line, column: f.column,
            idTechnique: id, certification: nil, elementPath: f.path, element: f.element, value: f.value,
            message: maskValues(f.message, value: f.value, field: f.element), cdcWording: nil, validatorCode: nil,
            fixability: f.edits.isEmpty ? .none : rule.fixability, fix: f.edits.isEmpty ? nil : rule.fix, elementRange: nil)
        return Pending(diagnostic: d, certificationIndex: certification, edits: f.edits)
    }

    /// Rule messages quote values: masked when they belong to a personal field.
    private func maskValues(_ m: Localized, value: String?, field: String) -> Localized {
        guard let value, !value.isEmpty, !options.privacy.showPersonalData, DepositFields.isPersonal(field) else { return m }
        return Localized(fr: m.fr.replacingAll(value, with: Privacy.mask), en: m.en.replacingAll(value, with: Privacy.mask))
    }

    private func message(for fix: AppliedFix) -> Localized {
        let v = fix.before.map { options.privacy.display($0, field: fix.element) } ?? ""
        switch fix.kind {
        case .trimmed:
            return Localized(fr: "espaces autour de « \(v.trimmingWhitespace()) »", en: "spaces around « \(v.trimmingWhitespace()) »")
        case .nilWord:
            return Localized(fr: "« \(v) » écrit en texte ; xsi:nil=\"true\" attendu", en: "« \(v) » typed as text; xsi:nil=\"true\" expected")
        default:
            return fix.kind.title
        }
    }
}
