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

/// Classifies messages on another core while the report is still being read: `add` them in order,
/// `finish` gives their places in that order.
final class BackgroundClassifier {
    private let pipe = ChunkPipe<[String?]>()
    private let work: BackgroundWork<[UInt8]>
    private var batch: [String?] = []

    init() {
        let pipe = self.pipe
        work = BackgroundWork {
            var classifier = MessageClassifier()
            var places: [UInt8] = []
            while let batch = pipe.receive() {
                for m in batch { places.append(classifier.place(of: m)) }
            }
            return places
        }
        batch.reserveCapacity(Self.batchSize)
    }

    private static let batchSize = 512

    func add(_ message: String?) {
        batch.append(message)
        if batch.count == Self.batchSize {
            pipe.send(batch)
            batch = []
            batch.reserveCapacity(Self.batchSize)
        }
    }

    func finish() -> [UInt8] {
        if !batch.isEmpty { pipe.send(batch) }
        batch = []
        pipe.close()
        return work.wait()
    }

    /// Stops the work when the report could not be read to its end.
    deinit {
        pipe.close()
        _ = work.wait()
    }
}
