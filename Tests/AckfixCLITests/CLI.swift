import Foundation
import Testing

/// Runs the built `ackfix` binary from the package root, as a user would.
enum CLI {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The binary sits beside the test bundle in the build folder.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("ackfix").path), dir.path != "/" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("ackfix").path
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Another program built with the package (`ackfix-gen`), beside `ackfix`.
    static func sibling(_ name: String) -> String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent(name).path
    }

    static func run(_ arguments: [String], executable: String = binary, environment: [String: String] = [:],
                    in directory: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting: a large output would otherwise fill the pipe and block.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Compares with a golden file; `ACKFIX_RECORD=1 swift test` rewrites it.
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = root + "/Tests/AckfixCLITests/Golden/" + name
        if ProcessInfo.processInfo.environment["ACKFIX_RECORD"] == "1" {
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(name): run ACKFIX_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(text == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }

    static func scratch() -> String {
        let dir = NSTemporaryDirectory() + "ackfix-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let sharedCorpus = root + "/../shared/corpus"
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus) }
}
