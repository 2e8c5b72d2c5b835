/// A value ready to write: XML-escaped once here rather than for every passage.
struct Word {
    let xml: [UInt8]
    /// The same text with every non-ASCII character as a character reference (`&#233;`), as some
    /// exporters write it: parsers must read both forms as the same name.
    let xmlWithReferences: [UInt8]

    init(_ text: String) {
        var xml = [UInt8](), references = [UInt8]()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": xml += Array("&amp;".utf8); references += Array("&amp;".utf8)
            case "<": xml += Array("&lt;".utf8); references += Array("&lt;".utf8)
            case ">": xml += Array("&gt;".utf8); references += Array("&gt;".utf8)
            default:
                xml += Array(String(scalar).utf8)
                references += scalar.isASCII ? [UInt8(scalar.value)] : Array("&#\(scalar.value);".utf8)
            }
        }
        self.xml = xml
        self.xmlWithReferences = references
    }

    private init(xml: [UInt8], xmlWithReferences: [UInt8]) {
        self.xml = xml
        self.xmlWithReferences = xmlWithReferences
    }

    /// A double-barrelled name such as `Martin-Lefèvre`.
    func hyphenated(with other: Word) -> Word {
        let hyphen = UInt8(ascii: "-")
        return Word(xml: xml + [hyphen] + other.xml, xmlWithReferences: xmlWithReferences + [hyphen] + other.xmlWithReferences)
    }

    func bytes(references: Bool) -> [UInt8] { references ? xmlWithReferences : xml }
}

/// A birth or exam place in France: INSEE commune code (COG), one of its postal codes, its name.
struct Commune {
    let insee: [UInt8]
    let postalCode: [UInt8]
    let name: Word

    init(_ insee: String, _ postalCode: String, _ name: String) {
        self.insee = Array(insee.utf8)
        self.postalCode = Array(postalCode.utf8)
        self.name = Word(name)
    }
}

/// A birth country abroad: `codeInsee` is 99 + the country's 3-digit INSEE code, which is also
/// `codePaysNaissance`.
struct Country {
    let insee: [UInt8]
    let code: [UInt8]
    let name: Word
    let cities: [Word]

    init(_ code: String, _ name: String, _ cities: [String]) {
        self.insee = Array("99\(code)".utf8)
        self.code = Array(code.utf8)
        self.name = Word(name)
        self.cities = cities.map(Word.init)
    }
}

/// Built-in lists. Common French surnames and given names combined at random, so no generated
/// person is real. They cover what parsers get wrong: accents (é è ç ï ÿ), apostrophes (N'Diaye),
/// hyphens (Marie-Hélène), spaces (Le Gall). Every surname is at most 14 characters and every given
/// name at most 20, so that `dossierFormation` (nomTitulaire ≤ 30, prenom1Titulaire ≤ 20) holds.
enum Names {
    static let surnames: [Word] = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert",
        "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
        "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier",
        "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen",
        "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Roche", "Noël", "Meyer", "Meunier", "Pérez",
        "Marchand", "Dufour", "Blanchard", "Barbier", "Brunet", "Schmitt", "Leroux", "Colin",
        "Fernandez", "Renard", "Arnaud", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
        "Lemoine", "Picard", "Gaillard", "Lacroix", "Fabre", "Dupuis", "Hubert", "Rivière", "Le Gall",
        "Le Goff", "Le Bihan", "Da Silva", "Dos Santos", "Ferreira", "Benoît", "Prévost", "Carré",
        "Rémy", "Barré", "Boëdec", "Moïse", "Çelik", "Kaçar", "Haddad", "Ben Saïd", "Benhaïm",
        "Traoré", "Diallo", "Nowak", "N'Diaye", "N'Guessan", "D'Almeida", "D'Amico", "L'Hôte",
        "De La Fontaine", "Le Hénaff", "Guégan", "Bréhéret",
    ].map(Word.init)

    static let femaleGivenNames: [Word] = [
        "Marie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura", "Clara",
        "Anaïs", "Océane", "Élodie", "Hélène", "Nathalie", "Isabelle", "Sophie", "Céline", "Aurélie",
        "Émilie", "Amélie", "Maëlle", "Zoé", "Noémie", "Mélanie", "Valérie", "Sylvie", "Françoise",
        "Cécile", "Agnès", "Bérénice", "Gaëlle", "Joëlle", "Héloïse", "Lucie", "Margaux", "Pauline",
        "Leïla", "Aïcha", "Fatoumata", "Nadège", "Solène", "Maïté", "Laëtitia", "Marie-Hélène",
        "Marie-France", "Anne-Sophie", "Marie-Laure", "Marie-Thérèse", "Rose-Marie", "Marie-Ève",
    ].map(Word.init)

    static let maleGivenNames: [Word] = [
        "Jean", "Pierre", "Nicolas", "Thomas", "Julien", "Lucas", "Hugo", "Théo", "Louis", "Mathéo",
        "Enzo", "Gabriel", "Raphaël", "Nathan", "Maxime", "Alexandre", "Antoine", "François",
        "Jérôme", "Cédric", "Frédéric", "Stéphane", "Sébastien", "Grégory", "Loïc", "Gaël", "Joël",
        "Noël", "Anaël", "Benoît", "Mamadou", "Karim", "Moussa", "Yannick", "Hervé", "André", "Éric",
        "Jérémy", "Adrien", "Aurélien", "Clément", "Valentin", "Rémi", "Mickaël", "Ismaël",
        "Jean-François", "Jean-Baptiste", "Jean-Luc", "Pierre-Yves", "Jean-Noël", "Marc-Antoine",
        "Jean-Christophe",
    ].map(Word.init)

    static let communes: [Commune] = [
        Commune("75056", "75011", "Paris"), Commune("13055", "13001", "Marseille"),
        Commune("69123", "69003", "Lyon"), Commune("31555", "31000", "Toulouse"),
        Commune("06088", "06000", "Nice"), Commune("44109", "44000", "Nantes"),
        Commune("34172", "34000", "Montpellier"), Commune("67482", "67000", "Strasbourg"),
        Commune("33063", "33000", "Bordeaux"), Commune("59350", "59000", "Lille"),
        Commune("35238", "35000", "Rennes"), Commune("51454", "51100", "Reims"),
        Commune("42218", "42000", "Saint-Étienne"), Commune("83137", "83000", "Toulon"),
        Commune("76351", "76600", "Le Havre"), Commune("38185", "38000", "Grenoble"),
        Commune("21231", "21000", "Dijon"), Commune("49007", "49000", "Angers"),
        Commune("30189", "30000", "Nîmes"), Commune("69266", "69100", "Villeurbanne"),
        Commune("63113", "63000", "Clermont-Ferrand"), Commune("72181", "72000", "Le Mans"),
        Commune("13001", "13100", "Aix-en-Provence"), Commune("29019", "29200", "Brest"),
        Commune("37261", "37000", "Tours"), Commune("80021", "80000", "Amiens"),
        Commune("87085", "87000", "Limoges"), Commune("66136", "66000", "Perpignan"),
        Commune("57463", "57000", "Metz"), Commune("25056", "25000", "Besançon"),
        Commune("45234", "45000", "Orléans"), Commune("76540", "76000", "Rouen"),
        Commune("14118", "14000", "Caen"), Commune("54395", "54000", "Nancy"),
        Commune("2A004", "20000", "Ajaccio"), Commune("2B033", "20200", "Bastia"),
        Commune("97120", "97110", "Pointe-à-Pitre"), Commune("97209", "97200", "Fort-de-France"),
        Commune("97302", "97300", "Cayenne"), Commune("97411", "97400", "Saint-Denis"),
        Commune("97611", "97600", "Mamoudzou"), Commune("94038", "94240", "L'Haÿ-les-Roses"),
        Commune("51108", "51000", "Châlons-en-Champagne"), Commune("93066", "93200", "Saint-Denis"),
        Commune("93048", "93100", "Montreuil"), Commune("94028", "94000", "Créteil"),
        Commune("91228", "91000", "Évry-Courcouronnes"), Commune("95127", "95000", "Cergy"),
    ]

    static let countries: [Country] = [
        Country("350", "Maroc", ["Casablanca", "Fès", "Marrakech"]),
        Country("352", "Algérie", ["Alger", "Oran", "Sétif"]),
        Country("351", "Tunisie", ["Tunis", "Sfax"]),
        Country("341", "Sénégal", ["Dakar", "Thiès"]),
        Country("335", "Mali", ["Bamako", "Kayes"]),
        Country("326", "Côte d'Ivoire", ["Abidjan", "Bouaké"]),
        Country("322", "Cameroun", ["Douala", "Yaoundé"]),
        Country("333", "Madagascar", ["Antananarivo"]),
        Country("336", "Haïti", ["Port-au-Prince"]),
        Country("139", "Portugal", ["Porto", "Braga"]),
        Country("134", "Espagne", ["Séville", "Málaga"]),
        Country("127", "Italie", ["Naples", "Turin"]),
        Country("131", "Belgique", ["Liège", "Bruxelles"]),
        Country("109", "Allemagne", ["Cologne", "Sarrebruck"]),
        Country("140", "Suisse", ["Genève", "Lausanne"]),
        Country("122", "Pologne", ["Cracovie", "Łódź"]),
        Country("114", "Roumanie", ["Iaşi", "Bucarest"]),
        Country("208", "Turquie", ["İzmir", "Ankara"]),
        Country("243", "Viêt Nam", ["Hô Chi Minh-Ville", "Hanoï"]),
    ]

    static let france = Word("France")

    static let options: [Word] = [
        "Gestion & paie", "Comptabilité & fiscalité", "Anglais des affaires", "Option B : logistique",
        "Bloc 2 – Management d'équipe", "Hygiène, sécurité & environnement", "Spécialité « cuisine »",
        "Parcours <numérique>",
    ].map(Word.init)

    static let verbatims: [Word] = [
        "Session de printemps", "Jury du 12 juin", "Délivrée après rattrapage", "Épreuve orale validée",
        "Résultat transmis par l'organisme de formation",
    ].map(Word.init)

    static let commentsMEN: [Word] = [
        "Candidat inscrit par l'académie de Créteil", "Dossier repris après changement d'état civil",
    ].map(Word.init)
}
