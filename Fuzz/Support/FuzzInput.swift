import AckfixCore
#if canImport(Glibc)
import Glibc
#endif

/// The readers take paths, as the CLI does: each input is written to a file on tmpfs, in a folder
/// of this process (libFuzzer's -jobs/-fork runs several processes side by side).
enum FuzzInput {
    static let folder: String = {
        let dir = "/dev/shm/ackfix-fuzz-\(getpid())"
        mkdir(dir, 0o700)
        return dir
    }()

    /// Writes the input to `name` in the folder and returns its path.
    static func write(_ data: UnsafePointer<UInt8>, _ size: Int, name: String) -> String {
        let path = folder + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot write \(path)")
        var written = 0
        while written < size {
            let n = Glibc.write(fd, data + written, size - written)
            precondition(n > 0, "short write to \(path)")
            written += n
        }
        close(fd)
        return path
    }

    /// The package's samples, found from this file's place (Fuzz/Support/ → the package root).
    static func sample(_ name: String) -> String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Samples/" + name
    }

    /// One of `count` variants (language, masking, sample) for this input. Running every variant on
    /// every input would multiply the cost of an input; tied to the size, the choice stays the same
    /// for the same input (libFuzzer needs that) and mutations that grow or shrink it try the others.
    static func variant(_ size: Int, of count: Int) -> Int { size % count }

    /// Renders a refusal in both languages: the message code quotes values read from the file.
    static func render(_ error: DocumentError) {
        for language in Language.allCases { _ = error.message(language) }
    }
}
