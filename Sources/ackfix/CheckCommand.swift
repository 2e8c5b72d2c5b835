import AckfixCore
import ArgumentParser
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie des dépôts avant l'envoi. / Checks deposits before they are sent.",
        discussion: """
            Every schema violation (not only the first hundred), the business rules the schema misses, and what \
            would likely come back KO, with the CDC's own wording beside each finding. Codes: docs/rules/ and docs/errors/.

            Exit codes / codes de sortie:
              0   no error (warnings allowed unless --strict) / aucune erreur
              1   errors found (or warnings with --strict, or a --fix copy refused) / des erreurs
              2   the check could not run: unreadable or non-XML file, output refused / vérification impossible
              64  wrong command line / ligne de commande incorrecte
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github, junit, markdown }

    @Argument(help: "Deposit files to check.")
    var deposits: [String]

    @Option(name: .long, help: "Validate with this XSD (e.g. downloaded from the CDC portal) instead of ackfix's own schema.")
    var schema: String?

    @Option(name: .long, help: "text, json, sarif, github, junit or markdown.")
    var format: Format = .text

    @Flag(name: .long, help: "Write a corrected copy with the safe fixes ([*]).")
    var fix = false

    @Option(name: .shortAndLong, help: "With --fix: where to write the corrected copy (default: <deposit>-fixed.xml).")
    var output: String?

    @Flag(name: .long, help: "With --fix: replace the deposit itself.")
    var inPlace = false

    @Flag(name: .long, help: "With --fix: also apply the unsafe fixes ([!]).")
    var unsafeFixes = false

    @Option(name: .long, help: "Only these codes or code prefixes, comma separated (e.g. X,B02).")
    var select: String?

    @Option(name: .long, help: "Leave out these codes or code prefixes, comma separated (e.g. H01,H06).")
    var ignore: String?

    @Flag(name: .long, help: "Warnings count as errors for the exit code.")
    var strict = false

    @Flag(name: .long, help: "With --fix -o: replace an existing output file.")
    var force = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if (output != nil || inPlace || unsafeFixes) && !fix { throw ValidationError("-o, --in-place and --unsafe-fixes go with --fix") }
        if output != nil && inPlace { throw ValidationError("-o and --in-place: choose one") }
        if output != nil && deposits.count > 1 { throw ValidationError("-o takes one deposit; use --fix alone for several") }
    }

    func run() throws {
        let language = common.language
        var options = Checker.Options()
        options.select = select.map(codes)
        options.ignore = ignore.map(codes) ?? []
        options.strict = strict
        options.unsafeFixes = unsafeFixes
        options.overwrite = force
        options.privacy = common.privacy
        options.schemaPath = schema
        var result = CheckResult()
        result.strict = strict
        for deposit in deposits {
            var o = options
            if fix {
                if inPlace { o.fix = .inPlace } else { o.fix = .file(output ?? Self.fixedName(deposit)) }
            }
            let r = Checker.check(paths: [deposit], options: o, progress: TerminalProgress(language: language))
            result.files += r.files
        }
        let out = FileDescriptorSink.standardOutput()
        let privacy = common.privacy
        switch format {
        case .text:
            let style = Style.forTerminal(isTerminal: out.isTerminal, environment: common.environment)
            CheckTextReporter(language: language, privacy: privacy, style: style).render(result, to: out)
        case .json: CheckJSONReporter(language: language, privacy: privacy).render(result, to: out)
        case .sarif: CheckSARIFReporter(language: language, privacy: privacy).render(result, to: out)
        case .github: CheckGitHubReporter(language: language, privacy: privacy).render(result, to: out)
        case .junit: CheckJUnitReporter(language: language, privacy: privacy).render(result, to: out)
        case .markdown: CheckMarkdownReporter(language: language, privacy: privacy).render(result, to: out)
        }
        out.flush()
        // One line on standard error per file that could not be checked (machine formats carry it too).
        let err = FileDescriptorSink.standardError()
        for failure in result.files.compactMap({ $0.failure }) { err.write("ackfix: " + failure.message(language) + "\n") }
        err.flush()
        if result.couldNotRun { throw ExitCode(ExitStatus.couldNotRun) }
        // A corrected copy refused means errors remain that no fix mends: something to fix (the
        // check itself did its job; `repair`, whose job is the file, exits 2 instead).
        if result.failed || result.files.contains(where: { $0.fixRefused != nil }) { throw ExitCode(ExitStatus.findings) }
    }

    private func codes(_ list: String) -> [String] {
        list.split(separator: ",").map { String($0).trimmingWhitespace().uppercased() }.filter { !$0.isEmpty }
    }

    static func fixedName(_ deposit: String) -> String {
        var base = deposit
        if base.lowercased().hasSuffix(".xml") { base.removeLast(4) }
        return base + "-fixed.xml"
    }
}
