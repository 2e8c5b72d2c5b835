import Foundation
import Testing
@testable import AckfixCore

@Suite("Output writer")
struct OutputWriterTests {
    /// Two passages of the sample broken for the schema: a birth name over 60 characters, a date
    /// that is no date.
    private static func invalidSample() throws -> String {
        var text = try String(contentsOfFile: Paths.sample("deposit.xml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "<cpf:nomNaissance>N'Diaye</cpf:nomNaissance>",
                                         with: "<cpf:nomNaissance>\(String(repeating: "N'Diaye ", count: 9))</cpf:nomNaissance>")
        let date = try #require(text.firstRange(of: "<cpf:dateFinExamen>2026-05-19</cpf:dateFinExamen>"))
        text.replaceSubrange(date, with: "<cpf:dateFinExamen>le 19 mai</cpf:dateFinExamen>")
        return text
    }

    private static func violations(writingTo destination: String?, _ text: String, in dir: String) throws -> OutputCheck {
        Paths.write(text, to: dir + "/in.xml")
        let source = try ByteSource(path: dir + "/in.xml")
        do {
            _ = try OutputWriter.write([.copy(0..<text.utf8.count)], from: source, to: destination, overwrite: false,
                                       encoding: .utf8, generation: .v1_1_2)
        } catch {
            if case .invalid(let check) = error { return check }
            throw error
        }
        Issue.record("the output was found valid")
        return OutputCheck()
    }

    @Test("an invalid UTF-8 output, validated without locations, is located as in a dry run, and not left behind")
    func invalidOutputLocatedAfterwards() throws {
        let dir = Paths.scratch()
        let text = try Self.invalidSample()
        let written = try Self.violations(writingTo: dir + "/out.xml", text, in: dir)
        // A dry run has no file to read back: it locates as it validates.
        let dryRun = try Self.violations(writingTo: nil, text, in: dir)
        func described(_ c: OutputCheck) -> [String] {
            c.violations.map { "\($0.kind) \($0.line):\($0.column) \($0.elementRange) \(String(describing: $0.passageIndex)) \($0.path)" }
        }
        #expect(written.violations.map(\.kind) == [.invalidValue, .maxLength])
        #expect(described(written) == described(dryRun))
        #expect(written.violations.allSatisfy { $0.line > 1 && $0.column > 1 && !$0.elementRange.isEmpty })
        let bytes = Array(text.utf8)
        #expect(written.violations.allSatisfy { v in
            String(decoding: bytes[v.elementRange], as: UTF8.self).hasPrefix("<cpf:" + (v.path.last ?? "?"))
        })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["in.xml"])
    }

    @Test("a pipe closed hands over what it queued, a pipe cancelled drops it", .timeLimit(.minutes(1)))
    func pipeClosedOrCancelled() {
        let closed = ChunkPipe<Int>(capacity: 4)
        closed.send(1)
        closed.send(2)
        closed.close()
        #expect(closed.receive() == 1)
        #expect(closed.receive() == 2)
        #expect(closed.receive() == nil)
        #expect(!closed.isCancelled)
        let cancelled = ChunkPipe<Int>(capacity: 4)
        cancelled.send(1)
        cancelled.send(2)
        cancelled.cancel()
        #expect(cancelled.receive() == nil)
        #expect(cancelled.isCancelled)
        // Nobody receives any more: a sender must not wait for room, whatever the capacity.
        for i in 0..<10 { cancelled.send(i) }
        #expect(cancelled.receive() == nil)
    }

    @Test("work on demand runs once per request, or once more for those made while it runs; none after it stops",
          .timeLimit(.minutes(1)))
    func workOnDemand() {
        let running = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let runs = Counter()
        let work = OnDemandWork {
            runs.increment()
            running.signal()
            release.wait()
        }
        work.request()
        running.wait()
        // Three requests while the first run waits: one run more.
        for _ in 0..<3 { work.request() }
        release.signal()
        running.wait()
        release.signal()
        work.stop()
        work.request()
        #expect(runs.value == 2)
        // Stopped before any request: no run, and stop returns.
        let idle = OnDemandWork { runs.increment() }
        idle.stop()
        #expect(runs.value == 2)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test("an output abandoned while its chunks are queued leaves nothing behind", .timeLimit(.minutes(1)))
    func abandonedOutputLeavesNothing() throws {
        let dir = Paths.scratch()
        let text = try String(contentsOfFile: Paths.sample("deposit.xml"), encoding: .utf8)
        let session = try OutputWriter.Session(to: dir + "/out.xml", overwrite: false, encoding: .utf8, generation: .v1_1_2)
        // More than both queues hold (64 chunks of 64 KiB each): some are still queued when abandoned.
        let bytes = Array(text.utf8)
        for _ in 0..<(12 << 20) / bytes.count { session.append(bytes) }
        session.abandon()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("a named pipe in the way is replaced, not waited on", .timeLimit(.minutes(1)))
    func namedPipeReplaced() throws {
        let dir = Paths.scratch()
        let text = try String(contentsOfFile: Paths.sample("deposit.xml"), encoding: .utf8)
        Paths.write(text, to: dir + "/in.xml")
        #expect(mkfifo(dir + "/out.xml", 0o644) == 0)
        let source = try ByteSource(path: dir + "/in.xml")
        let check = try OutputWriter.write([.copy(0..<text.utf8.count)], from: source, to: dir + "/out.xml", overwrite: true,
                                           encoding: .utf8, generation: .v1_1_2)
        #expect(check.isValid)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/out.xml")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(FileManager.default.contents(atPath: dir + "/out.xml") == Data(text.utf8))
    }
}
