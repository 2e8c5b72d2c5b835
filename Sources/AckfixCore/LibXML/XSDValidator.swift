import CLibXML2

/// A CDC XSD file given with `check --schema`, compiled by libxml2. The file is read by ackfix and
/// handed over from memory: the process-wide entity loader loads nothing.
public final class XSDSchemaFile: @unchecked Sendable {
    let schema: xmlSchemaPtr
    public let path: String

    public init(path: String) throws(DocumentError) {
        LibXML.initializeOnce()
        self.path = path
        let input: DocumentInput
        do { input = try DocumentInput(path: path) } catch { throw DocumentError(path: path, kind: .input(error.kind)) }
        var bytes: [UInt8] = []
        do {
            while let chunk = try input.nextChunk() { bytes += chunk }
        } catch {
            throw DocumentError(path: path, kind: .input(error.kind))
        }
        let parsed: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                guard let ctxt = xmlSchemaNewMemParserCtxt(p, Int32(buf.count)) else { return nil }
                // Reading the XSD itself reports through libxml2's global handler: silenced for
                // this one call (the CLI is single-threaded here), the failure is said in one line.
                xmlSetStructuredErrorFunc(nil, { _, _ in })
                defer {
                    xmlSetStructuredErrorFunc(nil, nil)
                    xmlSchemaFreeParserCtxt(ctxt)
                }
                xmlSchemaSetParserStructuredErrors(ctxt, { _, _ in }, nil)
                return xmlSchemaParse(ctxt)
            }
        }
        guard let parsed else {
            throw DocumentError(path: path, kind: .outputRefused(Localized(
                fr: "ce fichier n'est pas un schéma XSD que libxml2 sait lire", en: "this file is not an XSD schema libxml2 can read")))
        }
        schema = parsed
    }

    deinit { xmlSchemaFree(schema) }
}

/// Validation of one parse against an XSD file, plugged into the streaming parser (one pass).
public final class XSDValidation {
    let context: xmlSchemaValidCtxtPtr
    public private(set) var violations: [SchemaViolation] = []
    var currentLine: () -> Int = { 0 }

    public init(schema: XSDSchemaFile) {
        context = xmlSchemaNewValidCtxt(schema.schema)
        let me = Unmanaged.passUnretained(self).toOpaque()
        xmlSchemaSetValidStructuredErrors(context, { user, error in
            guard let user, let error else { return }
            Unmanaged<XSDValidation>.fromOpaque(user).takeUnretainedValue().record(error.pointee)
        }, me)
    }

    deinit { xmlSchemaFreeValidCtxt(context) }

    private func record(_ e: xmlError) {
        let message = (e.message.map { String(cString: $0) } ?? "").trimmingWhitespace()
        // libxml2 names the element as "Element '{namespace}local'".
        var element = "?"
        if let r = message.firstRange(of: "Element '") {
            let rest = message[r.upperBound...]
            element = XMLNames.localName(String(rest.prefix { $0 != "'" }).split(separator: "}").last.map(String.init) ?? "?")
        }
        let line = e.line > 0 ? Int(e.line) : currentLine()
        violations.append(SchemaViolation(
            kind: Self.kind(of: e.code, message: message), line: line, column: 0, path: [element], value: nil,
            expected: [], limit: nil, typeName: "", elementRange: 0..<0, passageIndex: nil, certificationIndex: nil,
            externalMessage: message))
    }

    /// libxml2's error codes name the cvc rule broken.
    private static func kind(of code: Int32, message: String) -> SchemaViolation.Kind {
        switch xmlParserErrors(rawValue: UInt32(code)) {
        case XML_SCHEMAV_CVC_ENUMERATION_VALID: return .enumeration
        case XML_SCHEMAV_CVC_PATTERN_VALID: return .pattern
        case XML_SCHEMAV_CVC_LENGTH_VALID: return .length
        case XML_SCHEMAV_CVC_MINLENGTH_VALID: return .minLength
        case XML_SCHEMAV_CVC_MAXLENGTH_VALID: return .maxLength
        case XML_SCHEMAV_CVC_MININCLUSIVE_VALID: return .minInclusive
        case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID: return .maxInclusive
        case XML_SCHEMAV_CVC_ELT_1: return .unknownRoot
        case XML_SCHEMAV_CVC_ELT_3_1: return .nilNotAllowed
        case XML_SCHEMAV_CVC_ELT_3_2_2: return .nilWithContent
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3: return .textNotAllowed
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1, XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2: return .attributeNotAllowed
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
            return message.contains("Missing child") ? .missingElement : .unexpectedElement
        default: return .invalidValue
        }
    }

    /// Puts the validator between libxml2 and `handler`; returns the SAX table and user data to parse with.
    func plug(_ sax: UnsafeMutablePointer<xmlSAXHandler>, user: UnsafeMutableRawPointer) -> (UnsafeMutablePointer<xmlSAXHandler>?, UnsafeMutableRawPointer?, xmlSchemaSAXPlugPtr?) {
        var saxPointer: UnsafeMutablePointer<xmlSAXHandler>? = sax
        var userPointer: UnsafeMutableRawPointer? = user
        let plug = xmlSchemaSAXPlug(context, &saxPointer, &userPointer)
        return (saxPointer, userPointer, plug)
    }

    var isValid: Bool { xmlSchemaIsValid(context) == 1 && violations.isEmpty }
}
