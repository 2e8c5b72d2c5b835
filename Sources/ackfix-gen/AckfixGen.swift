import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an invented deposit of any size, and the processing report the CDC could send back, for
/// benchmarks and property tests. Not part of ackfix itself: it shares no code with AckfixCore, so a
/// bug there cannot hide the same bug here.
@main
struct AckfixGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ackfix-gen",
        abstract: "Generates an invented CDC deposit (and its processing report) of any size.",
        discussion: "The same arguments always give byte-identical files. Every person is invented. Deposits of generation 1.1.2 validate against the official XSD.")

    @Option(help: "Number of passages (at least 1).")
    var passages: Int

    @Option(help: "Seed of the generator.")
    var seed: UInt64

    @Option(help: "Deposit file to write.")
    var deposit: String

    @Option(help: "Processing report to write (accusé de traitement).")
    var report: String?

    @Option(help: "Share of KO passages in the report, from 0 to 1.")
    var koShare: Double = 0.05

    @Option(help: ArgumentHelp("How KO passages are shared between error classes (default: \(Mix.standard)).", valueName: "class=weight,…"),
            transform: { try Mix(parsing: $0) })
    var mix: Mix = .standard

    @Option(help: "Number of certification blocks (default: passages/1000, between 1 and 20).")
    var certifications: Int?

    @Option(help: "Schema generation: 1.1.2 or 1.1.5 (2026 kit: action and identifiantNational).")
    var generation: Generation = .v1_1_2

    @Flag(help: "One element per line, without indentation.")
    var compact = false

    func validate() throws {
        guard passages >= 1 else { throw ValidationError("--passages must be at least 1") }
        guard (0...1).contains(koShare) else { throw ValidationError("--ko-share must be between 0 and 1") }
        if let certifications, certifications < 1 { throw ValidationError("--certifications must be at least 1") }
        if koShare > 0, mix.total == 0 { throw ValidationError("--mix gives no weight to any class, but --ko-share is not 0") }
    }

    func run() throws {
        let flux = Flux(seed: seed)
        let plan = Plan(
            seed: seed, passageCount: passages, koShare: koShare, mix: mix,
            certificationCount: certifications ?? max(1, min(20, passages / 1000)))
        try DepositWriter(plan: plan, flux: flux, generation: generation, compact: compact).write(to: deposit)
        if let report {
            let fileName = deposit.split(separator: "/").last.map(String.init) ?? deposit
            try ReportWriter(plan: plan, flux: flux, depositFileName: fileName, compact: compact).write(to: report)
        }
        let summary = "ackfix-gen: \(passages) passages in \(plan.certifications.count) certification block(s), \(plan.koCount) KO\n"
        _ = Array(summary.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
