/// A kind of correction ackfix can make. Safe fixes apply by default: the value can only have
/// meant this. Unsafe ones guess at identity data and apply only with `--unsafe-fixes`.
public struct FixKind: Sendable, Hashable, Identifiable, CustomStringConvertible {
    public enum Safety: String, Sendable { case safe, unsafe }

    public let code: String
    public let slug: String
    public let safety: Safety
    public let title: Localized
    public let explanation: Localized

    public var id: String { code }
    public var description: String { "\(code) \(slug)" }
    public static func == (a: Self, b: Self) -> Bool { a.code == b.code }
    public func hash(into h: inout Hasher) { h.combine(code) }

    // MARK: Safe, mechanical

    public static let xmlDeclaration = FixKind(
        code: "FX01", slug: "xml-declaration", safety: .safe,
        title: Localized(fr: "déclaration XML réécrite", en: "XML declaration rewritten"),
        explanation: Localized(fr: "Une déclaration <?xml … ?> mal formée, sans version ou d'une autre version que 1.0 devient <?xml version=\"1.0\" encoding=\"UTF-8\"?>.",
                               en: "A malformed <?xml … ?> declaration, one without a version or with a version other than 1.0 becomes <?xml version=\"1.0\" encoding=\"UTF-8\"?>."))
    public static let utf8 = FixKind(
        code: "FX02", slug: "utf8", safety: .safe,
        title: Localized(fr: "converti en UTF-8", en: "converted to UTF-8"),
        explanation: Localized(fr: "Un fichier en ISO-8859-1, ISO-8859-15, Windows-1252 ou UTF-16 est réécrit en UTF-8, l'encodage que la CDC attend. Un fichier sans déclaration qui n'est pas de l'UTF-8 valide est lu comme du Windows-1252, l'encodage des exports Excel.",
                               en: "A file in ISO-8859-1, ISO-8859-15, Windows-1252 or UTF-16 is rewritten in UTF-8, the encoding the CDC expects. A file without a declaration that is not valid UTF-8 is read as Windows-1252, the encoding of Excel exports."))
    public static let nilWord = FixKind(
        code: "FX03", slug: "xsi-nil", safety: .safe,
        title: Localized(fr: "« nil » écrit en texte → xsi:nil", en: "« nil » typed as text → xsi:nil"),
        explanation: Localized(fr: "nil, nill, NULL ou un contenu vide sur un champ « obligatoire sauf nil » devient <cpf:x xsi:nil=\"true\"/> (l'espace de noms xsi est déclaré sur la racine au besoin).",
                               en: "nil, nill, NULL or empty content on a « required unless nil » field becomes <cpf:x xsi:nil=\"true\"/> (the xsi namespace is declared on the root if needed)."))
    public static let emptyOptional = FixKind(
        code: "FX04", slug: "empty-optional-removed", safety: .safe,
        title: Localized(fr: "élément facultatif vide retiré", en: "empty optional element removed"),
        explanation: Localized(fr: "Un élément facultatif vide (ou nil, NULL…) est retiré : la CDC refuse les valeurs vides.",
                               en: "An empty optional element (or nil, NULL…) is removed: the CDC refuses empty values."))
    public static let isoDate = FixKind(
        code: "FX05", slug: "date-iso", safety: .safe,
        title: Localized(fr: "date au format AAAA-MM-JJ", en: "date as YYYY-MM-DD"),
        explanation: Localized(fr: "Une date JJ/MM/AAAA (ou JJ-MM-AAAA, JJ.MM.AAAA, AAAA/MM/JJ) qui existe au calendrier est réécrite AAAA-MM-JJ.",
                               en: "A date DD/MM/YYYY (or DD-MM-YYYY, DD.MM.YYYY, YYYY/MM/DD) that exists in the calendar is rewritten YYYY-MM-DD."))
    public static let horodatage = FixKind(
        code: "FX06", slug: "horodatage", safety: .safe,
        title: Localized(fr: "horodatage au format attendu", en: "timestamp in the expected form"),
        explanation: Localized(fr: "Un horodatage en Z (UTC), avec fraction de seconde ou décalage sur un chiffre devient AAAA-MM-JJTHH:MM:SS±HH:MM ; un instant en Z est exprimé à l'heure de Paris.",
                               en: "A timestamp in Z (UTC), with a fraction of a second or a one-digit offset becomes YYYY-MM-DDTHH:MM:SS±HH:MM; an instant in Z is given in Paris time."))
    public static let boolean = FixKind(
        code: "FX07", slug: "boolean", safety: .safe,
        title: Localized(fr: "booléen true/false", en: "boolean true/false"),
        explanation: Localized(fr: "TRUE, True, 1, VRAI, FALSE, 0, FAUX… deviennent true ou false.",
                               en: "TRUE, True, 1, VRAI, FALSE, 0, FAUX… become true or false."))
    public static let enumeration = FixKind(
        code: "FX08", slug: "enumeration", safety: .safe,
        title: Localized(fr: "valeur de liste corrigée", en: "list value corrected"),
        explanation: Localized(fr: "Les quasi-valeurs connues deviennent la valeur du schéma : TIERS_DE_CONFIANCE → TIERS_CONFIANCE, EQUIVALENCE_(DIPLOME_ETRANGER) → EQUIVALENCE_DIPLOME_ETRANGER, minuscules → majuscules, H ou Homme → M, Femme → F, ADMISSION → PAR_ADMISSION.",
                               en: "Known near-misses become the schema's value: TIERS_DE_CONFIANCE → TIERS_CONFIANCE, EQUIVALENCE_(DIPLOME_ETRANGER) → EQUIVALENCE_DIPLOME_ETRANGER, lower case → upper case, H or Homme → M, Femme → F, ADMISSION → PAR_ADMISSION."))
    public static let inseeOverPostal = FixKind(
        code: "FX09", slug: "insee-over-postal", safety: .safe,
        title: Localized(fr: "code INSEE gardé, code postal retiré", en: "INSEE code kept, postcode removed"),
        explanation: Localized(fr: "Quand le code INSEE et le code postal de naissance sont tous deux donnés (le schéma n'en permet qu'un), le code INSEE, que la CDC recommande, est gardé.",
                               en: "When both the birth INSEE code and postcode are given (the schema allows one), the INSEE code, which the CDC recommends, is kept."))
    public static let trimmed = FixKind(
        code: "FX10", slug: "trimmed", safety: .safe,
        title: Localized(fr: "espaces autour de la valeur retirés", en: "spaces around the value removed"),
        explanation: Localized(fr: "Les espaces, tabulations et retours à la ligne avant et après une valeur sont retirés.",
                               en: "Spaces, tabs and line breaks before and after a value are removed."))
    public static let missingNillable = FixKind(
        code: "FX11", slug: "missing-nil-added", safety: .safe,
        title: Localized(fr: "champ « obligatoire sauf nil » ajouté en xsi:nil", en: "« required unless nil » field added as xsi:nil"),
        explanation: Localized(fr: "Un champ « obligatoire sauf nil » absent (nomUsage, moisNaissance, jourNaissance, dateFinValidite, scoring, mentionValidee, modaliteAcces, codePostal) est ajouté vide avec xsi:nil=\"true\" : c'est ce que son absence voulait dire.",
                               en: "A missing « required unless nil » field (nomUsage, moisNaissance, jourNaissance, dateFinValidite, scoring, mentionValidee, modaliteAcces, codePostal) is added empty with xsi:nil=\"true\": that is what leaving it out meant."))
    public static let certificationCode = FixKind(
        code: "FX12", slug: "certification-code", safety: .safe,
        title: Localized(fr: "code de certification complété", en: "certification code completed"),
        explanation: Localized(fr: "Un code sans préfixe (1710 sous le type RS) devient RS1710 ; un code mal écrit (rs 1710, RS-1710) devient RS1710.",
                               en: "A code without its prefix (1710 under type RS) becomes RS1710; a badly written code (rs 1710, RS-1710) becomes RS1710."))
    public static let certificationType = FixKind(
        code: "FX13", slug: "certification-type", safety: .safe,
        title: Localized(fr: "type de certification pris du code", en: "certification type taken from the code"),
        explanation: Localized(fr: "Quand le préfixe du code contredit le type (type RS, code RNCP34826), le type est pris du code. Les passages vont dans le bloc de certification correspondant, fusionné avec un bloc existant de même type et code.",
                               en: "When the code's prefix contradicts the type (type RS, code RNCP34826), the type is taken from the code. The passages move to the matching certification block, merged with an existing block of the same type and code."))
    public static let renumbered = FixKind(
        code: "FX14", slug: "renumbered", safety: .safe,
        title: Localized(fr: "nouvel idTechnique", en: "new idTechnique"),
        explanation: Localized(fr: "Avec --duplicates renumber, un passage déjà enregistré sous son idTechnique reçoit un nouvel identifiant dérivé de l'ancien (suffixe -R1, -R2…), unique dans le dépôt et l'accusé.",
                               en: "With --duplicates renumber, a passage already recorded under its idTechnique gets a new id derived from the old one (suffix -R1, -R2…), unique in the deposit and the report."))
    public static let correction = FixKind(
        code: "FX15", slug: "correction", safety: .safe,
        title: Localized(fr: "correction du fichier --corrections", en: "correction from the --corrections file"),
        explanation: Localized(fr: "La valeur vient du fichier de corrections fourni par le certificateur (une ligne par idTechnique).",
                               en: "The value comes from the corrections file the certifier gave (one row per idTechnique)."))

    public static let bornAbroadCountry = FixKind(
        code: "FX16", slug: "birth-country-code", safety: .safe,
        title: Localized(fr: "code pays de naissance tiré du code INSEE", en: "birth country code taken from the INSEE code"),
        explanation: Localized(fr: "Pour une naissance à l'étranger (codeInsee 99xxx), codePaysNaissance prend les trois derniers chiffres du code INSEE, comme le demande le dictionnaire des données.",
                               en: "For a birth abroad (codeInsee 99xxx), codePaysNaissance takes the INSEE code's last three digits, as the data dictionary asks."))
    public static let horodatageParis = FixKind(
        code: "FX17", slug: "horodatage-paris-time", safety: .safe,
        title: Localized(fr: "horodatage à l'heure de Paris", en: "horodatage in Paris time"),
        explanation: Localized(fr: "Un horodatage dont le décalage n'est pas celui de Paris à cette date (+00:00, +01:00 en été…) est exprimé à l'heure de Paris : c'est le même instant.",
                               en: "A horodatage whose offset is not Paris's at that date (+00:00, +01:00 in summer…) is given in Paris time: it is the same instant."))

    // MARK: Unsafe: guesses at identity data, only with --unsafe-fixes

    public static let swapBirthDayMonth = FixKind(
        code: "FX20", slug: "swap-birth-day-month", safety: .unsafe,
        title: Localized(fr: "jour et mois de naissance échangés", en: "birth day and month swapped"),
        explanation: Localized(fr: "Pour un passage refusé à l'étape « jour et mois de naissance », quand les deux valeurs font un mois valide, elles sont échangées (inversion jour/mois fréquente dans les tableurs). C'est une supposition : vérifiez-la.",
                               en: "For a passage refused at the « birth day and month » stage, when both values make a valid month, they are swapped (day and month are often swapped in spreadsheets). This is a guess: check it."))
    public static let swapBirthAndUsageNames = FixKind(
        code: "FX21", slug: "swap-birth-and-usage-names", safety: .unsafe,
        title: Localized(fr: "nom de naissance et nom d'usage échangés", en: "birth name and usual name swapped"),
        explanation: Localized(fr: "Pour un titulaire introuvable dont le nom d'usage diffère du nom de naissance, les deux sont échangés : le nom d'usage (ou d'époux) est souvent saisi comme nom de naissance. C'est une supposition : vérifiez-la.",
                               en: "For a holder not found whose usual name differs from the birth name, the two are swapped: the usual (or married) name is often typed as the birth name. This is a guess: check it."))
    public static let dropOptionalIdentity = FixKind(
        code: "FX22", slug: "drop-optional-identity", safety: .unsafe,
        title: Localized(fr: "données d'identité facultatives retirées", en: "optional identity data removed"),
        explanation: Localized(fr: "Pour un passage refusé à l'étape de réconciliation, les champs facultatifs (prénoms 2 et 3, libellés de commune et de pays) sont retirés : un champ facultatif faux fait échouer le rapprochement. Des informations sont perdues : vérifiez.",
                               en: "For a passage refused at the reconciliation stage, the optional fields (given names 2 and 3, town and country names) are removed: a wrong optional field makes matching fail. Information is lost: check."))
    public static let swapValidityDates = FixKind(
        code: "FX23", slug: "swap-validity-dates", safety: .unsafe,
        title: Localized(fr: "dates de validité échangées", en: "validity dates swapped"),
        explanation: Localized(fr: "Quand la fin de validité précède le début, les deux dates sont échangées. C'est une supposition (l'erreur peut être dans l'année) : vérifiez-la.",
                               en: "When the validity end is before the start, the two dates are swapped. This is a guess (the mistake may be in the year): check it."))
    public static let splitGivenNames = FixKind(
        code: "FX24", slug: "split-given-names", safety: .unsafe,
        title: Localized(fr: "prénoms séparés", en: "given names split"),
        explanation: Localized(fr: "Un premier prénom qui contient plusieurs prénoms séparés par des espaces (« Jean Pierre ») est réparti entre prenom1, prenom2 et prenom3 ; les prénoms composés à tiret restent entiers. C'est une supposition : vérifiez-la.",
                               en: "A first given name holding several names separated by spaces (« Jean Pierre ») is spread over prenom1, prenom2 and prenom3; hyphenated names stay whole. This is a guess: check it."))

    public static let mojibake = FixKind(
        code: "FX25", slug: "mojibake", safety: .unsafe,
        title: Localized(fr: "accents abîmés réparés", en: "garbled accents repaired"),
        explanation: Localized(fr: "Un texte UTF-8 relu comme du Windows-1252 (« Ã© » pour « é ») est décodé à nouveau. Un caractère perdu (U+FFFD) ne peut pas être retrouvé : il reste signalé. C'est une supposition : vérifiez.",
                               en: "UTF-8 text read again as Windows-1252 (« Ã© » for « é ») is decoded again. A lost character (U+FFFD) cannot be recovered: it stays flagged. This is a guess: check."))

    public static let all: [FixKind] = [
        .xmlDeclaration, .utf8, .nilWord, .emptyOptional, .isoDate, .horodatage, .boolean, .enumeration,
        .inseeOverPostal, .trimmed, .missingNillable, .certificationCode, .certificationType, .renumbered, .correction,
        .bornAbroadCountry, .horodatageParis,
        .swapBirthDayMonth, .swapBirthAndUsageNames, .dropOptionalIdentity, .swapValidityDates, .splitGivenNames, .mojibake,
    ]
}

/// One fix made (or, in a dry run, that would be made).
public struct AppliedFix: Sendable {
    public let kind: FixKind
    /// Local name of the element changed (empty for file-level fixes).
    public let element: String
    /// Line in the deposit.
    public let line: Int
    public let before: String?
    public let after: String?
    /// Index of the passage it belongs to (document order), if any.
    public let passageIndex: Int?
}
