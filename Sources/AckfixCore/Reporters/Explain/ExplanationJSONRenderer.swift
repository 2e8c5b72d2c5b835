/// The explanation for pipelines. The shape is documented in docs/json.md and stable: fields are
/// added, never renamed or removed.
public struct ExplanationJSONRenderer {
    public let language: Language
    public init(language: Language) { self.language = language }

    public func render(_ e: Explanation, to out: TextSink) {
        let j = JSONWriter(sink: out)
        let l = language
        j.beginObject()
        j.field("tool", "ackfix")
        j.field("version", AckfixVersion.current)
        j.field("language", l.rawValue)
        j.key("report")
        j.beginObject()
        j.field("path", e.reportPath)
        j.field("kind", e.kind.rawValue)
        j.field("nomFichier", e.report.nomFichier)
        j.field("idFlux", e.report.idFlux)
        j.field("idTraitement", e.report.idTraitement)
        j.field("idDemande", e.report.idDemande)
        j.key("anomalies")
        j.beginArray()
        for a in e.report.anomalies { j.value(ExplanationPhrases.anomaly(a, l)) }
        j.endArray()
        j.endObject()

        j.key("deposit")
        if let d = e.deposit {
            j.beginObject()
            j.field("path", d.path)
            j.field("idFlux", d.idFlux)
            j.field("passages", d.passageCount)
            j.field("schemaVersion", d.generation.rawValue)
            j.field("nomFichierMatch", d.nomFichierMatch.rawValue)
            j.field("idFluxMatch", d.idFluxMatch.rawValue)
            j.key("matchesReport")
            if d.nomFichierMatch == .mismatch || d.idFluxMatch == .mismatch { j.value(false) }
            else if d.nomFichierMatch == .match || d.idFluxMatch == .match { j.value(true) }
            else { j.value(nil as String?) }
            j.key("readFailure")
            if let f = d.readFailure {
                j.beginObject()
                j.field("line", f.line)
                j.field("column", f.column)
                j.field("message", f.detail)
                j.endObject()
            } else {
                j.value(nil as String?)
            }
            j.endObject()
        } else {
            j.value(nil as String?)
        }

        j.key("summary")
        j.beginObject()
        j.field("ok", e.okCount)
        j.field("ko", e.koCount)
        j.field("errors", e.errors.count)
        j.key("byClass")
        j.beginObject()
        for (c, n) in e.countsByClass { j.field(c.slug, n) }
        j.endObject()
        j.endObject()

        j.key("passages")
        j.beginArray()
        for p in e.passages { passage(p, j) }
        j.endArray()

        j.key("errors")
        j.beginArray()
        for err in e.errors { error(err, j) }
        j.endArray()

        j.key("notInDeposit")
        j.beginArray()
        for id in e.notInDeposit { j.value(id) }
        j.endArray()
        j.endObject()
    }

    private func passage(_ p: Explanation.Passage, _ j: JSONWriter) {
        j.beginObject()
        j.field("idTechnique", p.idTechnique)
        j.field("class", p.errorClass.slug)
        j.field("code", p.errorClass.code)
        j.field("title", p.errorClass.title(language))
        j.field("messages", strings: p.messages)
        j.field("messageClasses", strings: p.messageClasses.map(\.slug))
        j.key("values")
        j.beginObject()
        let values = p.classification.values  // worked out again for a message naming its passage
        for k in values.keys.sorted() { j.field(k, values[k]) }
        j.endObject()
        j.field("fix", p.errorClass.fix(language))
        if let f = p.facts {
            j.field("depositLine", f.line)
            j.key("certification")
            j.beginObject()
            j.field("type", f.certificationType)
            j.field("code", f.certificationCode)
            j.endObject()
            j.field("identityBranch", f.branch?.rawValue)
            j.key("identity")
            j.beginArray()
            for field in f.identity {
                j.beginObject()
                j.field("field", field.name)
                j.field("status", field.status.rawValue)
                if let v = field.value { j.field("value", v) }
                j.endObject()
            }
            j.endArray()
        }
        j.key("diagnosis")
        j.beginArray()
        for d in p.diagnoses {
            j.beginObject()
            j.field("slug", d.slug)
            j.field("message", d.text(language))
            if !d.details.isEmpty {
                j.key("details")
                j.beginObject()
                for k in d.details.keys.sorted() { j.field(k, d.details[k]) }
                j.endObject()
            }
            j.endObject()
        }
        j.endArray()
        j.endObject()
    }

    private func error(_ e: Explanation.RejectionError, _ j: JSONWriter) {
        j.beginObject()
        j.field("line", e.error.line)
        j.field("column", e.error.column)
        j.field("type", e.error.type)
        j.field("message", e.displayMessage)
        j.field("class", e.errorClass.slug)
        j.field("code", e.errorClass.code)
        j.field("validatorCode", e.classification.validatorCode)
        j.field("element", e.element)
        j.field("title", e.errorClass.title(language))
        j.field("fix", e.errorClass.fix(language))
        j.field("advice", e.advice?(language))
        if let ctx = e.context {
            j.key("context")
            j.beginObject()
            j.field("lineText", ctx.lineText)
            j.field(path: ctx.elementPath)
            j.field("passage", ctx.passageID)
            j.field("certificationCode", ctx.certificationCode)
            j.endObject()
        }
        j.endObject()
    }
}

private extension JSONWriter {
    func field(path: [String]) { field("elementPath", strings: path) }
}
