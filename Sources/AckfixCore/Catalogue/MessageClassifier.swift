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
