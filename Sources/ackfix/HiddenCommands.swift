import AckfixCore
import Foundation
import ArgumentParser

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
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

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Affiche le schéma XSD du dépôt tel qu'ackfix le lit. / Prints the deposit XSD as ackfix reads it.",
        discussion: "Use it with any XSD tool, e.g. ackfix schema > cpf.xsd && xmllint --noout --schema cpf.xsd deposit.xml")

    @Option(name: .long, help: "1.1.2 (default) or 1.1.5.")
    var version: String = SchemaGeneration.v1_1_2.rawValue

    func validate() throws {
        guard SchemaGeneration(rawValue: version) != nil else { throw ValidationError("--version: 1.1.2 or 1.1.5") }
    }

    func run() throws {
        let out = FileDescriptorSink.standardOutput()
        out.write(XSDWriter.xsd(for: .forGeneration(SchemaGeneration(rawValue: version)!)))
        out.flush()
    }
}
