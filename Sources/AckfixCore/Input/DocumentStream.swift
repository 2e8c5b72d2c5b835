/// What kind of document a command expected to read.
public enum DocumentRole: Sendable, Equatable {
    case deposit, report, corrections
}

/// Why a file could not be read as the document expected. One line names the file and the cause.
public struct DocumentError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case input(InputError.Kind)
        case xml(XMLReadFailure)
        /// The root element is not the one expected (`found` is its local name).
        case wrongDocument(expected: DocumentRole, found: String)
        /// A CSV or other non-XML input problem, with its own message.
        case invalidContent(line: Int, column: Int?, message: Localized)
        case outputRefused(Localized)
    }
    public let path: String
    public let kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// Sends every event to several handlers in turn (reader, schema check, fix finder...), so one
/// pass over the file serves them all.
public final class HandlerFanout: XMLStreamHandler {
    // A chain, one handler a link: a `let` of the link is called without being retained, where a
    // handler read from an array (or an `unowned(unsafe)` copy of it) is retained and released at
    // every event, 270 M instructions on 20,000 passages for three handlers.
    private let handler: XMLStreamHandler
    private let next: HandlerFanout?

    /// `handlers` in the order they are called; at least one.
    public init(_ handlers: [XMLStreamHandler]) {
        precondition(!handlers.isEmpty, "a fanout needs a handler")
        handler = handlers[0]
        next = handlers.count > 1 ? HandlerFanout(Array(handlers.dropFirst())) : nil
    }

    public func attach(to parser: XMLStreamParser) {
        handler.attach(to: parser)
        next?.attach(to: parser)
    }

    public func startElement(_ tag: XMLStartTag) {
        handler.startElement(tag)
        next?.startElement(tag)
    }

    public func endElement(_ tag: XMLEndTag) {
        handler.endElement(tag)
        next?.endElement(tag)
    }

    public func characters(_ text: UnsafeRawBufferPointer) {
        handler.characters(text)
        next?.characters(text)
    }
}

/// Progress of a long read, for a terminal.
public protocol ProgressObserver: AnyObject {
    func didRead(bytes: Int, of total: Int)
    /// Passages read so far, now and then (a deposit only).
    func didRead(passages: Int)
}

extension ProgressObserver {
    public func didRead(passages: Int) {}
}

/// Drives one streaming parse of a file.
public enum DocumentStream {
    /// Parses `path` with `handler`; returns the input (encoding facts) once the whole file is read.
    @discardableResult
    public static func parse(
        path: String, handler: XMLStreamHandler, progress: ProgressObserver? = nil,
        onChunk: (([UInt8]) -> Void)? = nil, readToEnd: Bool = false
    ) throws(DocumentError) -> DocumentInput {
        let input: DocumentInput
        do { input = try DocumentInput(path: path) } catch { throw DocumentError(path: path, kind: .input(error.kind)) }
        try parse(input: input, handler: handler, progress: progress, onChunk: onChunk, readToEnd: readToEnd)
        return input
    }

    /// Parses an input already opened (with its own decoding options).
    public static func parse(
        input: DocumentInput, handler: XMLStreamHandler, progress: ProgressObserver? = nil,
        onChunk: (([UInt8]) -> Void)? = nil, readToEnd: Bool = false, validation: XSDValidation? = nil
    ) throws(DocumentError) {
        let path = input.path
        let parser = XMLStreamParser(handler: handler, ignoreDeclaredEncoding: input.isTranscoded, validation: validation)
        var read = 0
        do {
            while let chunk = try input.nextChunk() {
                onChunk?(chunk)
                read += chunk.count
                progress?.didRead(bytes: read, of: input.fileSize)
                if !parser.feed(chunk) && !readToEnd { break }
            }
        } catch {
            throw DocumentError(path: path, kind: .input(error.kind))
        }
        do { try parser.finish() } catch { throw DocumentError(path: path, kind: .xml(error)) }
    }
}
