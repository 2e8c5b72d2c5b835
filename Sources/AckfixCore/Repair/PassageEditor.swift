/// Turns corrections and unsafe fixes into edits of one passage's bytes. It works on the passage
/// as read (element positions), so everything it does not touch stays byte for byte.
struct PassageEditor {
    let passage: Passage
    let index: Int
    /// The prefix bound to the XML Schema instance namespace on the root, nil when undeclared.
    let xsiPrefix: String?
    private(set) var edits: [ByteEdit] = []
    private(set) var fixes: [AppliedFix] = []
    /// Fields already changed: a later (unsafe) fix leaves them alone.
    private(set) var touched: Set<String> = []
    private(set) var needsXSIDeclaration = false

    init(passage: Passage, index: Int, xsiPrefix: String?) {
        self.passage = passage
        self.index = index
        self.xsiPrefix = xsiPrefix
    }

    private func qname(_ name: String) -> String { passage.prefix.map { "\($0):\(name)" } ?? name }

    private mutating func nilElement(_ name: String) -> String {
        if xsiPrefix == nil { needsXSIDeclaration = true }
        return "<\(qname(name)) \(xsiPrefix ?? "xsi"):nil=\"true\"/>"
    }

    private func element(_ name: String, _ value: String) -> String {
        "<\(qname(name))>\(xmlEscaped(value))</\(qname(name))>"
    }

    private mutating func record(_ kind: FixKind, _ field: String, line: Int, before: String?, after: String?) {
        touched.insert(field)
        fixes.append(AppliedFix(kind: kind, element: field, line: line, before: before, after: after, passageIndex: index))
    }

    /// The element holding a field: holder fields under the identity branch, others under the passage.
    private func current(_ field: String) -> DepositValue? {
        Corrections.holderFields.contains(field) ? passage.holderValue(field) : passage.value(at: field)
    }

    // MARK: - Corrections

    /// Applies a corrections row; returns a message when a field cannot be set on this passage.
    mutating func apply(_ row: Corrections.Row) -> Localized? {
        for (field, change) in row.changes {
            if Corrections.holderFields.contains(field), passage.identityBranch != .titulaire {
                return Localized(
                    fr: "le passage \(row.idTechnique) n'a pas de bloc titulaire (identité par \(passage.identityBranch?.rawValue ?? "rien")) : la colonne \(field) ne peut pas s'y appliquer",
                    en: "passage \(row.idTechnique) has no titulaire block (identity by \(passage.identityBranch?.rawValue ?? "nothing")): column \(field) cannot apply")
            }
            if field == "codeInsee" || field == "codePostal" {
                setBirthPlace(field, change, line: row.line)
                continue
            }
            set(field, change, kind: .correction)
        }
        return nil
    }

    /// Sets a field to a value or to nil, adding the element when the passage lacks it.
    mutating func set(_ field: String, _ change: Corrections.Change, kind: FixKind) {
        let old = current(field)
        let before = old.map { $0.isNil ? "xsi:nil" : $0.value }
        switch (change, old) {
        case (.value(let v), let e?) where e.isNil:
            edits.append(ByteEdit(range: e.elementRange, text: element(field, v)))
            record(kind, field, line: e.line, before: before, after: v)
        case (.value(let v), let e?):
            guard e.value != v else { return }
            edits.append(ByteEdit(range: e.contentRange, text: xmlEscaped(v)))
            record(kind, field, line: e.line, before: before, after: v)
        case (.nil, let e?):
            guard !e.isNil else { return }
            edits.append(ByteEdit(range: e.elementRange, text: nilElement(field)))
            record(kind, field, line: e.line, before: before, after: "xsi:nil")
        case (.value(let v), nil):
            insert(element(field, v), under: Corrections.holderFields.contains(field) ? passage.identityPath ?? "" : "")
            record(kind, field, line: passage.line, before: nil, after: v)
        case (.nil, nil):
            insert(nilElement(field), under: Corrections.holderFields.contains(field) ? passage.identityPath ?? "" : "")
            record(kind, field, line: passage.line, before: nil, after: "xsi:nil")
        }
    }

    /// codeInsee and codePostal are the two branches of one choice: setting one replaces the other.
    private mutating func setBirthPlace(_ field: String, _ change: Corrections.Change, line: Int) {
        guard let path = passage.identityPath else { return }
        let branches = passage.children(of: path + "/codeCommuneNaissance")
        let wanted = field == "codeInsee" ? "codeInseeNaissance" : "codePostalNaissance"
        let inner: String
        switch change {
        case .value(let v): inner = element(field, v)
        case .nil: inner = nilElement(field)
        }
        let block = "<\(qname(wanted))>\(inner)</\(qname(wanted))>"
        let before = current("codeInsee").map(\.value) ?? current("codePostal").map { $0.isNil ? "xsi:nil" : $0.value }
        if branches.count == 1, branches[0].name == wanted {
            set(field, change, kind: .correction)
            return
        }
        if let first = branches.first {
            edits.append(ByteEdit(range: first.elementRange, text: block))
            for other in branches.dropFirst() { edits.append(ByteEdit(range: other.leadingTriviaStart..<other.elementRange.upperBound, replacement: [])) }
        } else if let commune = passage.value(at: path + "/codeCommuneNaissance") {
            edits.append(ByteEdit(range: commune.contentRange, text: block))
        } else {
            insert("<\(qname("codeCommuneNaissance"))>\(block)</\(qname("codeCommuneNaissance"))>", under: path)
        }
        if case .value(let v) = change { record(.correction, field, line: line, before: before, after: v) }
        else { record(.correction, field, line: line, before: before, after: "xsi:nil") }
    }

    /// Inserts an element after the last child of the block at `path` ("" for the passage),
    /// indented like that child.
    private mutating func insert(_ text: String, under path: String) {
        let children = passage.children(of: path)
        if let last = children.max(by: { $0.elementRange.upperBound < $1.elementRange.upperBound }) {
            let indent = String(repeating: " ", count: max(0, last.column - 1))
            edits.append(.insert("\n" + indent + text, at: last.elementRange.upperBound))
        } else if let block = passage.value(at: path) {
            edits.append(.insert(text, at: block.contentRange.lowerBound))
        }
    }

    mutating func remove(_ field: String, kind: FixKind) {
        guard let e = current(field) else { return }
        edits.append(ByteEdit(range: e.leadingTriviaStart..<e.elementRange.upperBound, replacement: []))
        record(kind, field, line: e.line, before: e.isNil ? "xsi:nil" : e.value, after: nil)
    }

    // MARK: - Unsafe fixes (guesses), each for one class of refusal

    mutating func applyUnsafeFixes(for errorClass: ErrorClass) {
        switch errorClass.slug {
        case "holder-not-found-birth-date": swapBirthDayMonth()
        case "holder-not-found": swapBirthAndUsageNames(); splitGivenNames()
        case "holder-ambiguous": splitGivenNames()
        case "holder-not-found-reconciliation": dropOptionalIdentity()
        case "validity-dates-inverted": swapValidityDates()
        default: break
        }
    }

    private func sent(_ field: String) -> DepositValue? {
        guard let e = current(field), !e.isNil, !touched.contains(field) else { return nil }
        return e
    }

    private mutating func swapBirthDayMonth() {
        guard let day = sent("jourNaissance"), let month = sent("moisNaissance"),
              let d = Int(day.value.trimmingWhitespace()), let m = Int(month.value.trimmingWhitespace()),
              d != m, (1...12).contains(d) else { return }
        set("jourNaissance", .value(month.value.trimmingWhitespace()), kind: .swapBirthDayMonth)
        set("moisNaissance", .value(day.value.trimmingWhitespace()), kind: .swapBirthDayMonth)
    }

    private mutating func swapBirthAndUsageNames() {
        guard let birth = sent("nomNaissance"), let usage = sent("nomUsage"),
              birth.value.foldedForMatching() != usage.value.foldedForMatching() else { return }
        set("nomNaissance", .value(usage.value), kind: .swapBirthAndUsageNames)
        set("nomUsage", .value(birth.value), kind: .swapBirthAndUsageNames)
    }

    private mutating func splitGivenNames() {
        guard let first = sent("prenom1"), current("prenom2") == nil, current("prenom3") == nil else { return }
        let names = first.value.split(whereSeparator: { $0 == " " }).map(String.init)
        guard names.count >= 2 else { return }
        set("prenom1", .value(names[0]), kind: .splitGivenNames)
        set("prenom2", .value(names[1]), kind: .splitGivenNames)
        if names.count > 2 { set("prenom3", .value(names[2...].joined(separator: " ")), kind: .splitGivenNames) }
    }

    private mutating func dropOptionalIdentity() {
        for field in ["prenom2", "prenom3", "libelleCommuneNaissance", "libellePaysNaissance"] where sent(field) != nil {
            remove(field, kind: .dropOptionalIdentity)
        }
    }

    private mutating func swapValidityDates() {
        guard let start = sent("dateDebutValidite"), let end = sent("dateFinValidite"),
              end.value.trimmingWhitespace() < start.value.trimmingWhitespace() else { return }
        set("dateDebutValidite", .value(end.value.trimmingWhitespace()), kind: .swapValidityDates)
        set("dateFinValidite", .value(start.value.trimmingWhitespace()), kind: .swapValidityDates)
    }
}
