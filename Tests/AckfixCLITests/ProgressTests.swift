import Foundation
import Testing

/// Long runs show their progress on standard error when it is a terminal, and nothing otherwise
/// (CI logs, pipes).
@Suite struct ProgressTests {
    @Test func progressShowsOnATerminalOnly() throws {
        let dir = CLI.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // About 23 MB: over the 20 MB under which nothing is shown.
        let gen = try CLI.run(["--passages", "10000", "--seed", "3", "--deposit", "deposit.xml", "--report", "report.xml",
                               "--ko-share", "0"], executable: CLI.sibling("ackfix-gen"), in: dir)
        #expect(gen.status == 0, "\(gen.stderr)")
        let deposit = dir + "/deposit.xml"

        let piped = try CLI.run(["check", deposit, "--lang", "en"])
        #expect([0, 1].contains(piped.status), "\(piped.stderr)")
        #expect(!piped.stderr.contains("reading"), "progress written to a pipe")

        // script(1) runs the command on a pseudo-terminal and copies what it shows to its output.
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script))
        let shown = try CLI.run(["-qec", "'\(CLI.binary)' check '\(deposit)' --lang en", "/dev/null"], executable: script)
        #expect(shown.stdout.range(of: #"reading: \d+ / \d+ MB \(\d+ %\), \d+ passages"#, options: .regularExpression) != nil,
                "no progress with bytes and passages on a terminal: \(shown.stdout.suffix(300))")
    }
}
