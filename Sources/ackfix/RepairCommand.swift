import AckfixCore
import ArgumentParser
import Foundation

struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Écrit le fichier à redéposer. / Writes the file to deposit again.",
        discussion: """
            After a processing report: only the refused passages, corrected where ackfix can, under a new idFlux \
            and horodatage. After a technical rejection: the whole deposit with the mechanical fixes. The output \
            is checked against the schema before it is written; the deposit and the report are never modified.

            """ + ExitStatus.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The deposit sent to the CDC.")
    var deposit: String

    @Argument(help: "The processing report (accusé de traitement) received for it.")
    var report: String

    @Option(name: .shortAndLong, help: "Output file (default: <deposit>-resubmission-<yyyymmdd>.xml beside the deposit).")
    var output: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Option(name: .long, help: "CSV of corrections: idTechnique plus holder or validity-date columns (docs/repair.md).")
    var corrections: String?

    @Option(name: .long, help: "drop (default): leave out passages already recorded; renumber: send them under a new idTechnique.")
    var duplicates: Repairer.Options.Duplicates = .drop

    @Flag(name: .long, help: "Also apply the unsafe fixes: guesses at identity data (docs/fixes.md).")
    var unsafeFixes = false

    @Flag(name: .long, help: "Print a unified diff of the passages that change.")
    var diff = false

    @Flag(name: .long, help: "Check everything, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Replace an existing output file; accept a report that names another deposit.")
    var force = false

    @Option(name: .long, help: "The new idFlux (default: a fresh UUID). The horodatage follows SOURCE_DATE_EPOCH when set.")
    var fluxId: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let fluxId, fluxId.isEmpty || fluxId.count > 50 {
            throw ValidationError("--flux-id: 1 to 50 characters")
        }
    }

    func run() throws {
        let language = common.language
        var options = Repairer.Options()
        options.output = output
        options.dryRun = dryRun
        options.force = force
        options.correctionsPath = corrections
        options.duplicates = duplicates
        options.unsafeFixes = unsafeFixes
        options.diff = diff
        options.privacy = common.privacy
        options.fluxID = fluxId
        // Reproducible output (SOURCE_DATE_EPOCH, as build tools use it).
        if let epoch = common.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
            options.now = Date(timeIntervalSince1970: epoch)
        }
        let result: RepairResult
        do {
            result = try Repairer.repair(depositPath: deposit, reportPath: report, options: options,
                                         progress: TerminalProgress(language: language))
        } catch {
            throw common.fail(error)
        }
        let out = FileDescriptorSink.standardOutput()
        switch format {
        case .text:
            let style = Style.forTerminal(isTerminal: out.isTerminal, environment: common.environment)
            RepairTextRenderer(language: language, privacy: common.privacy, style: style).render(result, to: out)
        case .json:
            RepairJSONRenderer(language: language, privacy: common.privacy).render(result, to: out)
        }
        if diff {
            UnifiedDiff.render(result.diff, depositName: deposit, outputName: result.outputPath, privacy: common.privacy, to: out)
        }
        out.flush()
        // Standard output has the details; standard error says in one line why nothing was written.
        if case .invalid(let check)? = result.refusal {
            throw common.fail(message: Self.notWritten(check, deposit: deposit, output: result.outputPath))
        }
        if result.resendsRejectedDepositUnchanged {
            let err = FileDescriptorSink.standardError()
            err.write("ackfix: " + Self.unchanged(deposit: deposit, report: report, output: result.outputPath)(language) + "\n")
            err.flush()
            throw ExitCode(ExitStatus.findings)
        }
        if result.needsAttention { throw ExitCode(ExitStatus.findings) }
    }

    static func notWritten(_ check: OutputCheck, deposit: String, output: String) -> Localized {
        let n = check.violations.count
        if n == 0, let f = check.readFailure {
            let cause = DocumentError(path: output, kind: .xml(f)).cause
            return Localized(fr: "\(deposit): \(output) non écrit : il ne serait pas lisible (\(cause(.fr)))",
                             en: "\(deposit): \(output) not written: it would not be readable (\(cause(.en)))")
        }
        return Localized(fr: "\(deposit): \(output) non écrit : " + (n == 1 ? "1 valeur ne passerait pas" : "\(n) valeurs ne passeraient pas")
                             + " le contrôle du schéma (détail sur la sortie standard)",
                         en: "\(deposit): \(output) not written: " + (n == 1 ? "1 value" : "\(n) values")
                             + " would fail the schema check (details on standard output)")
    }

    static func unchanged(deposit: String, report: String, output: String) -> Localized {
        Localized(
            fr: "\(deposit): \(output) est le dépôt inchangé (seuls idFlux et horodatage sont nouveaux) : ackfix n'y trouve rien à corriger, la CDC le refusera sans doute pour les mêmes erreurs ; voyez ackfix explain \(report) --deposit \(deposit)",
            en: "\(deposit): \(output) is the deposit unchanged (only idFlux and horodatage are new): ackfix finds nothing to fix in it, so the CDC will likely refuse it for the same errors; see ackfix explain \(report) --deposit \(deposit)")
    }
}

extension Repairer.Options.Duplicates: ExpressibleByArgument {}
