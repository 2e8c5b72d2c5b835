import Foundation

/// A business rule the schema does not enforce. One rule, one file under `Check/Rules/`, with its
/// code, severity, fix, documentation and examples (which feed its tests and its doc page).
public struct CheckRule: Sendable, Identifiable, CustomStringConvertible {
    public enum Body: Sendable {
        case passage(@Sendable (PassageContext) -> [RuleFinding])
        case certification(@Sendable (Certification) -> [RuleFinding])
        case header(@Sendable (HeaderContext) -> [RuleFinding])
        case file(@Sendable (FileContext) -> [RuleFinding])
        /// Findings of the fix engine of this kind that no schema violation already reports.
        case fixEngine(FixKind)
    }

    public let code: String
    public let slug: String
    public let severity: Diagnostic.Severity
    public let fix: FixKind?
    public let title: Localized
    /// Why it matters: what the CDC does with such a passage, and what to do.
    public let explanation: Localized
    public let examples: [RuleExample]
    let body: Body

    public var id: String { code }
    public var description: String { "\(code) \(slug)" }
    public var fixability: Diagnostic.Fixability { fix.map { $0.safety == .safe ? .safe : .unsafe } ?? .none }

    init(code: String, slug: String, severity: Diagnostic.Severity, fix: FixKind? = nil, title: Localized,
         explanation: Localized, examples: [RuleExample], body: Body) {
        self.code = code
        self.slug = slug
        self.severity = severity
        self.fix = fix
        self.title = title
        self.explanation = explanation
        self.examples = examples
        self.body = body
    }
}

/// What a rule found: where, the value, the message, and the edits that fix it (if it can).
public struct RuleFinding: Sendable {
    public let element: String
    public let path: [String]
    public let line: Int
    public let column: Int
    public let value: String?
    public let message: Localized
    public let edits: [ByteEdit]

    init(at v: DepositValue, message: Localized, edits: [ByteEdit] = []) {
        element = v.name
        path = v.path.split(separator: "/").map(String.init)
        line = v.line
        column = v.column
        value = v.isNil ? nil : v.value
        self.message = message
        self.edits = edits
    }

    init(element: String, line: Int, column: Int, value: String? = nil, message: Localized, edits: [ByteEdit] = []) {
        self.element = element
        path = element.isEmpty ? [] : [element]
        self.line = line
        self.column = column
        self.value = value
        self.message = message
        self.edits = edits
    }
}

/// A deposit snippet a rule must (or must not) flag: the example deposit with one text replaced.
public struct RuleExample: Sendable {
    public let replacing: String
    public let with: String
    public let triggers: Bool

    public init(replacing: String, with: String, triggers: Bool) {
        self.replacing = replacing
        self.with = with
        self.triggers = triggers
    }

    /// The example deposit of every rule: valid, one certification block, two passages.
    public static let baseDeposit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <cpf:flux xmlns:cpf="urn:cdc:cpf:pc5:schema:1.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <cpf:idFlux>3f1c2b7a-0d4e-4c5f-9a8b-7c6d5e4f3a2b</cpf:idFlux>
          <cpf:horodatage>2026-01-15T10:00:00+01:00</cpf:horodatage>
          <cpf:emetteur>
            <cpf:idClient>12ABC345</cpf:idClient>
            <cpf:certificateurs>
              <cpf:certificateur>
                <cpf:idClient>12ABC345</cpf:idClient>
                <cpf:idContrat>MCFCER000123</cpf:idContrat>
                <cpf:certifications>
                  <cpf:certification>
                    <cpf:type>RS</cpf:type>
                    <cpf:code>RS6012</cpf:code>
                    <cpf:passageCertifications>
                      <cpf:passageCertification>
                        <cpf:idTechnique>EX-1</cpf:idTechnique>
                        <cpf:obtentionCertification>PAR_ADMISSION</cpf:obtentionCertification>
                        <cpf:donneeCertifiee>true</cpf:donneeCertifiee>
                        <cpf:dateDebutExamen>2025-12-01</cpf:dateDebutExamen>
                        <cpf:dateFinExamen>2025-12-02</cpf:dateFinExamen>
                        <cpf:dateDebutValidite>2025-12-10</cpf:dateDebutValidite>
                        <cpf:dateFinValidite xsi:nil="true"/>
                        <cpf:presenceNiveauLangueEuro>false</cpf:presenceNiveauLangueEuro>
                        <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>
                        <cpf:scoring xsi:nil="true"/>
                        <cpf:mentionValidee xsi:nil="true"/>
                        <cpf:modalitesInscription>
                          <cpf:modaliteAcces>FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION</cpf:modaliteAcces>
                        </cpf:modalitesInscription>
                        <cpf:identificationTitulaire>
                          <cpf:titulaire>
                            <cpf:nomNaissance>Aubert</cpf:nomNaissance>
                            <cpf:nomUsage xsi:nil="true"/>
                            <cpf:prenom1>Clara</cpf:prenom1>
                            <cpf:anneeNaissance>1990</cpf:anneeNaissance>
                            <cpf:moisNaissance>4</cpf:moisNaissance>
                            <cpf:jourNaissance>12</cpf:jourNaissance>
                            <cpf:sexe>F</cpf:sexe>
                            <cpf:codeCommuneNaissance>
                              <cpf:codeInseeNaissance>
                                <cpf:codeInsee>75056</cpf:codeInsee>
                              </cpf:codeInseeNaissance>
                            </cpf:codeCommuneNaissance>
                          </cpf:titulaire>
                        </cpf:identificationTitulaire>
                      </cpf:passageCertification>
                      <cpf:passageCertification>
                        <cpf:idTechnique>EX-2</cpf:idTechnique>
                        <cpf:obtentionCertification>PAR_ADMISSION</cpf:obtentionCertification>
                        <cpf:donneeCertifiee>true</cpf:donneeCertifiee>
                        <cpf:dateDebutValidite>2025-12-10</cpf:dateDebutValidite>
                        <cpf:dateFinValidite>2030-12-10</cpf:dateFinValidite>
                        <cpf:presenceNiveauLangueEuro>false</cpf:presenceNiveauLangueEuro>
                        <cpf:presenceNiveauNumeriqueEuro>false</cpf:presenceNiveauNumeriqueEuro>
                        <cpf:scoring>15</cpf:scoring>
                        <cpf:mentionValidee>MENTION_BIEN</cpf:mentionValidee>
                        <cpf:modalitesInscription>
                          <cpf:modaliteAcces xsi:nil="true"/>
                        </cpf:modalitesInscription>
                        <cpf:identificationTitulaire>
                          <cpf:dossierFormation>
                            <cpf:idDossier>4120987654321</cpf:idDossier>
                            <cpf:nomTitulaire>Benoit</cpf:nomTitulaire>
                            <cpf:prenom1Titulaire>Paul</cpf:prenom1Titulaire>
                          </cpf:dossierFormation>
                        </cpf:identificationTitulaire>
                      </cpf:passageCertification>
                    </cpf:passageCertifications>
                  </cpf:certification>
                </cpf:certifications>
              </cpf:certificateur>
            </cpf:certificateurs>
          </cpf:emetteur>
        </cpf:flux>

        """

    /// The example deposit with the replacement made. Line breaks and indentation inside the
    /// replaced text need not match the base's exactly.
    public var deposit: String {
        if Self.baseDeposit.contains(replacing) { return Self.baseDeposit.replacingOccurrences(of: replacing, with: with) }
        let pieces = replacing.split(separator: "\n").map { NSRegularExpression.escapedPattern(for: String($0).trimmingWhitespace()) }
        let regex = try! NSRegularExpression(pattern: pieces.joined(separator: "\\s*"))
        let base = Self.baseDeposit as NSString
        let match = regex.firstMatch(in: Self.baseDeposit, range: NSRange(location: 0, length: base.length))
        precondition(match != nil, "example text not in the base deposit: \(replacing)")
        return base.replacingCharacters(in: match!.range, with: with)
    }
}

// MARK: - Contexts

/// What a passage rule sees.
public struct PassageContext {
    public let passage: Passage
    public let certificationType: String?
    public let certificationCode: String?
    /// Every idTechnique met so far, with its line (for rules across passages).
    let registry: IDRegistry
    /// The moment of the check (for « in the future »).
    public let now: Date
    let xsiPrefix: String?
    /// Where each field the rules read lies in the passage.
    private let fields: RuleFieldFinder.Found
    /// The holder's names (not nil), which several rules read.
    let names: [DepositValue]

    init(passage: Passage, certificationType: String?, certificationCode: String?, registry: IDRegistry, now: Date, xsiPrefix: String?,
         fields finder: RuleFieldFinder) {
        self.passage = passage
        self.certificationType = certificationType
        self.certificationCode = certificationCode
        self.registry = registry
        self.now = now
        self.xsiPrefix = xsiPrefix
        fields = finder.find(in: passage)
        names = RuleField.names.compactMap { [fields] in passage.value(ofRecordAt: fields[$0]) }.filter { !$0.isNil }
    }

    /// The field, as `Passage.value(at:)` (a path below the passage) or `Passage.holderValue(_:)`
    /// (a field of the identity branch) would find it.
    func value(_ field: RuleField) -> DepositValue? { passage.value(ofRecordAt: fields[field]) }

    /// An editor for the fixes of this passage's findings.
    func editor() -> PassageEditor { PassageEditor(passage: passage, index: 0, xsiPrefix: xsiPrefix) }
}

/// The passage fields the business rules read.
enum RuleField: Int, CaseIterable {
    case idTechnique, dateDebutExamen, dateFinExamen, dateDebutValidite, dateFinValidite
    case presenceNiveauLangueEuro, niveauLangueEuropeen, presenceNiveauNumeriqueEuro, niveauNumeriqueEuropeen
    case voieAccessVAE, modaliteAcces
    // Fields of the holder's identity branch, from here on (`isHolderField`).
    case nomNaissance, nomUsage, prenom1, prenom2, prenom3, nomTitulaire, prenom1Titulaire
    case codeInsee, codePaysNaissance, codePostal, anneeNaissance, moisNaissance, jourNaissance

    /// The holder's names, in the order rules report them.
    static let names: [RuleField] = [.nomNaissance, .nomUsage, .prenom1, .prenom2, .prenom3, .nomTitulaire, .prenom1Titulaire]

    /// A field of the identity branch, looked for by its local name; the others by their path.
    var isHolderField: Bool { rawValue >= RuleField.nomNaissance.rawValue }

    /// The cases' names, read once (through reflection, thousands of instructions each).
    private static let caseNames = allCases.map { String(describing: $0) }

    /// Its path below the passage, or its local name in the identity branch (the case's name).
    var place: (path: String?, holderName: String?) {
        let name = Self.caseNames[rawValue]
        if isHolderField { return (nil, name) }
        return (self == .voieAccessVAE || self == .modaliteAcces ? "modalitesInscription/" + name : name, nil)
    }
}

/// Finds the rules' fields in each passage of one read, in one scan of its elements. Looked up by
/// name, each lookup was a scan with string comparisons, some twenty a passage: a quarter of the
/// rules' thread in `check`.
final class RuleFieldFinder {
    /// Each field's element in a passage, by its index in the passage (-1: absent).
    struct Found {
        fileprivate var records: [Int32]
        subscript(_ field: RuleField) -> Int? { records[field.rawValue] < 0 ? nil : Int(records[field.rawValue]) }
    }

    /// By path index of the read: the field there plus one, 0 for none, -1 not yet known.
    private var fieldOfPath: [Int8] = []

    func find(in passage: Passage) -> Found {
        var found = Found(records: [Int32](repeating: -1, count: RuleField.allCases.count))
        let table = passage.table
        let branch = passage.identityBranch
        for (i, r) in passage.records.enumerated() {
            let path = Int(r.path)
            if path >= fieldOfPath.count { fieldOfPath += [Int8](repeating: -1, count: path + 1 - fieldOfPath.count) }
            if fieldOfPath[path] < 0 { fieldOfPath[path] = Self.field(at: path, in: table).map { Int8($0.rawValue + 1) } ?? 0 }
            guard fieldOfPath[path] > 0 else { continue }
            let field = RuleField(rawValue: Int(fieldOfPath[path]) - 1)!
            // The first element of its path or, for the holder's, of the identity branch (the first one).
            guard found.records[field.rawValue] < 0, !field.isHolderField || table.branches[path] == branch else { continue }
            found.records[field.rawValue] = Int32(i)
        }
        return found
    }

    private static func field(at path: Int, in table: PathTable) -> RuleField? {
        RuleField.allCases.first { f in
            if let p = f.place.path { return table.paths[path] == p }
            return table.branches[path] != nil && table.names[path] == f.place.holderName
        }
    }
}

public struct HeaderContext {
    public let header: FluxHeader
    public let now: Date
}

public struct FileContext {
    public let path: String
    public let bytes: Int
    public let passages: Int
}

/// The ids met so far in a file: first line of each.
final class IDRegistry {
    // One 64-bit key per distinct id, with the line it was first met on, in an open-addressing
    // table: 12 bytes a slot, at most four fifths full, so 200,000 passages take 3 MB. Ids of up to
    // 7 bytes (most of them) are their own key; longer ones are keyed by a 64-bit hash, and two
    // different ids would share one with a probability of about 1 in 10^9 for a 200,000-passage file.
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var lines = [Int32](repeating: 0, count: 1024)
    private(set) var count = 0

    /// Records `id` at `line`; returns the line it was first met on if it was met before.
    func register(_ id: String, line: Int) -> Int? {
        let key = Self.key(id)
        var slot = Self.slot(key, in: keys.count)
        while keys[slot] != 0 {
            if keys[slot] == key { return Int(lines[slot]) }
            slot = slot + 1 == keys.count ? 0 : slot + 1
        }
        keys[slot] = key
        lines[slot] = Int32(clamping: line)
        count += 1
        if count * 5 > keys.count * 4 { resize(to: keys.count * 2) }
        return nil
    }

    /// Makes room for `total` ids at once. Growing by doubling holds the old table and the new one
    /// together (4.7 MB on the way to 200,000 ids): a file's size and its first passages tell how
    /// many ids it holds well enough to grow once. Up to `expectedAtMost`: a file whose first
    /// passages are not like the rest (a gigabyte of comment after them) would otherwise have a
    /// table made for millions of ids; past it, the table doubles as ids come.
    func expect(_ total: Int) {
        // Four fifths full at an estimate a tenth short.
        let total = min(total, Self.expectedAtMost)
        let size = total + total * 3 / 8 + 1
        if size > keys.count { resize(to: size) }
    }

    /// Deposits reach 200,000 passages.
    static let expectedAtMost = 250_000

    /// Slots in the table (for tests).
    var capacity: Int { keys.count }

    /// Never 0 (the empty slot): short ids are packed under their length, long ones hashed with the top bit set.
    private static func key(_ id: String) -> UInt64 {
        let bytes = id.utf8
        if bytes.count <= 7 {
            return bytes.reduce(0) { $0 << 8 | UInt64($1) } | UInt64(bytes.count + 1) << 56
        }
        var h = Hasher()
        for b in bytes { h.combine(b) }
        return UInt64(bitPattern: Int64(h.finalize())) | 1 << 63
    }

    /// The mixed key scaled to the table (multiply and keep the high word): any size will do.
    private static func slot(_ key: UInt64, in size: Int) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: UInt64(size)).high)
    }

    private func resize(to size: Int) {
        let (oldKeys, oldLines) = (keys, lines)
        keys = [UInt64](repeating: 0, count: size)
        lines = [Int32](repeating: 0, count: size)
        for (k, l) in zip(oldKeys, oldLines) where k != 0 {
            var slot = Self.slot(k, in: size)
            while keys[slot] != 0 { slot = slot + 1 == size ? 0 : slot + 1 }
            keys[slot] = k
            lines[slot] = l
        }
    }
}
