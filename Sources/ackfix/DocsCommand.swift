import AckfixCore
import Foundation
import ArgumentParser

/// `ackfix docs` (hidden): writes the pages generated from the catalogue and the rules.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Writes the generated documentation pages (error classes, rules) below a folder.",
        shouldDisplay: false)

    @Argument(help: "The docs folder, e.g. docs/")
    var folder: String

    func run() throws {
        for page in DocumentationPages.all() {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(page.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(page.content.utf8).write(to: url)
        }
    }
}
