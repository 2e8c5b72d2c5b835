import AckfixCore
import Foundation

/// A corrections CSV as `repair --corrections` reads it: the CSV parser and the schema checks of
/// every cell, masked and shown; when it reads, a dry-run repair of one sample pair applies it, and
/// the file repaired from the valid sample deposit must pass the schema.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorrections(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let corrections = FuzzInput.write(data, size, name: "corrections.csv")
    do {
        _ = try Corrections.read(path: corrections, privacy: Privacy(showPersonalData: true))
        _ = try Corrections.read(path: corrections)
    } catch {
        FuzzInput.render(error)
        return 0
    }
    let pairs = [("deposit.xml", "report.xml"), ("deposit-rejected.xml", "rejection.xml")]
    let variant = FuzzInput.variant(size, of: pairs.count * Language.allCases.count)
    let language = Language.allCases[variant / pairs.count]
    let (deposit, report) = pairs[variant % pairs.count]
    var options = Repairer.Options()
    options.correctionsPath = corrections
    options.dryRun = true
    options.force = true
    options.diff = true
    options.output = FuzzInput.folder + "/resubmission.xml"
    options.fluxID = "fuzz"
    options.now = Date(timeIntervalSince1970: 1_790_000_000)
    do {
        let result = try Repairer.repair(depositPath: FuzzInput.sample(deposit), reportPath: FuzzInput.sample(report), options: options)
        // Oracle: the functional sample deposit is valid, so corrections that read must give a valid
        // file; a refusal there means a value the corrections reader should have refused itself.
        if deposit == "deposit.xml", case .invalid(let check)? = result.refusal {
            fatalError("corrections read, output refused: \(check.readFailure.map { "\($0.kind) \($0.detail)" } ?? "")"
                       + " \(check.violations.map { "\($0.path.last ?? "?"): \($0.kind)" })")
        }
        RepairTextRenderer(language: language, privacy: options.privacy).render(result, to: StringSink())
        RepairJSONRenderer(language: language, privacy: options.privacy).render(result, to: StringSink())
    } catch {
        FuzzInput.render(error)
    }
    return 0
}
