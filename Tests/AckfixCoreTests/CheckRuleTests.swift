import Foundation
import Testing
@testable import AckfixCore

@Suite struct CheckRuleTests {
    static let examples: [(CheckRule, RuleExample)] = Checker.rules.flatMap { r in r.examples.map { (r, $0) } }

    static func check(_ xml: String, latin1: Bool = false) -> CheckedFile {
        let path = Paths.scratch() + "/deposit.xml"
        if latin1 {
            Paths.writeBytes(xml.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }, to: path)
        } else {
            Paths.write(xml, to: path)
        }
        var o = Checker.Options()
        o.now = Date(timeIntervalSince1970: 1_780_000_000)
        return Checker.check(paths: [path], options: o).files[0]
    }

    @Test("the base example deposit is clean")
    func baseIsClean() {
        let f = Self.check(RuleExample.baseDeposit)
        #expect(f.failure == nil)
        #expect(f.diagnostics.map(\.code) == [])
    }

    @Test("every rule example is flagged, or not, as it says", arguments: examples)
    func example(_ rule: CheckRule, _ example: RuleExample) {
        let latin1 = example.with.contains("ISO-8859-1")
        let f = Self.check(example.deposit, latin1: latin1)
        #expect(f.failure == nil, "\(f.failure.map { $0.message(.en) } ?? "")")
        let codes = f.diagnostics.map(\.code)
        #expect(codes.contains(rule.code) == example.triggers, "\(rule.code) \(example.with): \(codes)")
    }

    @Test func everyRuleButFileLimitsHasATriggeringExample() {
        for r in Checker.rules where !["D01", "D02"].contains(r.code) {
            #expect(r.examples.contains { $0.triggers }, "\(r.code)")
        }
        let codes = Checker.rules.map(\.code)
        #expect(Set(codes).count == codes.count)
    }

    @Test func safeFixesRemoveTheirFindings() throws {
        // Each safe fix, applied with --fix, leaves a file where its rule no longer fires.
        for (rule, example) in Self.examples where example.triggers && rule.fixability == .safe {
            let dir = Paths.scratch()
            let path = dir + "/d.xml"
            let xml = example.deposit
            if xml.contains("ISO-8859-1") {
                Paths.writeBytes(xml.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }, to: path)
            } else {
                Paths.write(xml, to: path)
            }
            var o = Checker.Options()
            o.now = Date(timeIntervalSince1970: 1_780_000_000)
            o.fix = .file(dir + "/fixed.xml")
            let first = Checker.check(paths: [path], options: o).files[0]
            #expect(first.fixedOutput != nil, "\(rule.code): \(first.fixRefused?.violations.map(\.validatorCode) ?? []) \(first.failure.map { $0.message(.en) } ?? "")")
            var again = Checker.Options()
            again.now = o.now
            let second = Checker.check(paths: [dir + "/fixed.xml"], options: again).files[0]
            #expect(!second.diagnostics.map(\.code).contains(rule.code), "\(rule.code) still fires after --fix")
        }
    }

    @Test("the rules' fields found once per passage are those the lookups by name find")
    func fieldsFoundOnceMatchLookupsByName() throws {
        // Every sample and defect fixture, and a passage with two identity branches: the holder's
        // fields are those of the first branch, as `holderValue` gives them.
        let twoBranches = RuleExample(replacing: "<cpf:identificationTitulaire>", with: """
            <cpf:identificationTitulaire><cpf:dossierFormation><cpf:idDossier>1</cpf:idDossier>\
            <cpf:nomTitulaire>Martin</cpf:nomTitulaire><cpf:prenom1Titulaire>Léa</cpf:prenom1Titulaire></cpf:dossierFormation>
            """, triggers: false).deposit
        let scratch = Paths.scratch() + "/two-branches.xml"
        Paths.write(twoBranches, to: scratch)
        let defects = try FileManager.default.contentsOfDirectory(atPath: Paths.fixture("defects"))
            .filter { $0.hasSuffix(".xml") }.sorted().map { Paths.fixture("defects/" + $0) }
        let files = ["deposit.xml", "deposit-2026.xml", "deposit-rejected.xml"].map(Paths.sample) + defects + [scratch]
        var passages = 0
        for path in files {
            let finder = RuleFieldFinder()
            _ = try? DepositReader.read(path: path, toleratingMalformedXML: true) { passage in
                passages += 1
                let ctx = PassageContext(passage: passage, certificationType: nil, certificationCode: nil, registry: IDRegistry(),
                                         now: Date(), xsiPrefix: nil, fields: finder)
                for field in RuleField.allCases {
                    let byName = field.place.path.map { passage.value(at: $0) } ?? passage.holderValue(field.place.holderName!)
                    #expect(ctx.value(field) == byName, "\(field) in \(path)")
                }
            }
        }
        #expect(passages > 60)
    }

    @Test("the id registry finds every repeat among many ids, short and long")
    func idRegistryFindsRepeats() {
        let registry = IDRegistry()
        let ids = (0..<50_000).map { $0 % 2 == 0 ? "P\($0)" : "ACK-2026-LONG-\($0)" } + ["", "é", "Ｐ1"]
        for (line, id) in ids.enumerated() { #expect(registry.register(id, line: line + 1) == nil, "\(id)") }
        for (line, id) in ids.enumerated() { #expect(registry.register(id, line: 999_999) == line + 1, "\(id)") }
        #expect(registry.register("P1 ", line: 1) == nil)  // not the same bytes
    }

    @Test("the id registry sized from an estimate, too low or too high, finds the same repeats")
    func idRegistrySizedFromAnEstimate() {
        for estimate in [10, 30_000, 500_000] {
            let registry = IDRegistry()
            let ids = (0..<40_000).map { $0 % 3 == 0 ? "\($0)" : "ff368030-dd08-4041-83ec-\($0)" }
            for (line, id) in ids.enumerated() {
                if line == 1024 { registry.expect(estimate) }
                #expect(registry.register(id, line: line + 1) == nil)
            }
            #expect(registry.count == ids.count)
            for (line, id) in ids.enumerated() where line % 7 == 0 { #expect(registry.register(id, line: 0) == line + 1) }
        }
    }

    @Test("an estimate of millions of ids (a file's tail unlike its first passages) sizes no table beyond a deposit's")
    func idRegistryEstimateIsBounded() {
        let registry = IDRegistry()
        registry.expect(40_000_000)
        #expect(registry.capacity <= IDRegistry.expectedAtMost * 3 / 2)
        #expect(registry.register("P-1", line: 1) == nil && registry.register("P-1", line: 2) == 1)
    }
}

extension RuleExample: CustomStringConvertible {
    public var description: String { "\(triggers ? "flags" : "ignores") \(with.prefix(60))" }
}
