#if canImport(Glibc)
import Glibc
#endif

/// Where each refused passage met in the deposit lies, in deposit order, kept in an unlinked
/// temporary file rather than in memory: a repair of 200,000 refused passages would otherwise hold
/// 8 MB of them from the deposit's read to the writing of the output. Only byte offsets and small
/// numbers are written, never a passage's content. Without a temporary folder, they stay in memory.
final class PlanSpill {
    struct Record {
        /// The passage's place among the report's refused passages.
        var refusal: Int32
        var certificationIndex: Int32
        var line: Int32
        /// Goes into the output (a duplicate left out does not).
        var isSent: Bool
        /// Its edits write an `xsi:nil`, which the root may not declare yet.
        var needsXSI: Bool
        var leadingTriviaStart: Int64
        var start: Int64
        var end: Int64

        var range: Range<Int> { Int(start)..<Int(end) }
    }

    /// The file could not be read back (a failing disk): what it held is lost.
    struct Unreadable: Error {
        let folder: String
    }

    private static let batch = 2048
    /// Where the file is.
    let folder: String
    private var descriptor: Int32 = -1
    /// Records not yet written (all of them when there is no file).
    private var pending: [Record] = []
    private var written = 0
    private var failed = false
    // The batch last read back, for `subscript`.
    private var window: [Record] = []
    private var windowStart = -1

    /// - Parameter folder: where the file goes, the temporary folder by default.
    init(folder: String? = nil) {
        let folder = folder ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        self.folder = folder
        if let file = ScratchFile(in: folder, name: "ackfix-plans-") {
            descriptor = file.descriptor
            unlink(file.path)  // gone with the process, whatever happens
        }
        pending.reserveCapacity(Self.batch)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    var count: Int { written + pending.count }

    func append(_ record: Record) {
        pending.append(record)
        if descriptor >= 0, !failed, pending.count >= Self.batch { flush() }
    }

    private func flush() {
        let size = MemoryLayout<Record>.stride * pending.count
        let ok = pending.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, size, off_t(written * MemoryLayout<Record>.stride)) == size }
        // A full disk: the rest stays in memory, what is on disk is still read from there.
        guard ok else {
            failed = true
            return
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    func record(at k: Int) throws(Unreadable) -> Record {
        if k >= written { return pending[k - written] }
        if windowStart < 0 || k < windowStart || k >= windowStart + window.count {
            let start = k - k % Self.batch
            let n = min(Self.batch, written - start)
            var got = 0
            let batch = [Record](unsafeUninitializedCapacity: n) { buffer, initialized in
                let size = MemoryLayout<Record>.stride * n
                got = pread(descriptor, buffer.baseAddress, size, off_t(start * MemoryLayout<Record>.stride))
                // The file was written by this process a moment ago: a short read is a broken disk.
                guard got == size else { return }
                initialized = n
            }
            guard batch.count == n else { throw Unreadable(folder: folder) }
            (window, windowStart) = (batch, start)
        }
        return window[k - windowStart]
    }

    /// Every record, in deposit order, with its number.
    func forEach(_ body: (Int, Record) -> Void) throws(Unreadable) {
        for k in 0..<count { body(k, try record(at: k)) }
    }
}
