/// The functional class of refused passages' messages, one after the other, each distinct wording
/// classified once: most passages share a handful of messages.
struct MessageClassifier {
    /// Messages that name their passage are each met once: remembering them would only cost memory.
    static let remembered = 1_000
    private var placeOf: [UTF8Key: UInt8] = [:]

    /// The class's place in `ErrorCatalogue.functional` (no message: unclassified).
    mutating func place(of message: String?) -> UInt8 {
        guard let message, !message.isEmpty else { return UInt8(ErrorCatalogue.unclassifiedFunctionalIndex) }
        if let p = placeOf[UTF8Key(message)] { return p }
        let p = UInt8(ErrorCatalogue.functionalIndex(of: message))
        if placeOf.count < Self.remembered { placeOf[UTF8Key(message)] = p }
        return p
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
