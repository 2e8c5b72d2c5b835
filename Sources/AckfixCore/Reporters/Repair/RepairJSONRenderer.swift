/// The account of a repair, for pipelines (docs/json.md).
public struct RepairJSONRenderer {
    public let language: Language
    public let privacy: Privacy

    public init(language: Language, privacy: Privacy) {
        self.language = language
        self.privacy = privacy
    }

    public func render(_ r: RepairResult, to out: TextSink) {
        let j = JSONWriter(sink: out)
        j.beginObject()
        j.field("tool", "ackfix")
        j.field("version", AckfixVersion.current)
        j.field("command", "repair")
        j.field("deposit", r.depositPath)
        j.field("report", r.reportPath)
        j.field("reportKind", r.reportKind.rawValue)
        j.field("output", r.written ? r.outputPath : nil)
        j.field("plannedOutput", r.outputPath)
        j.field("dryRun", r.dryRun)
        j.field("written", r.written)
        j.field("valid", r.outputCheck?.isValid ?? false)
        // After a technical rejection, nothing was found to fix: the CDC will likely refuse it again.
        j.field("unchanged", r.resendsRejectedDepositUnchanged)
        j.field("newIdFlux", r.newFluxID)
        j.field("newHorodatage", r.newHorodatage)
        j.key("refusal")
        switch r.refusal {
        case .invalid(let check)?:
            j.beginObject()
            j.field("reason", "invalid-output")
            j.key("violations")
            j.beginArray()
            for v in check.violations {
                j.beginObject()
                let passage = v.passageIndex.flatMap { r.passages.indices.contains($0) ? r.passages[$0] : nil }
                j.field("idTechnique", passage?.idTechnique)
                j.field("depositLine", passage?.depositLine)
                j.field("element", v.element)
                j.field(elementPath: v.path)
                j.field("validatorCode", v.validatorCode)
                j.field("class", v.errorClass.slug)
                j.field("message", v.plainMessage(privacy: privacy)(language))
                j.endObject()
            }
            j.endArray()
            j.endObject()
        case .nothingToSend?:
            j.beginObject()
            j.field("reason", "nothing-to-send")
            j.endObject()
        case nil:
            j.value(nil as String?)
        }
        j.key("fileFixes")
        j.beginArray()
        for f in r.fileFixes { fix(f, j) }
        j.endArray()
        j.key("passages")
        j.beginArray()
        for p in r.passages {
            j.beginObject()
            j.field("idTechnique", p.idTechnique)
            j.field("outcome", p.outcome.rawValue)
            j.field("class", p.errorSlug)
            j.key("fixes")
            j.beginArray()
            for f in p.fixes { fix(f, j) }
            j.endArray()
            if let n = p.newIdTechnique { j.field("newIdTechnique", n) }
            if let note = p.note { j.field("note", note(language)) }
            j.field("depositLine", p.depositLine)
            j.endObject()
        }
        j.endArray()
        j.key("counts")
        j.beginObject()
        let counts = r.counts
        for o in RepairResult.Outcome.allCases { j.field(o.rawValue, counts[o] ?? 0) }
        j.field("total", r.passages.count)
        j.endObject()
        j.endObject()
    }

    private func fix(_ f: AppliedFix, _ j: JSONWriter) {
        j.beginObject()
        j.field("code", f.kind.code)
        j.field("slug", f.kind.slug)
        j.field("safety", f.kind.safety.rawValue)
        j.field("element", f.element.isEmpty ? nil : f.element)
        j.field("line", f.line > 0 ? f.line : nil)
        j.field("before", f.before.map { $0 == "xsi:nil" ? $0 : privacy.display($0, field: f.element) })
        j.field("after", f.after.map { $0 == "xsi:nil" ? $0 : privacy.display($0, field: f.element) })
        j.endObject()
    }
}

extension JSONWriter {
    func field(elementPath: [String]) { field("elementPath", strings: elementPath) }
}
