import AckfixCore
import ArgumentParser

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explique un accusé de traitement. / Explains a processing report.",
        discussion: "Says what went wrong, per class, and what to do for each passage. With --deposit, each refused passage is joined to the deposit (certification, identity fields sent, diagnosis).\n\n" + ExitStatus.help)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "The processing report (accusé de traitement) received from the CDC.")
    var report: String

    @Option(name: .long, help: "The deposit the report is about.")
    var deposit: String?

    @Option(name: .long, help: "text, json or markdown.")
    var format: Format = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let explanation: Explanation
        do {
            explanation = try Explainer.explain(
                reportPath: report, options: .init(depositPath: deposit, privacy: common.privacy),
                progress: TerminalProgress(language: language))
        } catch {
            throw common.fail(error)
        }
        let out = FileDescriptorSink.standardOutput()
        switch format {
        case .text:
            let style = Style.forTerminal(isTerminal: out.isTerminal, environment: common.environment)
            ExplanationTextRenderer(language: language, style: style).render(explanation, to: out)
        case .json:
            ExplanationJSONRenderer(language: language).render(explanation, to: out)
        case .markdown:
            ExplanationMarkdownRenderer(language: language).render(explanation, to: out)
        }
        out.flush()
        if explanation.hasProblems || !explanation.notInDeposit.isEmpty { throw ExitCode(ExitStatus.findings) }
    }
}
