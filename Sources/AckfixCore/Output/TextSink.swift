#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where renderers write: a buffered file descriptor, or memory for tests.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Buffered writes to a file descriptor (stdout, stderr).
public final class FileDescriptorSink: TextSink {
    private let fd: Int32
    private var buffer: [UInt8] = []

    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(fd: 1) }
    public static func standardError() -> FileDescriptorSink { FileDescriptorSink(fd: 2) }

    deinit { flush() }

    public func write(_ text: String) {
        // Copied as one block: appending the `utf8` view goes byte by byte (an account of 200,000
        // passages is tens of megabytes).
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var start = 0
        while start < buffer.count {
            let n = buffer[start...].withUnsafeBytes { writeBytes(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            start += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Whether the descriptor is a terminal (colour and progress only then).
    public var isTerminal: Bool { isatty(fd) == 1 }
}

/// Collects text in memory.
public final class StringSink: TextSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ s: String) { text += s }
}

private func writeBytes(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
