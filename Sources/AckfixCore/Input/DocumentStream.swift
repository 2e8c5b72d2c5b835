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
    private let handlers: [XMLStreamHandler]
    /// The same, called without retaining each one, nor the list, for each event (`handlers` owns
    /// them): a buffer, where iterating an array retains it.
    private struct Target { unowned(unsafe) let handler: XMLStreamHandler }
    private let targets: UnsafeMutableBufferPointer<Target>

    public init(_ handlers: [XMLStreamHandler]) {
        self.handlers = handlers
        targets = .allocate(capacity: handlers.count)
        _ = targets.initialize(from: handlers.map(Target.init))
    }

    deinit { targets.deallocate() }

    public func attach(to parser: XMLStreamParser) { for h in handlers { h.attach(to: parser) } }
    public func startElement(_ tag: XMLStartTag) { for t in targets { t.handler.startElement(tag) } }
    public func endElement(_ tag: XMLEndTag) { for t in targets { t.handler.endElement(tag) } }
    public func characters(_ text: UnsafeRawBufferPointer) { for t in targets { t.handler.characters(text) } }
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
