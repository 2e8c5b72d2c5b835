import AckfixCore
import ArgumentParser

/// `ackfix schema`: the XSD ackfix validates with, for any other XSD tool.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
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
