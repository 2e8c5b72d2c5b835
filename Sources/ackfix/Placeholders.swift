import ArgumentParser

struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet.")
    func run() throws {}
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet.")
    func run() throws {}
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Not yet.")
    func run() throws {}
}
