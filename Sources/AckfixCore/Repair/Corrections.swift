import Foundation

/// The certifier's corrections for refused passages: a CSV (`;` or `,`, UTF-8 with or without BOM)
/// with a header `idTechnique` and any holder or validity-date field. An empty cell leaves the
/// field as it is; `nil` makes it `xsi:nil` where the schema allows it. Every value is checked
/// against the schema before anything is written.
public struct Corrections: Sendable {
    public enum Change: Sendable, Equatable {
        case value(String)
        case `nil`
    }

    public struct Row: Sendable {
        public let idTechnique: String
        /// Line of the row in the file (1-based; the header is line 1).
        public let line: Int
        /// Field → change, in the file's column order.
        public let changes: [(field: String, change: Change)]
    }

    /// The fields a correction may set, holder first.
    public static let holderFields = [
        "nomNaissance", "nomUsage", "prenom1", "prenom2", "prenom3", "anneeNaissance", "moisNaissance", "jourNaissance",
        "sexe", "codeInsee", "codePostal", "codePaysNaissance", "libelleCommuneNaissance", "libellePaysNaissance",
    ]
    public static let passageFields = ["dateDebutValidite", "dateFinValidite"]
    public static var fields: [String] { holderFields + passageFields }

    public let path: String
    public let rows: [String: Row]

    public func row(for id: String) -> Row? { rows[id] }

    /// - Parameter privacy: whether messages may quote the personal values of the file.
    public static func read(path: String, privacy: Privacy = Privacy(showPersonalData: false)) throws(DocumentError) -> Corrections {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            throw DocumentError(path: path, kind: .input(!exists ? .notFound : isDir.boolValue ? .isDirectory : .unreadable))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard !bytes.isEmpty else { throw DocumentError(path: path, kind: .input(.empty)) }
        guard let text = String(validatingUTF8Bytes: bytes) else {
            throw invalid(path, line: 1, column: nil, Localized(
                fr: "le fichier de corrections n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 »",
                en: "the corrections file is not UTF-8: save it as « CSV UTF-8 »"))
        }
        let separator = CSV.separator(of: text)
        let records = try CSV.records(of: text, separator: separator, path: path)
        guard let headerRecord = records.first else { throw DocumentError(path: path, kind: .input(.empty)) }
        let header = headerRecord.cells.map { $0.trimmingWhitespace() }
        guard header.first == "idTechnique" else {
            let found = privacy.quoted(header.first ?? "")
            throw invalid(path, line: 1, column: 1, Localized(
                fr: "la première colonne doit s'appeler idTechnique, séparée des autres par « ; » ou « , » (trouvé : « \(found) »)",
                en: "the first column must be named idTechnique, separated from the others by « ; » or « , » (found: « \(found) »)"))
        }
        for (i, name) in header.enumerated().dropFirst() where !Self.fields.contains(name) {
            let found = privacy.quoted(name)
            throw invalid(path, line: 1, column: i + 1, Localized(
                fr: "colonne inconnue « \(found) » ; colonnes permises : \(Self.fields.joined(separator: ", "))",
                en: "unknown column « \(found) »; allowed columns: \(Self.fields.joined(separator: ", "))"))
        }
        if let dup = header.firstDuplicate() {
            throw invalid(path, line: 1, column: nil, Localized(fr: "colonne « \(dup) » en double", en: "column « \(dup) » appears twice"))
        }
        var rows: [String: Row] = [:]
        for record in records.dropFirst() where !record.isBlank {
            let number = record.line
            let cells = record.cells
            guard cells.count == header.count else {
                throw invalid(path, line: number, column: nil, Localized(
                    fr: "\(cells.count) colonnes au lieu de \(header.count) (séparateur « \(separator) »)",
                    en: "\(cells.count) columns instead of \(header.count) (separator « \(separator) »)"))
            }
            let id = cells[0].trimmingWhitespace()
            guard !id.isEmpty else {
                throw invalid(path, line: number, column: 1, Localized(fr: "idTechnique vide", en: "empty idTechnique"))
            }
            // Checked here so that every later message can quote the id as it is.
            guard id.unicodeScalars.count <= maximumIDLength, !id.unicodeScalars.contains(where: \.isControlCharacter) else {
                let shownID = privacy.quoted(id)
                throw invalid(path, line: number, column: 1, Localized(
                    fr: "idTechnique « \(shownID) » impossible : \(maximumIDLength) caractères au plus, sans saut de ligne ni caractère de contrôle",
                    en: "idTechnique « \(shownID) » cannot be: \(maximumIDLength) characters at most, without line breaks or control characters"))
            }
            guard rows[id] == nil else {
                throw invalid(path, line: number, column: 1, Localized(
                    fr: "idTechnique \(id) déjà corrigé ligne \(rows[id]!.line)", en: "idTechnique \(id) already corrected on line \(rows[id]!.line)"))
            }
            var changes: [(String, Change)] = []
            for (i, raw) in cells.enumerated().dropFirst() {
                let cell = raw.trimmingWhitespace()
                guard !cell.isEmpty else { continue }
                let field = header[i]
                changes.append((field, try check(cell, field: field, path: path, line: number, column: i + 1, privacy: privacy)))
            }
            rows[id] = Row(idTechnique: id, line: number, changes: changes)
        }
        return Corrections(path: path, rows: rows)
    }

    /// The schema's limit on an idTechnique.
    static let maximumIDLength = 255

    /// A cell's value, checked against the field's schema type.
    private static func check(_ cell: String, field: String, path: String, line: Int, column: Int, privacy: Privacy) throws(DocumentError) -> Change {
        let decl = DepositSchema.v112.declaration(named: field)!
        let label = DepositFields.label(field)
        if cell.lowercased() == "nil" || cell.lowercased() == "nill" {
            guard decl.nillable else {
                throw invalid(path, line: line, column: column, Localized(
                    fr: "\(label.fr) ne peut pas être nil", en: "\(label.en) cannot be nil"))
            }
            return .nil
        }
        let type = DepositSchema.v112.simpleType(decl.type)!
        var value = cell
        let quoted = privacy.quoted(cell, field: field)
        func refuse(_ what: Localized) -> DocumentError {
            invalid(path, line: line, column: column, Localized(fr: "\(label.fr) « \(quoted) » : \(what.fr)", en: "\(label.en) « \(quoted) »: \(what.en)"))
        }
        // A control character (pasted from elsewhere) would make the file to write unreadable, or
        // drive the terminal: refused here, at its cell. XML also forbids U+FFFE and U+FFFF.
        if let bad = cell.unicodeScalars.first(where: { $0.isControlCharacter || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            let code = DocumentError.codePoint(bad.value)
            throw refuse(Localized(fr: "caractère invisible \(code) interdit (venu d'un copier-coller ?) : retapez la valeur",
                                   en: "invisible character \(code) not allowed (from a copy and paste?): type the value again"))
        }
        switch type.base {
        case .date:
            if let iso = ValueRepair.date(cell) { value = iso }
            guard XSDDates.isDate(Array(value.utf8)[...]), XSDPattern.date.matches(value) else {
                throw refuse(Localized(fr: "date AAAA-MM-JJ (ou JJ/MM/AAAA) attendue", en: "date YYYY-MM-DD (or DD/MM/YYYY) expected"))
            }
        case .int:
            guard let n = Int(cell), n >= (type.minInclusive ?? Int.min), n <= (type.maxInclusive ?? Int.max) else {
                throw refuse(Localized(fr: "nombre de \(type.minInclusive ?? 0) à \(type.maxInclusive ?? 0) attendu",
                                       en: "number from \(type.minInclusive ?? 0) to \(type.maxInclusive ?? 0) expected"))
            }
            value = String(n)
        default:
            if let allowed = type.enumeration {
                guard let v = allowed.contains(cell) ? cell : ValueRepair.enumeration(cell, allowed: allowed, element: field) else {
                    throw refuse(Localized(fr: "valeurs permises : \(allowed.joined(separator: ", "))",
                                           en: "allowed values: \(allowed.joined(separator: ", "))"))
                }
                value = v
            }
            let n = value.unicodeScalars.count
            if let l = type.length, n != l {
                throw refuse(Localized(fr: "\(l) caractères attendus", en: "\(l) characters expected"))
            }
            if n < (type.minLength ?? 1) || n > (type.maxLength ?? Int.max) {
                throw refuse(Localized(fr: "\(n) caractères, de \(type.minLength ?? 1) à \(type.maxLength ?? 0) attendus",
                                       en: "\(n) characters, \(type.minLength ?? 1) to \(type.maxLength ?? 0) expected"))
            }
        }
        return .value(value)
    }

    static func invalid(_ path: String, line: Int, column: Int?, _ message: Localized) -> DocumentError {
        DocumentError(path: path, kind: .invalidContent(line: line, column: column, message: message))
    }
}

/// The CSV Excel and LibreOffice write (RFC 4180): a quoted cell may hold separators, doubled
/// quotes and line breaks (Alt+Enter in a cell); CRLF, LF and a lone CR all end a record.
enum CSV {
    struct Record {
        /// Line of the file where the record starts (1-based), whatever line breaks quoted cells hold.
        let line: Int
        let cells: [String]
        /// An empty line, or one of white space.
        var isBlank: Bool { cells.count == 1 && cells[0].trimmingWhitespace().isEmpty }
    }

    /// `;` unless the first record has more commas than semicolons outside quotes.
    static func separator(of text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c == "\n" || c == "\r" { break }
            if c == ";" { semicolons += 1 }
            if c == "," { commas += 1 }
        }
        return semicolons >= commas ? ";" : ","
    }

    /// Every record, blank ones included. Works on scalars: as Characters, CRLF is one.
    static func records(of text: String, separator: Character, path: String) throws(DocumentError) -> [Record] {
        let separator = separator.unicodeScalars.first!
        var records: [Record] = []
        var cells: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false
        var line = 1, recordLine = 1
        var quote = (line: 1, column: 1)
        var rest = Substring(text).unicodeScalars
        while let c = rest.popFirst() {
            if quoted {
                if c == "\"" {
                    if rest.first == "\"" { cell.append(c); rest.removeFirst() } else { quoted = false }
                    continue
                }
                if c == "\n" || (c == "\r" && rest.first != "\n") { line += 1 }
                cell.append(c)
            } else if c == "\"", cell.allSatisfy(\.isXMLWhitespace) {
                quoted = true
                quote = (line, cells.count + 1)
                cell = String.UnicodeScalarView()
            } else if c == separator {
                cells.append(String(cell))
                cell = String.UnicodeScalarView()
            } else if c == "\n" || c == "\r" {
                if c == "\r", rest.first == "\n" { rest.removeFirst() }
                cells.append(String(cell))
                records.append(Record(line: recordLine, cells: cells))
                cells = []
                cell = String.UnicodeScalarView()
                line += 1
                recordLine = line
            } else {
                cell.append(c)
            }
        }
        if quoted {
            throw Corrections.invalid(path, line: quote.line, column: quote.column, Localized(
                fr: "guillemet non fermé (ouvert ici, jamais refermé jusqu'à la fin du fichier)",
                en: "unclosed quote (opened here, never closed up to the end of the file)"))
        }
        if !cells.isEmpty || !cell.isEmpty {
            cells.append(String(cell))
            records.append(Record(line: recordLine, cells: cells))
        }
        return records
    }
}

extension String {
    /// The bytes as a string, if they are valid UTF-8.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}

extension Array where Element: Hashable {
    func firstDuplicate() -> Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}
