import AckfixCore
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The command line: parsing, language, output and exit codes. The work is done in AckfixCore.
@main
struct Ackfix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ackfix",
        abstract: "Explique les accusés de traitement de la CDC et prépare le fichier à renvoyer. / Explains CDC processing reports and prepares the file to send again.",
        discussion: ExitStatus.help,
        version: AckfixVersion.current,
        subcommands: [Explain.self, Repair.self, Check.self, Schema.self, Docs.self])

    static func main() {
        #if canImport(Glibc)
        // Buffers of 128 KB and more go straight back to the system when freed, instead of glibc's
        // adaptive threshold keeping them: peak memory then follows what a run really holds.
        // (mallopt is not in Swift's Glibc module; -3 is glibc's M_MMAP_THRESHOLD.)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        if let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(f, to: MallOpt.self)(-3, 128 * 1024)
        }
        #endif
        main(nil)
    }
}

/// Exit codes, the same for every command.
enum ExitStatus {
    static let success: Int32 = 0
    static let findings: Int32 = 1
    static let couldNotRun: Int32 = 2
    static let usage: Int32 = 64

    static let help = """
        Exit codes / codes de sortie:
          0   nothing to fix / rien à corriger
          1   something to fix: KO passages, errors, passages to review / des passages ou erreurs à corriger
          2   ackfix could not do its job: unreadable or wrong file, output refused / ackfix n'a pas pu travailler
          64  wrong command line / ligne de commande incorrecte
        """
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "fr or en (default: from LC_ALL, LC_MESSAGES, LANG). / fr ou en.")
    var lang: String?

    @Flag(name: .long, help: "Show names, birth dates, birth places and NIR (masked by default). / Affiche les données personnelles.")
    var showPersonalData = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        if let lang, Language.resolve(explicit: lang, environment: [:]) == nil {
            throw ValidationError("--lang: expected fr or en, got \(lang)")
        }
    }

    var language: Language { Language.resolve(explicit: lang, environment: environment) ?? .en }
    var privacy: Privacy { Privacy(showPersonalData: showPersonalData) }

    /// Prints one line naming the file and the cause, and ends with exit code 2.
    func fail(_ error: DocumentError) -> ExitCode {
        let err = FileDescriptorSink.standardError()
        err.write("ackfix: " + error.message(language) + "\n")
        err.flush()
        return ExitCode(ExitStatus.couldNotRun)
    }

    func fail(message: Localized) -> ExitCode {
        let err = FileDescriptorSink.standardError()
        err.write("ackfix: " + message(language) + "\n")
        err.flush()
        return ExitCode(ExitStatus.couldNotRun)
    }
}

/// Progress on stderr for long reads, only on a terminal.
final class TerminalProgress: ProgressObserver {
    private let sink = FileDescriptorSink.standardError()
    private var last = 0
    private var passages = 0
    private let language: Language
    private let minimumSize: Int

    /// Nil unless standard error is a terminal: pipelines and logs get nothing.
    init?(language: Language, minimumSize: Int = 20 * 1024 * 1024) {
        guard sink.isTerminal else { return nil }
        self.language = language
        self.minimumSize = minimumSize
    }

    func didRead(passages: Int) { self.passages = passages }

    func didRead(bytes: Int, of total: Int) {
        guard total >= minimumSize, bytes - last >= 8 * 1024 * 1024 || bytes == total else { return }
        last = bytes
        let pct = total > 0 ? bytes * 100 / total : 0
        let fr = language == .fr
        let seen = passages == 0 ? "" : ", \(passages) passages"
        sink.write("\r" + (fr ? "lecture : " : "reading: ") + "\(bytes / 1_048_576) / \(total / 1_048_576) MB (\(pct) %)" + seen)
        if bytes >= total { sink.write("\r\u{1B}[K") }
        sink.flush()
    }
}
