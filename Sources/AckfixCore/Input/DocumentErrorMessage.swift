extension DocumentError {
    /// One line for the user: the file, the place when there is one, and the cause.
    public func message(_ l: Language) -> String {
        "\(path): " + cause(l)
    }

    public func cause(_ l: Language) -> String {
        let fr = l == .fr
        switch kind {
        case .input(let k):
            switch k {
            case .notFound: return fr ? "fichier introuvable" : "file not found"
            case .isDirectory: return fr ? "c'est un dossier, pas un fichier" : "this is a folder, not a file"
            case .unreadable: return fr ? "fichier illisible (droits ?)" : "cannot read the file (permissions?)"
            case .empty: return fr ? "fichier vide" : "the file is empty"
            case .unsupportedEncoding(let e):
                return fr ? "encodage « \(e) » non pris en charge : enregistrez le fichier en UTF-8"
                          : "encoding « \(e) » is not supported: save the file as UTF-8"
            case .invalidEncoding(let e):
                return fr ? "octets invalides pour l'encodage \(e.rawValue)" : "invalid bytes for encoding \(e.rawValue)"
            case .declaredEncodingMismatch(let e):
                return fr ? "la déclaration XML annonce l'encodage « \(e) », mais le fichier n'est pas en \(e) (ses premiers octets sont du texte sur 8 bits, sans doute de l'UTF-8) : écrivez encoding=\"UTF-8\" dans la déclaration, ou enregistrez le fichier en \(e)"
                          : "the XML declaration says encoding « \(e) », but the file is not \(e) (its first bytes are 8-bit text, probably UTF-8): write encoding=\"UTF-8\" in the declaration, or save the file as \(e)"
            }
        case .xml(let f):
            let at = f.line > 0 ? (fr ? "ligne \(f.line)" : "line \(f.line)") + (f.column > 0 ? (fr ? ", colonne \(f.column)" : ", column \(f.column)") : "") + ": " : ""
            switch f.kind {
            case .doctype:
                return at + (fr ? "déclaration DOCTYPE refusée : un dépôt ou un accusé de la CDC n'en contient jamais, et elle peut servir à lire des fichiers ou à saturer la mémoire"
                                : "DOCTYPE declaration refused: CDC deposits and reports never carry one, and it can be used to read files or exhaust memory")
            case .tagTooLong:
                return at + (fr ? "balise démesurément longue, lecture arrêtée" : "tag far too long, reading stopped")
            case .tooDeep:
                return at + (fr ? "éléments imbriqués trop profondément : plus de \(XMLStreamParser.maximumDepth) niveaux, une profondeur démesurée pour un dépôt (8 environ), lecture arrêtée"
                                : "elements nested too deeply: a depth over \(XMLStreamParser.maximumDepth) levels is too large for a deposit (about 8), reading stopped")
            case .tooLarge(let what):
                return at + (what == "passage"
                    ? (fr ? "passage démesuré (plus de \(DepositReader.maximumPassageElements) éléments), lecture arrêtée"
                          : "passage far too large (over \(DepositReader.maximumPassageElements) elements), reading stopped")
                    : (fr ? "plus de \(XMLStreamParser.maximumDistinctNames) noms d'éléments différents : ce n'est pas un dépôt, lecture arrêtée"
                          : "over \(XMLStreamParser.maximumDistinctNames) different element names: not a deposit, reading stopped"))
            case .invalidEncoding:
                return at + (fr ? "le fichier n'est pas en UTF-8 valide (souvent un export Windows-1252 ou ISO-8859-1) : déclarez son encodage ou convertissez-le en UTF-8"
                                : "the file is not valid UTF-8 (often a Windows-1252 or ISO-8859-1 export): declare its encoding or convert it to UTF-8")
            case .unsupportedEncoding(let e):
                return at + (fr ? "encodage « \(e) » non pris en charge" : "encoding « \(e) » is not supported")
            case .empty:
                return fr ? "XML mal formé : fichier vide (rien que des blancs, aucun élément)"
                          : "malformed XML: the file is empty (nothing but white space, no element)"
            case .forbiddenCharacter(let c):
                let which = c.map { " " + Self.codePoint($0) } ?? ""
                return at + (fr ? "XML mal formé : caractère interdit\(which) : XML ne l'admet nulle part, pas même en référence de caractère (&#…;) : supprimez-le"
                                : "malformed XML: forbidden character\(which): XML does not allow it anywhere, not even as a character reference (&#…;): remove it")
            case .stoppedByHandler:
                return at + (fr ? "lecture interrompue" : "reading stopped")
            case .malformed where f.openElements > 0:
                return at + (fr ? "XML mal formé : le fichier s'arrête ici, avant sa fin, \(f.openElements) élément(s) restant ouvert(s) (copie ou export incomplet ?)"
                                : "malformed XML: the file stops here, before its end, with \(f.openElements) element(s) still open (incomplete copy or export?)")
            case .malformed:
                return at + (fr ? "XML mal formé : " : "malformed XML: ") + Self.plainLibXMLMessage(f, l)
            }
        case .wrongDocument(let expected, let found):
            switch (expected, found.lowercased()) {
            case (.report, "flux"):
                return fr ? "c'est un dépôt (cpf:flux), pas un accusé de traitement : donnez l'accusé reçu de la CDC (et le dépôt avec --deposit)"
                          : "this is a deposit (cpf:flux), not a processing report: give the report received from the CDC (and the deposit with --deposit)"
            case (.deposit, "rapport"):
                return fr ? "c'est un accusé de traitement (rapport), pas un dépôt : vérifiez l'ordre des fichiers"
                          : "this is a processing report (rapport), not a deposit: check the order of the files"
            case (.report, _):
                return fr ? "pas un accusé de traitement de la CDC (élément racine « \(found) », « rapport » attendu)"
                          : "not a CDC processing report (root element « \(found) », « rapport » expected)"
            default:
                return fr ? "pas un dépôt pour la CDC (élément racine « \(found) », « cpf:flux » attendu)"
                          : "not a CDC deposit (root element « \(found) », « cpf:flux » expected)"
            }
        case .invalidContent(let line, let column, let message):
            let at = (fr ? "ligne \(line)" : "line \(line)") + (column.map { fr ? ", colonne \($0)" : ", column \($0)" } ?? "")
            return at + ": " + message(l)
        case .outputRefused(let message):
            return message(l)
        }
    }

    /// `U+0000 (NUL)`, `U+001F`.
    static func codePoint(_ c: UInt32) -> String {
        let hex = String(c, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + (c == 0 ? " (NUL)" : "")
    }

    /// libxml2 speaks English; the commonest failures get a French sentence of their own, and the
    /// misleading ones an English one too.
    static func plainLibXMLMessage(_ f: XMLReadFailure, _ l: Language) -> String {
        let d = f.detail
        guard l == .fr else {
            // Said of any file that does not start with an element, however long.
            return d.contains("Document is empty") ? "no element: the file is not XML (\(d))" : d
        }
        let known: [(String, String)] = [
            ("Start tag expected", "aucune balise de départ : le fichier n'est pas du XML"),
            ("Document is empty", "aucun élément : le fichier n'est pas du XML"),
            ("Extra content at the end of the document", "contenu en trop après l'élément racine"),
            ("Premature end of data", "fichier coupé avant la fin"),
            ("EndTag: '</' not found", "fichier coupé avant la fin"),
            ("Opening and ending tag mismatch", "balise de fin qui ne correspond pas à la balise ouverte"),
            ("Blank needed here", "espace manquant (souvent dans la déclaration <?xml … ?>)"),
            ("xmlParseEntityRef: no name", "« & » non échappé : écrivez &amp;"),
            ("Entity '", "entité non déclarée (par exemple &nbsp;) : seules &amp; &lt; &gt; &quot; &apos; existent"),
            ("Comment not terminated", "commentaire non fermé"),
            ("Double hyphen within comment", "« -- » dans un commentaire"),
            ("Malformed declaration expecting version", "déclaration XML sans version"),
            ("Unsupported version", "version XML non prise en charge"),
            ("Huge input lookup", "nœud texte démesuré, lecture arrêtée"),
            ("Namespace prefix", "préfixe d'espace de noms non déclaré"),
        ]
        for (en, fr) in known where d.contains(en) { return "\(fr) (\(d))" }
        return d
    }
}
