import Foundation

/// Where test inputs live.
enum Paths {
    /// The package root, found from this file's place.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func fixture(_ name: String) -> String { root + "/Tests/Fixtures/" + name }
    static func sample(_ name: String) -> String { root + "/Samples/" + name }

    /// The read-only reference corpus beside the project (real files nobody here wrote).
    static let sharedCorpus = root + "/../shared/corpus"
    static var hasSharedCorpus: Bool { FileManager.default.fileExists(atPath: sharedCorpus) }

    static func corpusFiles(_ folder: String) -> [String] {
        let dir = sharedCorpus + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { dir + "/" + $0 }
    }

    /// A fresh scratch folder for one test.
    static func scratch() -> String {
        let dir = NSTemporaryDirectory() + "ackfix-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func writeBytes(_ bytes: [UInt8], to path: String) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    }

    static func write(_ text: String, to path: String) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)), "cannot write \(path)")
    }
}
