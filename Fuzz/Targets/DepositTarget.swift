import AckfixCore
import Foundation

/// A deposit as `check --fix --unsafe-fixes` reads it: DepositReader with the business rules on one
/// read, SchemaValidator, FixEngine and PassageLocator on the other, then the corrected copy written
/// through OutputWriter (re-parsed and validated while written), and every report format, in one
/// language, masked or not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeposit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let deposit = FuzzInput.write(data, size, name: "deposit.xml")
    var options = Checker.Options()
    options.fix = .file(FuzzInput.folder + "/fixed.xml")
    options.overwrite = true
    options.unsafeFixes = true
    // A fixed clock: the horodatage rules must not make a crash depend on the day.
    options.now = Date(timeIntervalSince1970: 1_790_000_000)
    let result = Checker.check(paths: [deposit], options: options)
    for file in result.files { if let failure = file.failure { FuzzInput.render(failure) } }
    let variant = FuzzInput.variant(size, of: 2 * Language.allCases.count)
    let language = Language.allCases[variant / 2]
    let privacy = Privacy(showPersonalData: variant % 2 == 1)
    CheckTextReporter(language: language, privacy: privacy).render(result, to: StringSink())
    CheckJSONReporter(language: language, privacy: privacy).render(result, to: StringSink())
    CheckSARIFReporter(language: language, privacy: privacy).render(result, to: StringSink())
    CheckGitHubReporter(language: language, privacy: privacy).render(result, to: StringSink())
    CheckJUnitReporter(language: language, privacy: privacy).render(result, to: StringSink())
    CheckMarkdownReporter(language: language, privacy: privacy).render(result, to: StringSink())
    return 0
}
