import Foundation
import Testing
@testable import AckfixCore

@Suite struct DocumentationTests {
    @Test("docs/ holds exactly the generated pages (run `swift run ackfix docs docs/` after changing a catalogue)")
    func docsAreUpToDate() {
        for page in DocumentationPages.all() {
            let path = Paths.root + "/docs/" + page.path
            let committed = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            #expect(committed == page.content, "\(page.path) is stale or missing")
        }
    }

    @Test func everyErrorClassHasAPage() {
        let paths = Set(DocumentationPages.all().map(\.path))
        for c in ErrorCatalogue.all { #expect(paths.contains(DocumentationPages.errorClassPath(c))) }
    }
}
