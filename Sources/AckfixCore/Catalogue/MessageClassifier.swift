/// What is worked out of refused passages' messages, each distinct wording once: most passages
/// share a handful of messages.
struct MessageCache<Value> {
    /// Messages that name their passage are each met once: remembering them would only cost memory.
    static var remembered: Int { 1_000 }
    private var values: [UTF8Key: Value] = [:]

    mutating func value(of message: String, _ make: (String) -> Value) -> Value {
        if let v = values[UTF8Key(message)] { return v }
        let v = make(message)
        if values.count < Self.remembered { values[UTF8Key(message)] = v }
        return v
    }

    /// Whether the value of `message` is kept (and shared).
    func remembers(_ message: String) -> Bool { values[UTF8Key(message)] != nil }
}

/// The functional class of refused passages' messages, one after the other.
struct MessageClassifier {
    private var cache = MessageCache<UInt8>()

    /// The class's place in `ErrorCatalogue.functional` (no message: unclassified).
    mutating func place(of message: String?) -> UInt8 {
        guard let message, !message.isEmpty else { return UInt8(ErrorCatalogue.unclassifiedFunctionalIndex) }
        return cache.value(of: message) { UInt8(ErrorCatalogue.functionalPlaceOnly(of: $0)) }
    }
}

/// The refused passages of a report, decoded and classified on another core while the report is
/// still being read: `add` each one's id and first message as read, `finish` gives the ids and
/// the places of their classes, in that order.
final class BackgroundRefusals {
    /// Refused passages end to end: the bytes of each id, then of its message if any.
    private struct Batch {
        var bytes: [UInt8] = []
        /// Where each id ends, and its message (-1: none).
        var ends: [(id: Int32, message: Int32)] = []
    }

    private let pipe = ChunkPipe<Batch>()
    private let work: BackgroundWork<(ids: IDStore, classes: [UInt8])>
    private var batch = Batch()

    init() {
        let pipe = self.pipe
        work = BackgroundWork {
            let ids = IDStore()
            var classifier = MessageClassifier()
            var places: [UInt8] = []
            while let batch = pipe.receive() {
                var start = 0
                for (idEnd, messageEnd) in batch.ends {
                    let (idEnd, messageEnd) = (Int(idEnd), Int(messageEnd))
                    ids.append(String(decoding: batch.bytes[start..<idEnd], as: UTF8.self).collapsingWhitespace())
                    let message = messageEnd < 0 ? nil
                        : String(decoding: batch.bytes[idEnd..<messageEnd], as: UTF8.self).collapsingWhitespace()
                    places.append(classifier.place(of: message))
                    start = max(idEnd, messageEnd)
                }
            }
            return (ids, places)
        }
        batch.bytes.reserveCapacity(Self.batchBytes + 1024)
    }

    /// About 256 refusals a batch.
    private static let batchBytes = 32 * 1024

    func add(id: [UInt8], firstMessage: [UInt8]?) {
        batch.bytes += id
        let idEnd = Int32(batch.bytes.count)
        if let firstMessage { batch.bytes += firstMessage }
        batch.ends.append((idEnd, firstMessage == nil ? -1 : Int32(batch.bytes.count)))
        if batch.bytes.count >= Self.batchBytes {
            pipe.send(batch)
            batch = Batch()
            batch.bytes.reserveCapacity(Self.batchBytes + 1024)
        }
    }

    func finish() -> (ids: IDStore, classes: [UInt8]) {
        if !batch.ends.isEmpty { pipe.send(batch) }
        batch = Batch()
        pipe.close()
        return work.wait()
    }

    /// Stops the work when the report could not be read to its end (what is queued is dropped).
    deinit {
        pipe.cancel()
        _ = work.wait()
    }
}
