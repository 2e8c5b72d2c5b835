#if canImport(Glibc)
import Glibc
#endif

/// A new file with a hidden, unique name (`mkstemp`) in a given folder: the temporary output that
/// is renamed into place, or the copy of a transcoded input.
final class ScratchFile {
    let path: String
    private(set) var descriptor: Int32
    /// A write failed (disk full…): the file must not be used.
    private(set) var failed = false

    /// `<folder>/.<name>XXXXXX`, nil when the folder does not take new files.
    init?(in folder: String, name: String) {
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        descriptor = fd
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The folder of `path` ("" for the current one).
    static func folder(of path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    }

    func write(_ bytes: [UInt8]) {
        guard !failed, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = Glibc.write(descriptor, buf.baseAddress! + done, buf.count - done)
                if n <= 0 {
                    failed = true
                    return
                }
                done += n
            }
        }
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    func remove() {
        close()
        unlink(path)
    }
}
