import Foundation
import Testing
@testable import AckfixCore

/// The corrections CSV as spreadsheets write it: line ends, quotes, and what its messages may show.
@Suite struct CorrectionsTests {
    private func read(_ bytes: [UInt8], privacy: Privacy = Privacy(showPersonalData: false)) throws(DocumentError) -> Corrections {
        let path = Paths.scratch() + "/c.csv"
        Paths.writeBytes(bytes, to: path)
        return try Corrections.read(path: path, privacy: privacy)
    }

    private func read(_ text: String) throws(DocumentError) -> Corrections { try read(Array(text.utf8)) }

    /// The message of the refusal, in English, with its line and column.
    private func refusal(_ text: String, privacy: Privacy = Privacy(showPersonalData: false)) -> (line: Int, column: Int?, message: String)? {
        do {
            _ = try read(Array(text.utf8), privacy: privacy)
            return nil
        } catch {
            guard case .invalidContent(let line, let column, let message) = error.kind else { return (0, nil, error.message(.en)) }
            return (line, column, message(.en))
        }
    }

    @Test("CRLF, LF and lone CR line ends, with or without BOM", arguments: ["\r\n", "\n", "\r"])
    func lineEnds(_ end: String) throws {
        for bom in ["", "\u{FEFF}"] {
            let c = try read(bom + "idTechnique;nomNaissance;prenom1" + end + "A;Durand;Loïc" + end + end + "B;;Zoé" + end)
            #expect(c.rows["A"]?.changes.map(\.field) == ["nomNaissance", "prenom1"])
            #expect(c.rows["A"]?.changes.last?.change == .value("Loïc"))
            #expect(c.rows["B"]?.line == 4)
        }
    }

    @Test func quotedCellsMayHoldSeparatorsQuotesAndLineBreaks() throws {
        let c = try read("idTechnique;nomNaissance;prenom1\r\n\"A\";\"D'Arc; dite \"\"la Pucelle\"\"\";\"Jeanne\"\r\n\"B\r\n\";X;Y\r\nC;Z;W\r\n")
        #expect(c.rows["A"]?.changes.first?.change == .value("D'Arc; dite \"la Pucelle\""))
        // Line numbers follow the file, past a record that spans two lines.
        #expect(c.rows["C"]?.line == 5)
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        let r = refusal("idTechnique;nomNaissance\nA;X\nB;\"Y\n\nC;Z\n")
        #expect(r?.line == 3 && r?.column == 2)
        #expect(r?.message.contains("unclosed quote") == true)
    }

    @Test func theSeparatorComesFromTheHeader() throws {
        let c = try read("idTechnique,nomNaissance\nA,\"Durand; Martin; Petit\"\n")
        #expect(c.rows["A"]?.changes.first?.change == .value("Durand; Martin; Petit"))
    }

    @Test func messagesStayOnOneLineAndShort() {
        let header = refusal("idTechnique;\"pre\nnom1\"\nA;X\n")
        #expect(header?.message.contains("« pre\\nnom1 »") == true, "\(String(describing: header))")
        let id = refusal("idTechnique;nomNaissance\n\"A\u{7}B\";X\n")
        #expect(id?.line == 2 && id?.message.contains("A\\u{7}B") == true, "\(String(describing: id))")
        let long = refusal("idTechnique;sexe\nA;" + String(repeating: "Z", count: 5000) + "\n")
        #expect(long.map { $0.message.count < 200 } == true, "\(String(describing: long))")
        for r in [header, id, long] { #expect(r?.message.contains(where: \.isNewline) == false) }
    }

    @Test func personalValuesAreMaskedUnlessAsked() {
        let text = "idTechnique;nomNaissance;jourNaissance\nA;" + String(repeating: "F", count: 100) + ";\nB;Durand;45\n"
        let masked = refusal(text)
        #expect(masked?.message.contains("« *** »") == true && masked?.message.contains("FFF") == false, "\(String(describing: masked))")
        #expect(masked?.message.contains("100 characters") == true)
        let shown = refusal(text, privacy: Privacy(showPersonalData: true))
        #expect(shown?.message.contains(String(repeating: "F", count: 40) + "…") == true, "\(String(describing: shown))")
        let day = refusal("idTechnique;jourNaissance\nB;45\n")
        #expect(day?.message.contains("45") == false, "\(String(describing: day))")
    }
}
