/// The resubmission written while the deposit is read, on the guess that it is the usual one: the
/// deposit itself without the passages not sent, each certification block where it was (with its
/// code fixed when it can be), the header's idFlux and horodatage new. The output is then validated
/// on the other core during the one read of the deposit, instead of by a second read after it.
///
/// It keeps only the bytes not yet decided (the current passage, a block's head until one of its
/// passages is sent), and describes what it wrote by a `SegmentFingerprint`. The repair compares
/// that with the segments it builds once the whole deposit is known, and writes those instead when
/// they differ (blocks merged, a namespace declared, ids renumbered...).
final class ResubmissionStream: CertificationBlockObserver {
    /// Undecided bytes beyond this (a hostile header, a huge block head): the guess is given up.
    static let maximumPending = 8 << 20

    private var session: OutputWriter.Session?
    /// Opens the output once the header is read (the schema generation is known then, short of an
    /// identity branch of 2026 further on).
    private var open: ((SchemaGeneration) -> OutputWriter.Session?)?
    private var generation: SchemaGeneration?
    private let fluxID: String
    private let horodatage: String
    /// Some passage was refused for its certification's status: blocks with a fixable code get fixed.
    private let fixesCertificationCodes: Bool
    private(set) var fingerprint = SegmentFingerprint()

    /// The input's chunks as read (kept, not copied), from `windowStart` to what the parser was
    /// given so far.
    private var chunks: [[UInt8]] = []
    private var windowStart = 0
    private var windowEnd = 0
    /// Bytes before this offset are written or left out.
    private var released = 0

    private var headerWritten = false
    /// The head of the current block (up to its first passage) and its bytes as they will be
    /// written, with its first passage sent: a block with none sent is left out.
    private var heldHead: Range<Int>?
    private var heldBytes: [UInt8] = []
    private var blockOpen = false
    private var certificationEdits: [ByteEdit] = []

    init(fluxID: String, horodatage: String, fixesCertificationCodes: Bool,
         open: @escaping (SchemaGeneration) -> OutputWriter.Session?) {
        self.open = open
        self.fixesCertificationCodes = fixesCertificationCodes
        self.fluxID = fluxID
        self.horodatage = horodatage
    }

    /// The output session, with every byte written; nil when the guess was given up.
    func finish(_ outline: DepositOutline) -> OutputWriter.Session? {
        if let trailing = outline.certificationsTrailingTrivia, headerWritten, generation == outline.generation {
            write(trailing.lowerBound..<outline.streamLength, editedBy: [])
        } else {
            giveUp()
        }
        defer { session = nil }
        return session
    }

    func giveUp() {
        open = nil
        session?.abandon()
        session = nil
        chunks = []
        heldBytes = []
    }

    func receive(_ chunk: [UInt8]) {
        guard session != nil || open != nil else { return }
        chunks.append(chunk)
        windowEnd += chunk.count
        if windowEnd - windowStart > Self.maximumPending { giveUp() }
    }

    func passagesStart(in certification: Certification, at offset: Int, outline: DepositOutline) {
        if let open {
            self.open = nil
            session = open(outline.generation)
            generation = outline.generation
            if session == nil { return giveUp() }
        }
        guard session != nil else { return }
        if !headerWritten {
            write(0..<certification.leadingTriviaStart, editedBy: Repairer.headerEdits(
                outline, fluxID: fluxID, horodatage: horodatage, declareXSI: false))
            headerWritten = true
        }
        certificationEdits = fixesCertificationCodes ? Self.predictedEdits(certification) : []
        let head = certification.leadingTriviaStart..<offset
        heldHead = head
        heldBytes = []
        render(head, editedBy: certificationEdits) { heldBytes.append(contentsOf: $0) }
        release(upTo: offset)
    }

    /// A passage of the current block has ended; `edits` is nil when it is not sent.
    func passage(_ range: Range<Int>, leadingTriviaStart: Int, edits: [ByteEdit]?) {
        guard session != nil else { return }
        if let edits {
            if !blockOpen, let head = heldHead {
                fingerprint.add(head, editedBy: certificationEdits)
                session?.append(heldBytes)
                heldBytes = []
                blockOpen = true
            }
            write(leadingTriviaStart..<range.upperBound, editedBy: edits)
        }
        release(upTo: range.upperBound)
    }

    func certificationEnds(_ certification: Certification) {
        guard session != nil else { return }
        if blockOpen, let trailing = certification.passagesTrailingTrivia {
            write(trailing.lowerBound..<certification.range.upperBound, editedBy: certificationEdits)
        }
        blockOpen = false
        heldHead = nil
        heldBytes = []
        release(upTo: certification.range.upperBound)
    }

    /// A block whose type and code can be fixed is guessed fixed, as it is when the CDC refused one
    /// of its passages for its certification's status (a wrong code makes every passage of the block
    /// refused for it); the fingerprint tells when the guess was wrong.
    private static func predictedEdits(_ c: Certification) -> [ByteEdit] {
        guard let fixed = CertificationCode.corrected(c) else { return [] }
        return Repairer.certificationEdits(c, type: fixed.type, code: fixed.code)
    }

    private func write(_ range: Range<Int>, editedBy edits: [ByteEdit]) {
        fingerprint.add(range, editedBy: edits)
        render(range, editedBy: edits) { session?.append($0) }
    }

    /// The bytes of `range` with its edits applied, in pieces; gives up when the window no longer
    /// holds them.
    private func render(_ range: Range<Int>, editedBy edits: [ByteEdit], into sink: (UnsafeRawBufferPointer) -> Void) {
        OutputSegment.pieces(of: range, editedBy: edits) { piece in
            guard session != nil else { return }
            switch piece {
            case .bytes(let b): b.withUnsafeBytes(sink)
            case .copy(let r):
                guard r.lowerBound >= windowStart, r.upperBound <= windowEnd else { return giveUp() }
                var base = windowStart
                for chunk in chunks {
                    guard base < r.upperBound else { break }
                    let end = base + chunk.count
                    if end > r.lowerBound {
                        let from = max(r.lowerBound, base) - base, to = min(r.upperBound, end) - base
                        chunk.withUnsafeBytes { sink(UnsafeRawBufferPointer(rebasing: $0[from..<to])) }
                    }
                    base = end
                }
            }
        }
    }

    /// Forgets the chunks wholly before `offset`.
    private func release(upTo offset: Int) {
        released = max(released, offset)
        var dead = 0
        while dead < chunks.count, windowStart + chunks[dead].count <= released {
            windowStart += chunks[dead].count
            dead += 1
        }
        if dead > 0 { chunks.removeFirst(dead) }
    }
}
