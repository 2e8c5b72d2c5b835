import Foundation
import Testing
@testable import AckfixCore

@Suite struct RepairTests {
    static let winter = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let summer = Date(timeIntervalSince1970: 1_782_864_000)  // 2026-07-01T00:00:00Z

    private func options(_ dir: String, _ configure: (inout Repairer.Options) -> Void = { _ in }) -> Repairer.Options {
        var o = Repairer.Options()
        o.output = dir + "/out.xml"
        o.now = Self.winter
        o.fluxID = "00000000-0000-4000-8000-000000000001"
        configure(&o)
        return o
    }

    private func outputPassages(_ path: String) throws -> [(id: String, cert: String)] {
        var list: [(String, Int)] = []
        let (outline, _) = try DepositReader.read(path: path) { list.append(($0.idTechnique ?? "", $0.certificationIndex)) }
        return list.map { ($0.0, "\(outline.certifications[$0.1].typeText ?? "") \(outline.certifications[$0.1].codeText ?? "")") }
    }

    @Test func sampleFunctionalRepairHoldsExactlyTheExpectedPassages() throws {
        let dir = Paths.scratch()
        let r = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"), options: options(dir))
        #expect(r.written && r.refusal == nil)
        let out = try outputPassages(dir + "/out.xml")
        #expect(out.map(\.id) == ["ACK-2026-0002", "ACK-2026-0003", "ACK-2026-0004", "ACK-2026-0005", "ACK-2026-0007",
                                  "ACK-2026-0008", "ACK-2026-0009", "ACK-2026-0010", "ACK-2026-0012"])
        // The block whose code lacked its prefix is merged into the existing RS6012 block.
        #expect(out.map(\.cert) == ["RS RS6012", "RS RS6012", "RS RS6012", "RS RS6012", "RS RS6012", "RS RS6012",
                                    "RNCP RNCP34826", "RNCP RNCP35108", "RNCP RNCP35108"])
        let account = Dictionary(uniqueKeysWithValues: r.passages.map { ($0.idTechnique, $0) })
        #expect(account["ACK-2026-0011"]?.outcome == .alreadyRecorded)
        #expect(account["ACK-2026-0007"]?.outcome == .resubmittedFixed)
        #expect(account["ACK-2026-0007"]?.fixes.map(\.kind) == [.certificationCode])
        #expect(account["ACK-2026-0009"]?.fixes.map(\.kind) == [.certificationType])
        #expect(account["ACK-2026-0002"]?.outcome == .needsReview)
        // Every refused passage is accounted for exactly once, and the counts add up.
        #expect(r.passages.count == 10 && Set(r.passages.map(\.idTechnique)).count == 10)
        #expect(RepairResult.Outcome.allCases.map(r.count).reduce(0, +) == r.passages.count)
        #expect(r.passages.filter(\.outcome.isInOutput).count == out.count)
    }

    @Test func untouchedPassagesAreCopiedByteForByte() throws {
        let dir = Paths.scratch()
        _ = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"), options: options(dir))
        let input = [UInt8](FileManager.default.contents(atPath: Paths.sample("deposit.xml"))!)
        let output = [UInt8](FileManager.default.contents(atPath: dir + "/out.xml")!)
        var inputSlices: [String: [UInt8]] = [:]
        _ = try DepositReader.read(path: Paths.sample("deposit.xml")) { inputSlices[$0.idTechnique!] = Array(input[$0.range]) }
        var checked = 0
        _ = try DepositReader.read(path: dir + "/out.xml") { p in
            #expect(Array(output[p.range]) == inputSlices[p.idTechnique!], "\(p.idTechnique!)")
            checked += 1
        }
        #expect(checked == 9)
        // The prolog and the root's namespace declarations are kept.
        #expect(output.starts(with: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Dépôt d'exemple".utf8)))
    }

    @Test func headerGetsANewFluxIDAndAParisHoradatage() throws {
        for (date, expected) in [(Self.winter, "2026-01-01T01:00:00+01:00"), (Self.summer, "2026-07-01T02:00:00+02:00")] {
            let dir = Paths.scratch()
            _ = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"),
                                    options: options(dir) { $0.now = date })
            let (o, _) = try DepositReader.read(path: dir + "/out.xml") { _ in }
            #expect(o.header.idFlux?.value == "00000000-0000-4000-8000-000000000001")
            #expect(o.header.horodatage?.value == expected)
        }
        #expect(ParisTime.horodatage(Date(timeIntervalSince1970: 1_774_746_000)) == "2026-03-29T03:00:00+02:00")  // the change
        #expect(ParisTime.horodatage(Date(timeIntervalSince1970: 1_774_745_999)) == "2026-03-29T01:59:59+01:00")
        let fresh = Repairer.Options()
        #expect(fresh.fluxID == nil)
    }

    /// A report refusing `ids` of the sample deposit, all for the same reason.
    private func report(refusing ids: [String], in dir: String) throws -> String {
        let passages = ids.map {
            "<passage><idTechnique>\($0)</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>"
        }
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rapport><nomFichier>deposit.xml</nomFichier><PassagesKO>"
            + passages.joined(separator: "\n") + "</PassagesKO></rapport>\n"
        let path = dir + "/report-\(ids.count)-\(ids.first ?? "none").xml"
        try #require(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        return path
    }

    /// The file written during the read (when the output keeps the deposit's order) is the very one
    /// the repair writes from its segments after the read; when it is not, the repair falls back.
    @Test func outputWrittenDuringTheReadIsTheOneWrittenAfterIt() throws {
        let dir = Paths.scratch()
        var ids: [String] = []
        var block: [String: Int] = [:]
        _ = try DepositReader.read(path: Paths.sample("deposit.xml")) { p in
            ids.append(p.idTechnique!)
            block[p.idTechnique!] = p.certificationIndex
        }
        let firstBlock = ids.filter { block[$0] == 0 }
        let reports = [
            (Paths.sample("report.xml"), false),  // blocks merged: written after the read
            (try report(refusing: ids, in: dir), true),
            (try report(refusing: firstBlock, in: dir), true),  // the other blocks left out
            (try report(refusing: [ids.last!], in: dir), true),
            (try report(refusing: ids.reversed(), in: dir), true),  // report order is not deposit order
        ]
        for (reportPath, streams) in reports {
            for unsafeFixes in [false, true] {
                let during = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: reportPath,
                                                 options: options(dir) { $0.output = dir + "/during.xml"; $0.force = true; $0.unsafeFixes = unsafeFixes })
                let after = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: reportPath,
                                                options: options(dir) { $0.output = dir + "/after.xml"; $0.force = true; $0.unsafeFixes = unsafeFixes; $0.writesDuringRead = false })
                #expect(during.writtenDuringRead == streams, "\(reportPath)")
                #expect(!after.writtenDuringRead)
                #expect(during.written && after.written)
                #expect(FileManager.default.contents(atPath: dir + "/during.xml") == FileManager.default.contents(atPath: dir + "/after.xml"),
                        "\(reportPath), unsafe fixes \(unsafeFixes)")
                #expect(during.passages.map(\.idTechnique) == after.passages.map(\.idTechnique))
                #expect(during.passages.map(\.outcome) == after.passages.map(\.outcome))
                #expect(during.outputCheck?.passageCount == after.outputCheck?.passageCount)
            }
        }
        // A dry run writes nothing either way.
        let dry = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: reports[1].0,
                                      options: options(dir) { $0.output = dir + "/dry.xml"; $0.dryRun = true })
        #expect(dry.writtenDuringRead && !dry.written && !FileManager.default.fileExists(atPath: dir + "/dry.xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.contains(".ackfix-") }, "no temporary file left")
    }

    /// The fingerprint describes what segments write, however they are split.
    @Test func segmentFingerprintFollowsTheBytesWrittenNotTheSplit() {
        func fingerprint(_ segments: [OutputSegment]) -> SegmentFingerprint {
            var f = SegmentFingerprint()
            for s in segments { f.add(s) }
            return f
        }
        let whole = fingerprint([.copy(0..<10), .bytes(Array("abc".utf8)), .copy(12..<20)])
        #expect(fingerprint([.copy(0..<4), .copy(4..<10), .bytes(Array("a".utf8)), .bytes(Array("bc".utf8)), .copy(12..<20)]) == whole)
        #expect(fingerprint([.copy(0..<10), .bytes([]), .bytes(Array("abc".utf8)), .copy(12..<15), .copy(15..<20)]) == whole)
        #expect(fingerprint([.copy(0..<10), .bytes(Array("abd".utf8)), .copy(12..<20)]) != whole)
        #expect(fingerprint([.copy(0..<10), .bytes(Array("abc".utf8)), .copy(13..<20)]) != whole)
        #expect(fingerprint([.copy(0..<10), .copy(12..<20), .bytes(Array("abc".utf8))]) != whole)
        var edited = SegmentFingerprint()
        edited.add(0..<20, editedBy: [ByteEdit(range: 10..<12, text: "abc")])
        #expect(edited == whole)
    }

    /// Accounts kept by column read back as they were given, ids kept apart or shared with the report.
    @Test func accountsKeptByColumnReadBackAsGiven() {
        let fix = AppliedFix(kind: .renumbered, element: "idTechnique", line: 12, before: "A-1", after: "A-1-R1", passageIndex: 0)
        let given = [
            RepairResult.PassageAccount(idTechnique: "A-1", outcome: .resubmittedFixed, errorClass: .duplicateID, fixes: [fix],
                                        newIdTechnique: "A-1-R1", note: nil, depositLine: 12),
            RepairResult.PassageAccount(idTechnique: "identifiant-plus-long-que-quinze-octets-é", outcome: .needsReview,
                                        errorClass: .holderNotFound, fixes: [], newIdTechnique: nil,
                                        note: ErrorClass.holderNotFound.fix, depositLine: nil),
            RepairResult.PassageAccount(idTechnique: "B", outcome: .notInDeposit, errorClass: .holderAmbiguous, fixes: [],
                                        newIdTechnique: nil, note: Localized(fr: "absent", en: "missing"), depositLine: nil),
        ]
        let ids = IDStore()
        for a in given { ids.append("x"); ids.append(a.idTechnique) }
        var shared = RepairResult.PassageAccounts(sharingIDs: ids)
        for (i, a) in given.enumerated() { shared.append(a, idAt: 2 * i + 1) }
        for accounts in [RepairResult.PassageAccounts(given), shared] {
            #expect(accounts.count == 3)
            #expect(accounts.map(\.idTechnique) == given.map(\.idTechnique))
            #expect(accounts.map(\.outcome) == given.map(\.outcome))
            #expect(accounts.map(\.errorClass) == given.map(\.errorClass))
            #expect(accounts.map(\.depositLine) == given.map(\.depositLine))
            #expect(accounts.map(\.newIdTechnique) == given.map(\.newIdTechnique))
            #expect(accounts.map(\.note) == given.map(\.note))
            #expect(accounts.map { $0.fixes.map(\.after) } == given.map { $0.fixes.map(\.after) })
            #expect(accounts.counts == [.resubmittedFixed: 1, .needsReview: 1, .notInDeposit: 1])
        }
        shared.setDepositLine(40, ofIDAt: 3)
        shared.setDepositLine(41, ofIDAt: 2)  // not an account's: changes nothing
        #expect(shared.map(\.depositLine) == [12, 40, nil])
        let index = RefusedIndex(ids: ids)
        #expect(index.repeats == [2, 4])
        #expect(index.firstIndex(of: "x") == 0)
        #expect(index.firstIndex(of: "identifiant-plus-long-que-quinze-octets-é") == 3)
        #expect(index.firstIndex(of: "A-1-R1") == nil)
    }

    /// The text account gathers passages by outcome and class: each passage once, in report order
    /// within its group, the class's advice shared and a note of a passage's own kept with it.
    @Test func accountsGroupedByOutcomeAndClass() {
        func account(_ id: String, _ outcome: RepairResult.Outcome, _ c: ErrorClass?, note: Localized? = nil) -> RepairResult.PassageAccount {
            RepairResult.PassageAccount(idTechnique: id, outcome: outcome, errorClass: c, fixes: [], newIdTechnique: nil,
                                        note: note, depositLine: nil)
        }
        let own = Localized(fr: "le sien", en: "its own")
        let accounts = RepairResult.PassageAccounts([
            account("1", .needsReview, .holderAmbiguous, note: ErrorClass.holderAmbiguous.fix),
            account("2", .alreadyRecorded, .duplicateID, note: RepairResult.PassageAccount.alreadyRecorded),
            account("3", .needsReview, .holderNotFound, note: ErrorClass.holderNotFound.fix),
            account("4", .needsReview, .holderAmbiguous, note: ErrorClass.holderAmbiguous.fix),
            account("5", .needsReview, .holderAmbiguous, note: own),
            account("6", .resubmitted, nil),
        ])
        let groups = accounts.groups()
        #expect(groups.map(\.outcome) == [.resubmitted, .needsReview, .needsReview, .needsReview, .alreadyRecorded])
        #expect(groups.map(\.errorClass?.slug) == [nil, "holder-not-found", "holder-ambiguous", "holder-ambiguous", "duplicate-id"])
        #expect(groups.map { accounts.members(of: $0).map { accounts[$0].idTechnique } } == [["6"], ["3"], ["1", "4"], ["5"], ["2"]])
        #expect(groups.map(\.count) == [1, 1, 2, 1, 1])
        #expect(groups.map(\.note) == [nil, ErrorClass.holderNotFound.fix, ErrorClass.holderAmbiguous.fix, nil,
                                       RepairResult.PassageAccount.alreadyRecorded])
        #expect(accounts[4].note == own)
    }

    @Test func correctionsUnsafeFixesAndRenumbering() throws {
        let dir = Paths.scratch()
        let r = try Repairer.repair(
            depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"),
            options: options(dir) {
                $0.correctionsPath = Paths.sample("corrections.csv")
                $0.unsafeFixes = true
                $0.duplicates = .renumber
            })
        #expect(r.written)
        let account = Dictionary(uniqueKeysWithValues: r.passages.map { ($0.idTechnique, $0) })
        #expect(account["ACK-2026-0011"]?.newIdTechnique == "ACK-2026-0011-R1")
        #expect(account["ACK-2026-0002"]?.fixes.map(\.kind.slug) == ["correction"])
        #expect(account["ACK-2026-0010"]?.fixes.map(\.kind.slug) == ["swap-validity-dates", "swap-validity-dates"])
        var seen: [String: Passage] = [:]
        _ = try DepositReader.read(path: dir + "/out.xml") { seen[$0.idTechnique!] = $0 }
        #expect(seen["ACK-2026-0011-R1"] != nil && seen["ACK-2026-0011"] == nil)
        #expect(seen["ACK-2026-0002"]?.holderValue("nomNaissance")?.value == "N'DIAYE")
        // The birth place moves from the postal branch to the INSEE branch.
        #expect(seen["ACK-2026-0005"]?.holderValue("codeInsee")?.value == "13055")
        #expect(seen["ACK-2026-0005"]?.holderValue("codePostal") == nil)
        #expect(seen["ACK-2026-0005"]?.holderValue("moisNaissance")?.value == "3")
        #expect(seen["ACK-2026-0010"]?.value(at: "dateDebutValidite")?.value == "2021-06-30")
    }

    @Test func renumberedIDsAreUniqueAndShortEnough() {
        var used: Set<String> = ["A", "A-R1", String(repeating: "x", count: 255)]
        #expect(FunctionalRepairAccess.renumber("A", &used) == "A-R2")
        let long = FunctionalRepairAccess.renumber(String(repeating: "x", count: 255), &used)
        #expect(long.count == 255 && long.hasSuffix("-R1"))
    }

    @Test func aReportForAnotherDepositIsRefusedUnlessForced() throws {
        let dir = Paths.scratch()
        let report = dir + "/other.xml"
        Paths.write(String(decoding: FileManager.default.contents(atPath: Paths.sample("report.xml"))!, as: UTF8.self)
            .replacingOccurrences(of: "5f0c9a52-8d1e-4c6b-9a57-2d1b3c4e5f60", with: "11111111-2222-3333-4444-555555555555"), to: report)
        #expect(throws: DocumentError.self) {
            _ = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: report, options: options(dir))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.xml"))
        let forced = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: report,
                                         options: options(dir) { $0.force = true })
        #expect(forced.written)
    }

    @Test func koIDsTheDepositLacksAreReported() throws {
        let dir = Paths.scratch()
        let report = dir + "/r.xml"
        Paths.write("""
            <rapport><PassagesKO>
            <passage><idTechnique>ACK-2026-0002</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>
            <passage><idTechnique>GHOST-1</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>
            <passage><idTechnique>ACK-2026-0002</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>
            <passage><idTechnique>ACK-2026-0003</idTechnique><messageErreur>Aucun titulaire ne correspond aux critères obligatoires</messageErreur></passage>
            </PassagesKO></rapport>
            """, to: report)
        let r = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: report, options: options(dir))
        #expect(r.passages.first { $0.idTechnique == "GHOST-1" }?.outcome == .notInDeposit)
        #expect(r.needsAttention)
        // An id the report lists twice is accounted once; every account keeps its passage's line.
        #expect(r.passages.map(\.idTechnique) == ["ACK-2026-0002", "GHOST-1", "ACK-2026-0003"])
        #expect(r.passages.map(\.depositLine) == [53, nil, 87])
        #expect(r.outputCheck?.passageCount == 2)
    }

    /// The refused-id table finds every id at its first place and no other id, however full.
    @Test func refusedIndexFindsEveryIDAndNoOther() {
        let ids = IDStore()
        for i in 0..<30_000 { ids.append("P-\(i % 25_000)") }
        ids.append("")
        ids.append("identifiant-é-\(String(repeating: "x", count: 200))")
        let index = RefusedIndex(ids: ids)
        #expect(index.repeats == Set(25_000..<30_000))
        var misplaced = 0
        for k in 0..<25_000 where index.firstIndex(of: "P-\(k)") != k { misplaced += 1 }
        for k in 25_000..<60_000 where index.firstIndex(of: "P-\(k)") != nil { misplaced += 1 }
        #expect(misplaced == 0)
        #expect(index.firstIndex(of: "") == 30_000)
        #expect(index.firstIndex(of: "identifiant-é-\(String(repeating: "x", count: 200))") == 30_001)
        #expect(index.firstIndex(of: "P-1 ") == nil && index.firstIndex(of: "p-1") == nil)
    }

    /// Ids kept in blocks read back as given, across blocks, empty, or longer than a block.
    @Test func idStoreReadsBackEveryIDAcrossBlocks() {
        let long = String(repeating: "é", count: 40_000)
        let given = (0..<20_000).map { i in i % 997 == 0 ? "" : i == 5_000 ? long : "ff368030-dd08-4041-83ec-\(i)" }
        let ids = IDStore()
        for id in given { ids.append(id) }
        #expect(ids.count == given.count)
        var wrong = 0
        for (i, id) in given.enumerated() where ids[i] != id || !ids.hasID(id, at: i) || ids.hasID(id + "x", at: i) { wrong += 1 }
        #expect(wrong == 0)
        #expect(ids.copy()[5_000] == long)
    }

    /// The plans of a repair, kept on disk or in memory, read back as they were written, in order
    /// and at random, across the batches written.
    @Test func plansSpilledReadBackAsWritten() throws {
        for folder in [Paths.scratch(), "/nonexistent-folder"] {
            let spill = PlanSpill(folder: folder)
            let records = (0..<5_000).map { (k: Int) -> PlanSpill.Record in
                let at = Int64(10 * k)
                return PlanSpill.Record(refusal: Int32(4_999 - k), certificationIndex: Int32(k / 700), line: Int32(3 * k + 1),
                                        isSent: k % 3 != 0, needsXSI: k % 7 == 0, leadingTriviaStart: at,
                                        start: at + 2, end: at + 9)
            }
            for r in records { spill.append(r) }
            #expect(spill.count == records.count)
            var seen: [PlanSpill.Record] = []
            try spill.forEach { k, r in
                #expect(k == seen.count)
                seen.append(r)
            }
            #expect(seen.map { $0.refusal } == records.map { $0.refusal })
            #expect(seen.map { $0.range } == records.map { $0.range })
            for k in [4_999, 0, 2_048, 2_047, 4_096, 17, 4_500] {
                let r = try spill.record(at: k)
                #expect(r.line == records[k].line && r.isSent == records[k].isSent && r.needsXSI == records[k].needsXSI)
                #expect(r.certificationIndex == records[k].certificationIndex && r.leadingTriviaStart == records[k].leadingTriviaStart)
            }
            #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty ?? true, "no file left behind")
        }
    }

    @Test func dryRunAndExistingOutputs() throws {
        let dir = Paths.scratch()
        let dry = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"),
                                      options: options(dir) { $0.dryRun = true })
        #expect(!dry.written && dry.outputCheck?.isValid == true && dry.outputCheck?.passageCount == 9)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        Paths.write("keep me", to: dir + "/out.xml")
        #expect(throws: DocumentError.self) {
            _ = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"), options: options(dir))
        }
        #expect(String(decoding: FileManager.default.contents(atPath: dir + "/out.xml")!, as: UTF8.self) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.xml"], "no temporary file left")
    }

    @Test func rejectionRepairFixesTheWholeDepositOrRefusesToWrite() throws {
        let dir = Paths.scratch()
        let refused = try Repairer.repair(depositPath: Paths.sample("deposit-rejected.xml"), reportPath: Paths.sample("rejection.xml"),
                                          options: options(dir))
        #expect(!refused.written)
        guard case .invalid(let check)? = refused.refusal else { Issue.record("expected a refusal"); return }
        #expect(Set(check.violations.map(\.element)) == ["moisNaissance", "codeInsee"])
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.xml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no temporary file left")

        let fixed = try Repairer.repair(depositPath: Paths.sample("deposit-rejected.xml"), reportPath: Paths.sample("rejection.xml"),
                                        options: options(dir) { $0.correctionsPath = Paths.sample("corrections-rejected.csv") })
        #expect(fixed.written)
        #expect(fixed.passages.map(\.outcome) == [.resubmittedFixed, .resubmittedFixed])
        let slugs = Set(fixed.passages.flatMap(\.fixes).map(\.kind.slug) + fixed.fileFixes.map(\.kind.slug))
        #expect(slugs.isSuperset(of: ["date-iso", "xsi-nil", "boolean", "enumeration", "insee-over-postal",
                                      "empty-optional-removed", "missing-nil-added", "correction"]))
    }

    @Test func inputsAreNeverModified() throws {
        let dir = Paths.scratch()
        let files = [Paths.sample("deposit.xml"), Paths.sample("report.xml"), Paths.sample("corrections.csv")]
        let before = files.map { FileManager.default.contents(atPath: $0)! }
        _ = try Repairer.repair(depositPath: files[0], reportPath: files[1], options: options(dir) {
            $0.correctionsPath = files[2]
            $0.unsafeFixes = true
        })
        #expect(files.map { FileManager.default.contents(atPath: $0)! } == before)
    }

    @Test func aLatin1DepositKeepsItsEncodingAfterAFunctionalReport() throws {
        let dir = Paths.scratch()
        let utf8 = String(decoding: FileManager.default.contents(atPath: Paths.sample("deposit.xml"))!, as: UTF8.self)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        let latin1 = utf8.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        Paths.writeBytes(latin1, to: dir + "/deposit.xml")
        let report = String(decoding: FileManager.default.contents(atPath: Paths.sample("report.xml"))!, as: UTF8.self)
        Paths.write(report, to: dir + "/report.xml")
        let r = try Repairer.repair(depositPath: dir + "/deposit.xml", reportPath: dir + "/report.xml", options: options(dir))
        #expect(r.written)
        let out = [UInt8](FileManager.default.contents(atPath: dir + "/out.xml")!)
        #expect(String(decoding: out.prefix(45), as: UTF8.self).contains("ISO-8859-1"))
        // « é » (of « Noé », « Dépôt ») is one Latin-1 byte, not the two bytes of UTF-8.
        let latin1E = out.contains(0xE9), utf8Lead = out.contains(0xC3)
        #expect(latin1E && !utf8Lead)
        var count = 0
        _ = try DepositReader.read(path: dir + "/out.xml") { _ in count += 1 }
        #expect(count == 9)
    }

    @Test func correctionsFileIsCheckedCellByCell() throws {
        let dir = Paths.scratch()
        func read(_ text: String) -> DocumentError.Kind? {
            let path = dir + "/c.csv"
            Paths.write(text, to: path)
            do { _ = try Corrections.read(path: path); return nil } catch { return error.kind }
        }
        #expect(read("idTechnique;nomNaissance\nA;Durand\n") == nil)
        #expect(read("\u{FEFF}idTechnique,nomUsage\nA,nil\n") == nil)
        let cases: [(String, Int, Int?)] = [
            ("idTechnique;nomDeJeuneFille\nA;X\n", 1, 2),          // unknown column
            ("idTechnique;dateFinValidite\nA;31/02/2026\n", 2, 2),  // no such date
            ("idTechnique;moisNaissance\nA;13\n", 2, 2),
            ("idTechnique;sexe\nA;X\n", 2, 2),
            ("idTechnique;nomNaissance\nA;nil\n", 2, 2),            // not nillable
            ("idTechnique;codeInsee\nA;7505\n", 2, 2),
            ("idTechnique\tnomNaissance\nA\tX\n", 1, 1),            // wrong separator
            ("idTechnique;nomNaissance\nA;X\nA;Y\n", 3, 1),         // twice
            ("idTechnique;nomNaissance\nA;X;Y\n", 2, nil),
        ]
        for (text, line, column) in cases {
            guard case .invalidContent(let l, let c, _)? = read(text) else {
                Issue.record("accepted: \(text)")
                continue
            }
            #expect(l == line && c == column, "\(text)")
        }
    }

    @Test func correctionsForUnknownIDsAreRefusedWithTheirRow() throws {
        let dir = Paths.scratch()
        Paths.write("idTechnique;nomNaissance\nACK-2026-0002;X\nNOPE;Y\n", to: dir + "/c.csv")
        do {
            _ = try Repairer.repair(depositPath: Paths.sample("deposit.xml"), reportPath: Paths.sample("report.xml"),
                                    options: options(dir) { $0.correctionsPath = dir + "/c.csv" })
            Issue.record("accepted")
        } catch {
            guard case .invalidContent(let line, _, _) = error.kind else { Issue.record("\(error)"); return }
            #expect(line == 3)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.xml"))
    }
}

/// Access to the renumbering rule for tests.
enum FunctionalRepairAccess {
    static func renumber(_ id: String, _ used: inout Set<String>) -> String {
        Repairer.renumberedID(id, avoiding: &used)
    }
}
