import AckfixCore

/// A processing report as `explain` reads it: ProcessingReportReader, the classification of every
/// CDC message, and the three renderings in one language; alone or joined to a sample deposit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let report = FuzzInput.write(data, size, name: "report.xml")
    let deposits = [nil, FuzzInput.sample("deposit.xml"), FuzzInput.sample("deposit-rejected.xml")]
    let variant = FuzzInput.variant(size, of: deposits.count * Language.allCases.count)
    let language = Language.allCases[variant / deposits.count]
    do {
        let explanation = try Explainer.explain(reportPath: report, options: .init(depositPath: deposits[variant % deposits.count]))
        ExplanationTextRenderer(language: language).render(explanation, to: StringSink())
        ExplanationJSONRenderer(language: language).render(explanation, to: StringSink())
        ExplanationMarkdownRenderer(language: language).render(explanation, to: StringSink())
    } catch {
        FuzzInput.render(error)
    }
    return 0
}
