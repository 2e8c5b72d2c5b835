#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random access to the (UTF-8) stream a deposit was read as: the file itself, or a decoded copy
/// made while reading when ackfix transcoded or repaired the file on the way in.
public final class ByteSource {
    private let fd: Int32
    public let path: String

    /// - Parameter temporary: the file is a finished `StreamCopy`, handed over: it is removed at
    ///   once (the open descriptor keeps its bytes readable), so nothing is left behind whatever
    ///   happens next, even when it cannot be opened.
    public init(path: String, temporary: Bool = false) throws(InputError) {
        self.path = path
        fd = open(path, O_RDONLY)
        if temporary { unlink(path) }
        guard fd >= 0 else { throw InputError(path: path, kind: .unreadable) }
    }

    deinit { close(fd) }

    /// The bytes of `range`, read in pieces of at most `chunk` bytes.
    public func read(_ range: Range<Int>, chunk: Int = 1 << 20, into body: (UnsafeRawBufferPointer) -> Void) throws(InputError) {
        var offset = range.lowerBound
        var buffer = [UInt8](repeating: 0, count: Swift.min(chunk, Swift.max(range.count, 1)))
        while offset < range.upperBound {
            let want = Swift.min(buffer.count, range.upperBound - offset)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset)) }
            guard n > 0 else { throw InputError(path: path, kind: .unreadable) }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0.prefix(n))) }
            offset += n
        }
    }

    public func bytes(_ range: Range<Int>) throws(InputError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        try read(range) { out.append(contentsOf: $0) }
        return out
    }
}

/// Writes a file's decoded stream to a temporary file as it is read, when the stream differs from
/// the file (transcoded, or with a repaired XML declaration).
///
/// Ownership: the copy removes its file when it goes away, unless `finish()` was called; after
/// `finish()` the file belongs to the `ByteSource(path:temporary: true)` the caller opens on it.
/// A read that throws half-way (or a first attempt retried in another encoding) leaves nothing.
final class StreamCopy {
    private let file: ScratchFile
    private var finished = false
    var path: String { file.path }

    init?(besides original: String) {
        // The deposit's folder may be read-only: then the temporary folder.
        guard let file = ScratchFile(in: ScratchFile.folder(of: original), name: "ackfix-stream-")
                ?? ScratchFile(in: "/tmp", name: "ackfix-stream-") else { return nil }
        self.file = file
    }

    func write(_ chunk: [UInt8]) { file.write(chunk) }

    /// Ends the copy and hands the file over (see the type's ownership rule).
    func finish() {
        file.close()
        finished = true
    }

    deinit {
        if !finished { file.remove() }
    }
}
