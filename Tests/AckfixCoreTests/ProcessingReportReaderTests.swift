import Testing
@testable import AckfixCore

@Suite struct ProcessingReportReaderTests {
    private func read(_ xml: String, bytes: [UInt8]? = nil) throws -> ProcessingReport {
        let dir = Paths.scratch()
        let path = dir + "/report.xml"
        if let bytes {
            Paths.writeBytes(bytes, to: path)
        } else {
            Paths.write(xml, to: path)
        }
        return try ProcessingReportReader.read(path: path)
    }

    @Test func functionalReportAsTheCDCWritesIt() throws {
        let r = try read("""
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <rapport xmlns:ns2="urn:cdc:cpf:pc5:rapport:schema">
                <nomFichier>export-1.xml</nomFichier>
                <idFlux>4df76fd4-0915-46df-8c56-525506af35be</idFlux>
                <idTraitement>67598</idTraitement>
                <PassagesKO>
                    <passage>
                        <idTechnique>A-1</idTechnique>
                        <messageErreur>Aucun titulaire ne correspond
                           aux critères   obligatoires</messageErreur>
                    </passage>
                </PassagesKO>
                <PassagesOK>
                    <idTechnique>A-2</idTechnique>
                    <idTechnique>A-3</idTechnique>
                </PassagesOK>
            </rapport>
            """)
        #expect(r.kind == .functional)
        #expect(r.nomFichier == "export-1.xml")
        #expect(r.idFlux == "4df76fd4-0915-46df-8c56-525506af35be")
        #expect(r.idTraitement == "67598")
        #expect(r.idDemande == nil)
        #expect(r.refused.map(\.idTechnique) == ["A-1"])
        #expect(r.refused[0].messages == ["Aucun titulaire ne correspond aux critères obligatoires"])
        #expect(r.acceptedCount == 2)
        #expect(r.anomalies.isEmpty)
    }

    @Test func olderShapeWithIdDemandeNoNamespaceAndOptionalHeader() throws {
        let r = try read("""
            <rapport><idDemande>1710</idDemande>
            <PassagesKO><passage><idTechnique>12345</idTechnique><messageErreur>Aucun titulaire ne correspond à ces critères</messageErreur></passage></PassagesKO>
            </rapport>
            """)
        #expect(r.kind == .functional)
        #expect(r.idDemande == "1710")
        #expect(r.nomFichier == nil && r.idFlux == nil && r.idTraitement == nil)
        #expect(r.acceptedCount == 0)
    }

    @Test func emptyAndMissingSectionsAreFine() throws {
        let a = try read("<rapport><nomFichier>f.xml</nomFichier><PassagesKO/><PassagesOK><idTechnique>1</idTechnique></PassagesOK></rapport>")
        #expect(a.refused.isEmpty && a.acceptedCount == 1 && a.kind == .functional)
        let b = try read("<rapport><nomFichier>f.xml</nomFichier></rapport>")
        #expect(b.refused.isEmpty && b.acceptedCount == 0 && b.kind == .functional)
    }

    @Test func namesMatchByLocalNameIgnoringNamespaceAndCase() throws {
        let r = try read("""
            <ns2:rapport xmlns:ns2="urn:cdc:cpf:pc5:rapport:schema">
              <!-- comment before -->
              <ns2:passagesKO><ns2:Passage><ns2:IDTECHNIQUE>X</ns2:IDTECHNIQUE><!-- c --><ns2:messageerreur>m1</ns2:messageerreur><messageErreur> m2 </messageErreur></ns2:Passage></ns2:passagesKO>
              <passagesok><IdTechnique>Y</IdTechnique></passagesok>
            </ns2:rapport>
            """)
        #expect(r.refused.map(\.idTechnique) == ["X"])
        #expect(r.refused[0].messages == ["m1", "m2"])
        #expect(r.acceptedCount == 1)
    }

    @Test func technicalRejectionWithMessageOverSeveralLines() throws {
        let r = try read("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <rapport xmlns:ns2="urn:cdc:cpf:pc5:rapport:schema">
                <nomFichier>x.xml</nomFichier>
                <idDemande>421</idDemande>
                <erreurs>
                    <erreur>
                        <type>XSD</type>
                        <message>
                            cvc-complex-type.2.4.b : Le contenu de l'élément 'cpf:certificateur' n'est pas complet.
                            L'un des éléments '{"urn:cdc:cpf:pc5:schema:1.0.0":idClient}' est attendu.
                        </message>
                        <ligne>205</ligne>
                        <colonne>30</colonne>
                    </erreur>
                </erreurs>
            </rapport>
            """)
        #expect(r.kind == .rejection)
        #expect(r.errors.count == 1)
        #expect(r.errors[0].type == "XSD")
        #expect(r.errors[0].line == 205 && r.errors[0].column == 30)
        #expect(r.errors[0].message.hasPrefix("cvc-complex-type.2.4.b : Le contenu de l'élément 'cpf:certificateur' n'est pas complet. L'un"))
    }

    @Test func anyDeclaredEncodingIsRead() throws {
        // ISO-8859-1 bytes for « critères » and « déjà ».
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rapport><PassagesKO><passage><idTechnique>1</idTechnique><messageErreur>Aucun titulaire ne correspond aux crit".utf8)
        bytes += [0xE8] + Array("res obligatoires</messageErreur></passage></PassagesKO></rapport>".utf8)
        let r = try read("", bytes: bytes)
        #expect(r.refused[0].messages == ["Aucun titulaire ne correspond aux critères obligatoires"])
        let utf16 = try read("", bytes: [0xFF, 0xFE] + "<rapport><nomFichier>é.xml</nomFichier></rapport>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(utf16.nomFichier == "é.xml")
    }

    @Test func anomaliesOfTheReportItselfAreKept() throws {
        let r = try read("""
            <rapport><PassagesKO>
            <passage><messageErreur>m</messageErreur></passage>
            <passage><idTechnique>A</idTechnique></passage>
            <passage><idTechnique>A</idTechnique><messageErreur>m</messageErreur></passage>
            </PassagesKO><PassagesOK><idTechnique>A</idTechnique></PassagesOK></rapport>
            """)
        let kinds = r.anomalies.map(\.kind)
        #expect(kinds.contains(.passageWithoutID))
        #expect(kinds.contains(.passageWithoutMessage))
        #expect(kinds.contains(.duplicateKO("A")))
        #expect(kinds.contains(.bothOKAndKO("A")))
        // Accepted ids listed before the refusals are checked too.
        let okFirst = try read("""
            <rapport><PassagesOK><idTechnique>B</idTechnique><idTechnique>C</idTechnique></PassagesOK>
            <PassagesKO><passage><idTechnique>B</idTechnique><messageErreur>m</messageErreur></passage></PassagesKO></rapport>
            """)
        #expect(okFirst.anomalies.map(\.kind) == [.bothOKAndKO("B")])
        #expect(okFirst.acceptedCount == 2)
    }

    @Test func theWrongKindOfFileEndsWithOneClearError() throws {
        func kind(_ xml: String) -> DocumentError.Kind? {
            do { _ = try read(xml); return nil } catch let e as DocumentError { return e.kind } catch { return nil }
        }
        #expect(kind("<cpf:flux xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\"/>") == .wrongDocument(expected: .report, found: "flux"))
        #expect(kind("<html><body/></html>") == .wrongDocument(expected: .report, found: "html"))
        if case .xml(let f)? = kind("ceci n'est pas du XML") { #expect(f.kind == .malformed) } else { Issue.record("not XML accepted") }
        #expect(kind("") == .input(.empty))
        if case .xml(let f)? = kind("<rapport><PassagesKO>") { #expect(f.kind == .malformed) } else { Issue.record("cut file accepted") }
    }

    @Test("every report of the reference corpus reads", .enabled(if: Paths.hasSharedCorpus))
    func referenceCorpusReads() throws {
        let files = Paths.corpusFiles("reports") + Paths.corpusFiles("guide-transcribed")
        #expect(files.count >= 9)
        for f in files {
            let r = try ProcessingReportReader.read(path: f)
            #expect(!r.refused.isEmpty || !r.errors.isEmpty, "\(f)")
        }
    }

    @Test("refusals handed over as bytes are the refusals the report lists, decoded on the other side")
    func refusalsHandedOverAsBytes() throws {
        let dir = Paths.scratch()
        let odd = dir + "/odd.xml"
        // Blank ids and messages, a non-breaking space alone, two messages, white space to collapse.
        Paths.write("""
            <rapport><PassagesKO>
              <passage><idTechnique>  A 1 </idTechnique><messageErreur> </messageErreur><messageErreur>Plusieurs
                 titulaires</messageErreur><messageErreur>second</messageErreur></passage>
              <passage><idTechnique>\u{A0}</idTechnique><messageErreur>\u{A0}\u{A0}</messageErreur></passage>
              <passage><idTechnique>B-2</idTechnique></passage>
              <passage><messageErreur>é</messageErreur></passage>
            </PassagesKO></rapport>
            """, to: odd)
        let files = [odd, Paths.sample("report.xml")] + Paths.corpusFiles("reports") + Paths.corpusFiles("guide-transcribed")
        for f in files {
            let whole = try ProcessingReportReader.read(path: f)
            var handed: [(id: String, message: String?)] = []
            let streamed = try ProcessingReportReader.read(path: f) { id, message in
                handed.append((String(decoding: id, as: UTF8.self).collapsingWhitespace(),
                               message.map { String(decoding: $0, as: UTF8.self).collapsingWhitespace() }))
            }
            #expect(handed.map(\.id) == whole.refused.map(\.idTechnique), "\(f)")
            #expect(handed.map(\.message) == whole.refused.map(\.messages.first), "\(f)")
            // The anomalies that compare ids across passages are not looked for when handing over.
            let compared = whole.anomalies.filter {
                switch $0.kind {
                case .duplicateKO, .bothOKAndKO: false
                default: true
                }
            }
            #expect(streamed.anomalies == compared, "\(f)")
            #expect(streamed.refused.isEmpty && streamed.kind == whole.kind && streamed.acceptedCount == whole.acceptedCount)
        }
    }
}
