#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
}

/// A file written through a 1 MB buffer. Documents are streamed, never built in memory, so memory
/// stays flat whatever the number of passages.
final class OutputFile {
    private static let capacity = 1 << 20
    private let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: OutputFile.capacity)
    private var count = 0
    private var writeFailed = false

    init(path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw GeneratorError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.file = file
    }

    deinit { buffer.deallocate() }

    func write(_ bytes: UnsafeRawBufferPointer) {
        if count + bytes.count > Self.capacity { flush() }
        guard let base = bytes.baseAddress else { return }
        if bytes.count > Self.capacity {
            if fwrite(base, 1, bytes.count, file) != bytes.count { writeFailed = true }
        } else {
            (buffer + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
            count += bytes.count
        }
    }

    func write(_ text: StaticString) {
        text.withUTF8Buffer { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    func write(byte: UInt8) {
        if count == Self.capacity { flush() }
        buffer[count] = byte
        count += 1
    }

    /// A non-negative number, left-padded with zeros to `width` digits.
    func write(_ number: Int, width: Int = 1) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes on the stack: no allocation per number
        withUnsafeMutableBytes(of: &digits) { raw in
            var n = number, i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0 || raw.count - i < width
            write(UnsafeRawBufferPointer(rebasing: raw[i...]))
        }
    }

    private func flush() {
        if count > 0, fwrite(buffer, 1, count, file) != count { writeFailed = true }
        count = 0
    }

    func close() throws {
        flush()
        if fclose(file) != 0 || writeFailed {
            throw GeneratorError(description: "could not write \(path) completely: \(String(cString: strerror(errno)))")
        }
    }
}
