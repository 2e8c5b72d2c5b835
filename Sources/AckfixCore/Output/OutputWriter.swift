#if canImport(Glibc)
import Glibc
#endif

/// What the written (or, in a dry run, would-be) output turned out to be, read back as it was produced.
public struct OutputCheck: Sendable {
    public var violations: [SchemaViolation] = []
    public var passageCount = 0
    public var bytes = 0
    public var isValid: Bool { violations.isEmpty && readFailure == nil }
    public var readFailure: XMLReadFailure?
}

/// Writes an output deposit from segments of the input: to a temporary file beside the target,
/// reading every byte back through the parser and ackfix's schema validator as it goes, and renames
/// it into place only when the whole file validates. An invalid output is never left behind.
public enum OutputWriter {
    public enum Failure: Error, Sendable {
        case exists(String)
        case cannotWrite(String)
        case invalid(OutputCheck)
        case input(InputError)
    }

    /// - Parameters:
    ///   - destination: nil for a dry run (validated, not written).
    ///   - encoding: the encoding to write; the segments are UTF-8. The XML declaration written
    ///     names it (`PrologRepair.conform`), and UTF-16 starts with its byte order mark.
    public static func write(
        _ segments: [OutputSegment], from source: ByteSource, to destination: String?, overwrite: Bool,
        encoding: DocumentEncoding, generation: SchemaGeneration
    ) throws(Failure) -> OutputCheck {
        let session = try Session(to: destination, overwrite: overwrite, encoding: encoding, generation: generation)
        do {
            for segment in segments {
                switch segment {
                case .bytes(let b): session.append(b)
                case .copy(let range): try source.read(range) { session.append($0) }
                }
            }
        } catch {
            session.abandon()
            throw .input(error)
        }
        return try session.finish()
    }

    /// An output written piece by piece, in order: `finish` validates and puts it in place,
    /// `abandon` leaves nothing behind.
    final class Session {
        private let pipe = ChunkPipe<[UInt8]>(capacity: 16)
        private let toFile = ChunkPipe<[UInt8]>(capacity: 16)
        private let checking: BackgroundWork<OutputCheck>
        /// Writes the file; whether all of it reached the disk.
        private let writing: BackgroundWork<Bool>?
        private let encoding: DocumentEncoding
        private let destination: String?
        private let overwrite: Bool
        private var file: TemporaryFile?
        private var pending: [UInt8] = []
        private var atHead = true
        // The first chunk holds at least 256 KiB, or the whole output: the prolog is in it. The next
        // ones stay under 128 KiB, where freed memory is reused rather than given back and asked again.
        private var chunkSize = 1 << 18
        private var over = false

        init(to destination: String?, overwrite: Bool, encoding: DocumentEncoding,
             generation: SchemaGeneration) throws(Failure) {
            let encoder = OutputEncoder(encoding)
            var file: TemporaryFile?
            if let destination {
                if !overwrite, access(destination, F_OK) == 0 { throw .exists(destination) }
                guard let f = TemporaryFile(beside: destination) else { throw .cannotWrite(destination) }
                file = f
                f.write(encoder.byteOrderMark)
            }
            self.encoding = encoding
            self.destination = destination
            self.overwrite = overwrite
            self.file = file
            self.generation = generation
            // A UTF-8 file holds the very bytes validated: they are validated without locating
            // anything (an eighth of its work), and read back with locations only if found invalid.
            let locating = file == nil || encoding != .utf8
            locatesLater = !locating
            // Another core reads the bytes back through the validator while this one produces
            // them, and a third thread writes them to the file and then to the disk: the kernel's
            // copy goes to whichever core has room. Each pipe holds 1 MB, so that no thread waits
            // on another's short stalls: 4 MB ran no faster, and whether they filled up changed a
            // repair's peak memory on 20,000 passages by 3.5 MB from one run to the next.
            let pipe = self.pipe
            checking = BackgroundWork { () -> OutputCheck in
                Self.check(generation: generation, locating: locating) { feed in
                    while let chunk = pipe.receive() { feed(chunk) }
                }
            }
            let toFile = self.toFile
            writing = file.map { file in
                BackgroundWork { () -> Bool in
                    while let chunk = toFile.receive() { file.write(encoder.encode(chunk)) }
                    // Abandoned: the file is about to be removed, nothing of it need reach the disk.
                    guard !toFile.isCancelled else { return false }
                    file.write(encoder.finish())
                    return file.flushToDisk()
                }
            }
            pending.reserveCapacity(chunkSize)
        }

        private let generation: SchemaGeneration
        private let locatesLater: Bool

        /// Reads the chunks `produce` hands over through the schema validator.
        private static func check(generation: SchemaGeneration, locating: Bool,
                                  produce: (_ feed: ([UInt8]) -> Void) -> Void) -> OutputCheck {
            var check = OutputCheck()
            let validator = SchemaValidator(schema: .forGeneration(generation)) { check.violations.append($0) }
            // The segments are UTF-8 whatever encoding their declaration names (the output's).
            let parser = XMLStreamParser(handler: validator, ignoreDeclaredEncoding: true, locating: locating)
            produce { chunk in
                parser.feed(chunk)
                check.bytes += chunk.count
            }
            do throws(XMLReadFailure) { try parser.finish() } catch { check.readFailure = error }
            check.passageCount = validator.passagesAccepted
            return check
        }

        deinit { if !over { abandon() } }

        func append(_ bytes: UnsafeRawBufferPointer) {
            makeRoom(for: bytes.count)
            pending.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
            if pending.count >= chunkSize { flush() }
        }

        func append(_ bytes: [UInt8]) {
            makeRoom(for: bytes.count)
            pending.append(contentsOf: bytes)
            if pending.count >= chunkSize { flush() }
        }

        /// Sends the chunk before it outgrows its buffer (growing it would copy it), past the head,
        /// which must reach the first chunk whole.
        private func makeRoom(for count: Int) {
            if !atHead, pending.count + count > pending.capacity { flush() }
        }

        private func flush() {
            guard !pending.isEmpty else { return }
            if atHead { PrologRepair.conform(&pending, to: encoding) }
            atHead = false
            if file != nil { toFile.send(pending) }
            pipe.send(pending)
            chunkSize = 1 << 16
            pending = []
            pending.reserveCapacity(chunkSize)
        }

        /// Stops the check and removes the temporary file.
        func abandon() {
            guard !over else { return }
            over = true
            pipe.cancel()
            toFile.cancel()
            _ = checking.wait()
            _ = writing?.wait()
            file?.discard()
        }

        /// Validates what was written and, when it is valid, moves it into place.
        func finish() throws(Failure) -> OutputCheck {
            flush()
            over = true
            pipe.close()
            toFile.close()
            var check = checking.wait()
            let onDisk = writing?.wait() ?? false
            if !check.isValid, locatesLater, let file {
                var readable = false
                let located = Self.check(generation: generation, locating: true) { feed in readable = file.readBack(into: feed) }
                if readable { check = located }
            }
            guard check.isValid else {
                file?.discard()
                throw .invalid(check)
            }
            if let file, let destination {
                guard onDisk, file.commit(to: destination, overwrite: overwrite) else {
                    file.discard()
                    throw access(destination, F_OK) == 0 && !overwrite ? .exists(destination) : .cannotWrite(destination)
                }
            }
            return check
        }
    }
}

/// A temporary file in the destination's folder, renamed into place at the end.
final class TemporaryFile {
    private let file: ScratchFile

    init?(beside destination: String) {
        let name = destination.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? "output"
        guard let file = ScratchFile(in: ScratchFile.folder(of: destination), name: name + ".ackfix-") else { return nil }
        self.file = file
        // The output holds the deposit's personal data: a file it replaces keeps its permissions,
        // a new one gets what the umask allows (mkstemp made it 0600).
        var st = stat()
        fchmod(file.descriptor, stat(destination, &st) == 0 ? st.st_mode & 0o777 : 0o666 & ~Self.umask)
    }

    /// The process's umask, read once (reading it means setting it).
    private static let umask: mode_t = {
        let mask = Glibc.umask(0o077)
        Glibc.umask(mask)
        return mask
    }()

    private var written = 0
    private var handedToDisk = 0
    private var persistedAsked = 0
    private var persisting: OnDemandWork?

    func write(_ bytes: [UInt8]) {
        file.write(bytes)
        written += bytes.count
        // The disk gets the file as it is written: the fsync before the rename then finds little
        // left to do (a 450 MB output otherwise waits a second or more for it).
        if written - handedToDisk >= 16 << 20 {
            Self.startWriteback(file.descriptor, from: handedToDisk, count: written - handedToDisk)
            handedToDisk = written
        }
        // Handed to the disk is not yet persisted: this machine's virtual disk persists at the
        // fsync what it was handed, 0.06 s for 42 MB, up to 0.5 s for 420 MB. Asked for every
        // 16 MB, on a thread of its own (this one would stall the queue behind it), the fsync
        // finds 0.02 to 0.03 s left (docs/performance.md). Both are needed: with the persisting
        // alone, the writeback lags: 5.5 to 5.8 s for 200,000 passages, against 5.0 to 5.1 s in
        // three runs of four (5.8 s in the fourth).
        if written - persistedAsked >= 16 << 20 {
            if persisting == nil {
                let descriptor = file.descriptor
                persisting = OnDemandWork { _ = fdatasync(descriptor) }
            }
            persisting?.request()
            persistedAsked = written
        }
    }

    /// Linux's sync_file_range(SYNC_FILE_RANGE_WRITE): starts writing, does not wait. Not in
    /// Swift's Glibc module; a no-op where it is missing.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        #if canImport(Glibc)
        guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(f, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
        #else
        return nil
        #endif
    }()

    private static func startWriteback(_ fd: Int32, from offset: Int, count: Int) {
        _ = syncFileRange?(fd, Int64(offset), Int64(count), 2)
    }

    /// Whether every byte written is on disk (the rename must not reach it before them).
    func flushToDisk() -> Bool {
        stopPersisting()
        return !file.failed && fsync(file.descriptor) == 0
    }

    /// Before the descriptor is closed.
    private func stopPersisting() {
        persisting?.stop()
        persisting = nil
    }

    // Its thread waits for requests until stopped.
    deinit { stopPersisting() }

    /// Moves the file, flushed to disk, into place; without `overwrite`, an existing file is kept.
    func commit(to destination: String, overwrite: Bool) -> Bool {
        stopPersisting()
        file.close()
        if overwrite {
            // The file replaced is freed with its last reference, in the rename itself unless it is
            // held open here: then on another core, while the account is written (ext4 takes a
            // third of a second to free a 400 MB file; the process still ends after it).
            let replaced = Self.openRegularFile(destination)
            let renamed = rename(file.path, destination) == 0
            if let replaced { _ = BackgroundWork { Glibc.close(replaced) } }
            return renamed
        }
        // link() refuses to replace an existing file: no window where one could be overwritten.
        guard link(file.path, destination) == 0 else { return false }
        unlink(file.path)
        return true
    }

    func discard() {
        stopPersisting()
        file.remove()
    }

    /// A descriptor on `path` if it is a regular file (not a link, and without waiting on a pipe).
    private static func openRegularFile(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG { return fd }
        Glibc.close(fd)
        return nil
    }

    /// Hands what was written to `feed` in chunks, from the start; false when it cannot be read.
    func readBack(into feed: ([UInt8]) -> Void) -> Bool {
        guard !file.failed else { return false }
        var offset = 0
        while true {
            var n = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buf, count in
                n = pread(file.descriptor, buf.baseAddress, buf.count, off_t(offset))
                count = max(n, 0)
            }
            if n < 0 { return false }
            if n == 0 { return true }
            offset += n
            feed(chunk)
        }
    }
}

/// UTF-8 in, the output's encoding out. Characters a single-byte encoding lacks become character
/// references, which every XML reader turns back into the character.
final class OutputEncoder {
    private let encoding: DocumentEncoding
    private var carry: [UInt8] = []
    private lazy var reverse: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let overrides: [UInt8: UInt32]
        switch encoding {
        case .windows1252: overrides = Transcoder.windows1252Overrides
        case .latin9: overrides = Transcoder.latin9Overrides
        default: overrides = [:]
        }
        for b in 0x80...0xFF {
            let byte = UInt8(b)
            table[overrides[byte] ?? UInt32(b)] = byte
        }
        return table
    }()

    init(_ encoding: DocumentEncoding) { self.encoding = encoding }

    /// What starts a file in this encoding: XML requires the mark in UTF-16 (XML 1.0 §4.3.3).
    var byteOrderMark: [UInt8] {
        switch encoding {
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        default: []
        }
    }

    func encode(_ utf8: [UInt8]) -> [UInt8] {
        if encoding == .utf8 { return utf8 }
        var input = carry + utf8
        // Keep an incomplete trailing UTF-8 sequence for the next call.
        var cut = input.count
        var i = input.count - 1
        var steps = 0
        while i >= 0, steps < 4, input[i] & 0xC0 == 0x80 {
            i -= 1
            steps += 1
        }
        if i >= 0, input[i] >= 0xC0 {
            let need = input[i] >= 0xF0 ? 4 : input[i] >= 0xE0 ? 3 : 2
            if input.count - i < need { cut = i }
        }
        carry = Array(input[cut...])
        input.removeSubrange(cut...)
        var out: [UInt8] = []
        out.reserveCapacity(input.count * (encoding == .utf16LE || encoding == .utf16BE ? 2 : 1))
        for scalar in String(decoding: input, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            switch encoding {
            case .utf16LE, .utf16BE:
                for unit in String(scalar).utf16 {
                    let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
                    if encoding == .utf16LE { out += [lo, hi] } else { out += [hi, lo] }
                }
            default:
                if v < 0x80 {
                    out.append(UInt8(v))
                } else if let b = reverse[v] {
                    out.append(b)
                } else {
                    out += Array("&#x\(String(v, radix: 16, uppercase: true));".utf8)
                }
            }
        }
        return out
    }

    func finish() -> [UInt8] {
        let rest = carry
        carry = []
        return rest.isEmpty ? [] : encode(rest)
    }
}
