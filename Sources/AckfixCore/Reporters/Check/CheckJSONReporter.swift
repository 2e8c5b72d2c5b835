/// The findings of `check`, for pipelines. The shape is documented and stable: fields are added,
/// never renamed or removed.
public struct CheckJSONReporter {
    public let language: Language
    public let privacy: Privacy

    public init(language: Language, privacy: Privacy) {
        self.language = language
        self.privacy = privacy
    }

    public func render(_ result: CheckResult, to out: TextSink) {
        let j = JSONWriter(sink: out)
        j.beginObject()
        j.field("tool", "ackfix")
        j.field("version", AckfixVersion.current)
        j.field("command", "check")
        j.field("language", language.rawValue)

        j.key("files")
        j.beginArray()
        for f in result.files {
            j.beginObject()
            j.field("path", f.path)
            j.field("passages", f.passageCount)
            j.field("schemaVersion", f.generation.rawValue)
            j.field("fixedOutput", f.fixedOutput)
            j.field("error", f.failure?.message(language))
            j.endObject()
        }
        j.endArray()

        j.key("diagnostics")
        j.beginArray()
        for d in result.diagnostics { diagnostic(d, j) }
        j.endArray()

        j.key("summary")
        j.beginObject()
        j.field("errors", result.count(.error))
        j.field("warnings", result.count(.warning))
        j.field("infos", result.count(.info))
        j.field("files", result.files.count)
        j.field("fixable", result.fixable)
        j.field("unsafeFixable", result.unsafeFixable)
        j.field("failed", result.failed)
        // Tells exit code 2 apart from exit code 1 without reading every file entry.
        j.field("couldNotRun", result.couldNotRun)
        j.endObject()
        j.endObject()
    }

    private func diagnostic(_ d: Diagnostic, _ j: JSONWriter) {
        j.beginObject()
        j.field("code", d.code)
        j.field("slug", d.slug)
        j.field("severity", d.severity.rawValue)
        j.field("file", d.file)
        j.field("line", d.line > 0 ? d.line : nil)
        j.field("column", d.column > 0 ? d.column : nil)
        j.field("idTechnique", d.idTechnique)
        j.field("certification", d.certification)
        j.field("element", d.element.isEmpty ? nil : d.element)
        j.field(elementPath: d.elementPath)
        j.field("value", d.value.map { privacy.display($0, field: d.element) })
        j.field("message", d.message(language))
        j.field("cdcWording", d.cdcWording)
        j.field("validatorCode", d.validatorCode)
        j.key("fix")
        if let fix = d.fix {
            j.beginObject()
            j.field("code", fix.code)
            j.field("slug", fix.slug)
            j.field("applicability", d.applicability(of: fix))
            j.field("title", fix.title(language))
            j.endObject()
        } else {
            j.value(nil as String?)
        }
        j.endObject()
    }
}

extension Diagnostic {
    /// `safe` or `unsafe`: the diagnostic's own fixability, else the fix's.
    func applicability(of fix: FixKind) -> String {
        fixability == .none ? fix.safety.rawValue : fixability.rawValue
    }
}
