import Foundation

/// Work done on a thread of its own while the caller goes on: a deposit is read twice at once
/// (rules on one core, schema on the other), a written file is validated as it is written.
/// The work must share nothing mutable with the caller until `wait()` returns its result.
final class BackgroundWork<Result>: @unchecked Sendable {
    private var body: (() -> Result)?
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Result) {
        // libxml2's process-wide set-up must not race between threads.
        LibXML.initializeOnce()
        self.body = body
        let thread = Thread { [self] in
            result = self.body?()
            self.body = nil
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, once the work is over.
    func wait() -> Result {
        done.wait()
        done.signal()  // a second wait returns at once
        return result!
    }
}

/// Chunks handed from one thread to another. The sender waits while `capacity` chunks are
/// queued, so a slow receiver bounds memory instead of letting it grow.
final class ChunkPipe<Chunk>: @unchecked Sendable {
    private var chunks: [Chunk] = []
    private var closed = false
    private var cancelled = false
    private let condition = NSCondition()
    private let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    /// Dropped once the pipe is cancelled: no receiver would ever make room for it.
    func send(_ chunk: Chunk) {
        condition.lock()
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if !cancelled { chunks.append(chunk) }
        condition.broadcast()
        condition.unlock()
    }

    /// No more chunks: `receive` returns nil once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// No more chunks, and those queued are dropped: `receive` returns nil at once.
    func cancel() {
        condition.lock()
        chunks.removeAll()
        closed = true
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the pipe was cancelled rather than closed.
    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    func receive() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !closed { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        condition.broadcast()
        return chunks.removeFirst()
    }
}

/// Work run on a thread of its own each time it is asked for (a file written persisted to disk as
/// it grows). Asked again while it runs, it runs once more after it.
final class OnDemandWork: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested = false
    private var stopped = false
    private var work: BackgroundWork<Void>?

    init(_ body: @escaping () -> Void) {
        work = BackgroundWork { [self] in
            while take() { body() }
        }
    }

    func request() {
        condition.lock()
        requested = true
        condition.signal()
        condition.unlock()
    }

    /// Waits for the run under way, if any; none starts after.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
        work?.wait()
    }

    /// Whether to run once more.
    private func take() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !requested && !stopped { condition.wait() }
        guard !stopped else { return false }
        requested = false
        return true
    }
}
