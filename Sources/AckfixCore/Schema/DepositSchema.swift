/// The deposit schema as data, written from FORMAT.md §A (the CDC's element tree, facets and
/// enumerations). One model serves three purposes: ackfix's own streaming validator, the XSD
/// file ackfix prints (`ackfix schema`), and the facts other code needs (nillable fields, enumerations).
public struct DepositSchema: Sendable {
    public let generation: SchemaGeneration
    /// Named complex types, by name.
    public let complexTypes: [String: ComplexType]
    /// Named simple types (enumerations), by name, in the order the XSD prints them.
    public let simpleTypes: [(name: String, type: SimpleType)]
    public let root: ElementDecl

    public struct ElementDecl: Sendable {
        public let name: String
        public let type: TypeRef
        public let optional: Bool
        public let nillable: Bool

        init(_ name: String, _ type: TypeRef, optional: Bool = false, nillable: Bool = false) {
            self.name = name
            self.type = type
            self.optional = optional
            self.nillable = nillable
        }
    }

    public indirect enum TypeRef: Sendable {
        case simple(SimpleType)
        /// A named simple type (an enumeration).
        case namedSimple(String, SimpleType)
        case complex(String)
        case anonymousComplex(ComplexType)
    }

    public struct ComplexType: Sendable {
        public enum Model: Sendable {
            /// `xsd:all`: each child at most once, in any order.
            case all
            /// `xsd:sequence`: in this order.
            case sequence
            /// `xsd:sequence/xsd:choice`: exactly one of the children.
            case choice
            /// `xsd:sequence/xsd:choice maxOccurs="unbounded"`: one or more (zero when `allowsEmpty`).
            case repeatedChoice(allowsEmpty: Bool)
        }
        public let model: Model
        public let children: [ElementDecl]

        public func child(named name: String) -> ElementDecl? { children.first { $0.name == name } }
    }

    public struct SimpleType: Sendable {
        public enum Base: String, Sendable { case string, int, boolean, date, dateTime }
        public let base: Base
        public var length: Int?
        public var minLength: Int?
        public var maxLength: Int?
        public var minInclusive: Int?
        public var maxInclusive: Int?
        /// An XSD regular expression (implicitly anchored), applied to the lexical value.
        public var pattern: String?
        public var enumeration: [String]?

        static func string(_ min: Int, _ max: Int) -> SimpleType { SimpleType(base: .string, minLength: min, maxLength: max) }
        static func string(length: Int) -> SimpleType { SimpleType(base: .string, length: length) }
        static func int(_ min: Int, _ max: Int) -> SimpleType { SimpleType(base: .int, minInclusive: min, maxInclusive: max) }
        static let boolean = SimpleType(base: .boolean)
        static let date = SimpleType(base: .date, pattern: DepositSchema.datePattern)
        static let dateTime = SimpleType(base: .dateTime, pattern: DepositSchema.horodatagePattern)
        static func enumeration(_ values: [String]) -> SimpleType { SimpleType(base: .string, enumeration: values) }
    }

    /// `AAAA-MM-JJ`, years 1900 to 2099 (FORMAT.md §A.3).
    public static let datePattern = "(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
    /// The horodatage pattern, including its odd `(:2[0-3]|[01][0-9])` offset hours (FORMAT.md §A.3).
    public static let horodatagePattern =
        "(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9](\\+|-)(:2[0-3]|[01][0-9]):[0-5][0-9]"
    /// NIR without its key, as mirrored from the 2026 kit (FORMAT.md §A.9).
    public static let nirPattern = "[12][0-9]{4}(2[AB]|[0-9]{2})[0-9]{6}"

    // MARK: - Enumerations (FORMAT.md §A.4)

    public static let enumerations: [(name: String, values: [String])] = [
        ("natureDeposant", ["CERTIFICATEUR", "TIERS_CONFIANCE"]),
        ("obtentionCertification", ["PAR_ADMISSION", "PAR_SCORING"]),
        ("modalitePassageExamen", ["A_DISTANCE", "EN_PRESENTIEL", "MIXTE"]),
        ("niveauCECRL", ["A1", "A2", "B1", "B2", "C1", "C2", "INSUFFISANT"]),
        ("mention", ["SANS_MENTION", "MENTION_ASSEZ_BIEN", "MENTION_BIEN", "MENTION_TRES_BIEN",
                     "MENTION_TRES_BIEN_AVEC_FELICITATIONS_DU_JURY"]),
        ("modaliteAcces", ["FORMATION_INITIALE_HORS_APPRENTISSAGE", "FORMATION_INITIALE_APPRENTISSAGE",
                           "FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION",
                           "FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION", "VAE",
                           "EQUIVALENCE_DIPLOME_ETRANGER", "CANDIDAT_LIBRE"]),
        ("voieAccesVAE", ["CONGES_VAE", "VAE_CLASSIQUE"]),
        ("initiativeInscription", ["CERTIFIE", "OF", "POLE_EMPLOI", "EMPLOYEUR", "AUTRE"]),
        ("genre", ["M", "F"]),
    ]
    static let actionValues = ["CREATION", "SUPPRESSION"]

    private static func named(_ name: String) -> TypeRef {
        let values = enumerations.first { $0.name == name }!.values
        return .namedSimple(name, .enumeration(values))
    }

    // MARK: - The tree (FORMAT.md §A.2, §A.9)

    public init(generation: SchemaGeneration) {
        self.generation = generation
        typealias E = ElementDecl
        let v115 = generation >= .v1_1_5
        var flux: [E] = [
            E("idFlux", .simple(.string(1, 50))),
            E("horodatage", .simple(.dateTime)),
        ]
        if v115 { flux.append(E("action", .namedSimple("action", .enumeration(Self.actionValues)), optional: true)) }
        flux.append(E("emetteur", .complex("emetteur")))

        var identity: [E] = [
            E("dossierFormation", .complex("dossierFormation")),
            E("titulaire", .complex("titulaire")),
        ]
        if v115 { identity.append(E("identifiantNational", .complex("identifiantNational"))) }

        var types: [String: ComplexType] = [
            "flux": ComplexType(model: .all, children: flux),
            "emetteur": ComplexType(model: .all, children: [
                E("idClient", .simple(.string(length: 8))),
                E("certificateurs", .complex("certificateurs")),
            ]),
            "certificateurs": ComplexType(model: .all, children: [E("certificateur", .complex("certificateur"))]),
            "certificateur": ComplexType(model: .all, children: [
                E("idClient", .simple(.string(length: 8))),
                E("idContrat", .simple(.string(1, 20))),
                E("certifications", .anonymousComplex(ComplexType(
                    model: .repeatedChoice(allowsEmpty: false),
                    children: [E("certification", .complex("certification"))]))),
            ]),
            "certification": ComplexType(model: .all, children: [
                E("type", .simple(.string(1, 255))),
                E("code", .simple(.string(1, 100))),
                E("natureDeposant", Self.named("natureDeposant"), optional: true),
                E("passageCertifications", .anonymousComplex(ComplexType(
                    model: .repeatedChoice(allowsEmpty: false),
                    children: [E("passageCertification", .complex("passageCertification"))]))),
            ]),
            "passageCertification": ComplexType(model: .all, children: [
                E("idTechnique", .simple(.string(1, 255))),
                E("urlPreuve", .simple(.string(1, 255)), optional: true),
                E("libelleOption", .simple(.string(1, 255)), optional: true),
                E("obtentionCertification", Self.named("obtentionCertification")),
                E("donneeCertifiee", .simple(.boolean)),
                E("dateDebutExamen", .simple(.date), optional: true),
                E("dateFinExamen", .simple(.date), optional: true),
                E("modalitePassageExamen", Self.named("modalitePassageExamen"), optional: true),
                E("codePostalCentreExamen", .simple(.string(1, 9)), optional: true),
                E("dateDebutValidite", .simple(.date)),
                E("dateFinValidite", .simple(.date), nillable: true),
                E("presenceNiveauLangueEuro", .simple(.boolean)),
                E("niveauLangueEuropeen", Self.named("niveauCECRL"), optional: true),
                E("presenceNiveauNumeriqueEuro", .simple(.boolean)),
                E("niveauNumeriqueEuropeen", .complex("niveauNumeriqueEuropeen"), optional: true),
                E("scoring", .simple(.string(1, 255)), nillable: true),
                E("mentionValidee", Self.named("mention"), nillable: true),
                E("modalitesInscription", .complex("modalitesInscription")),
                E("identificationTitulaire", .complex("identificationTitulaire")),
                E("verbatim", .simple(.string(1, 255)), optional: true),
            ]),
            "niveauNumeriqueEuropeen": ComplexType(model: .all, children: [
                E("scoreGeneral", .simple(.int(1, 1000)), optional: true),
                E("resultats", .anonymousComplex(ComplexType(
                    model: .repeatedChoice(allowsEmpty: true),
                    children: [E("resultat", .complex("resultat"))])), optional: true),
            ]),
            "resultat": ComplexType(model: .all, children: [
                E("niveau", .simple(.int(1, 8)), optional: true),
                E("domaineCompetenceId", .simple(.string(length: 1)), optional: true),
                E("competenceId", .simple(.string(length: 1)), optional: true),
            ]),
            "modalitesInscription": ComplexType(model: .all, children: [
                E("modaliteAcces", Self.named("modaliteAcces"), nillable: true),
                E("voieAccessVAE", Self.named("voieAccesVAE"), optional: true),
                E("initiativeInscription", Self.named("initiativeInscription"), optional: true),
                E("dateInscription", .simple(.date), optional: true),
            ]),
            "identificationTitulaire": ComplexType(model: .choice, children: identity),
            "dossierFormation": ComplexType(model: .all, children: [
                E("idDossier", .simple(.string(1, 13))),
                E("nomTitulaire", .simple(.string(1, 30))),
                E("prenom1Titulaire", .simple(.string(1, 20))),
            ]),
            "titulaire": ComplexType(model: .all, children: [
                E("nomNaissance", .simple(.string(1, 60))),
                E("nomUsage", .simple(.string(1, 60)), nillable: true),
                E("prenom1", .simple(.string(1, 60))),
                E("prenom2", .simple(.string(1, 60)), optional: true),
                E("prenom3", .simple(.string(1, 60)), optional: true),
                E("anneeNaissance", .simple(.int(1900, 2099))),
                E("moisNaissance", .simple(.int(1, 12)), nillable: true),
                E("jourNaissance", .simple(.int(1, 31)), nillable: true),
                E("sexe", Self.named("genre")),
                E("codeCommuneNaissance", .complex("codeCommuneNaissance")),
                E("libelleCommuneNaissance", .simple(.string(1, 60)), optional: true),
                E("codePaysNaissance", .simple(.string(length: 3)), optional: true),
                E("libellePaysNaissance", .simple(.string(1, 60)), optional: true),
                E("commentairesMEN", .simple(.string(1, 250)), optional: true),
            ]),
            "codeCommuneNaissance": ComplexType(model: .choice, children: [
                E("codeInseeNaissance", .complex("codeInsee")),
                E("codePostalNaissance", .complex("codePostal")),
            ]),
            "codeInsee": ComplexType(model: .sequence, children: [E("codeInsee", .simple(.string(length: 5)))]),
            "codePostal": ComplexType(model: .sequence, children: [
                E("codePostal", .simple(.string(1, 9)), nillable: true),
            ]),
        ]
        if v115 {
            var nir = SimpleType.string(length: 13)
            nir.pattern = Self.nirPattern
            types["identifiantNational"] = ComplexType(model: .all, children: [
                E("nir", .simple(nir)),
                E("nomNaissance", .simple(.string(1, 60))),
            ])
        }
        complexTypes = types
        var simple = Self.enumerations.map { (name: $0.name, type: SimpleType.enumeration($0.values)) }
        if v115 { simple.append((name: "action", type: .enumeration(Self.actionValues))) }
        simpleTypes = simple
        root = ElementDecl("flux", .complex("flux"))
    }

    public static let v112 = DepositSchema(generation: .v1_1_2)
    public static let v115 = DepositSchema(generation: .v1_1_5)

    public static func forGeneration(_ g: SchemaGeneration) -> DepositSchema { g == .v1_1_2 ? v112 : v115 }

    public func complexType(_ ref: TypeRef) -> ComplexType? {
        switch ref {
        case .complex(let name): return complexTypes[name]
        case .anonymousComplex(let t): return t
        default: return nil
        }
    }

    public func simpleType(_ ref: TypeRef) -> SimpleType? {
        switch ref {
        case .simple(let t), .namedSimple(_, let t): return t
        default: return nil
        }
    }

    /// Every element declaration of the schema with the local path of its parent type, depth first.
    public func declarations() -> [(parent: String, decl: ElementDecl)] {
        var out: [(String, ElementDecl)] = []
        var visited = Set<String>()
        func walk(_ typeName: String, _ type: ComplexType) {
            for child in type.children {
                out.append((typeName, child))
                switch child.type {
                case .complex(let name):
                    if visited.insert(name).inserted, let t = complexTypes[name] { walk(name, t) }
                case .anonymousComplex(let t):
                    walk(child.name, t)
                default: break
                }
            }
        }
        visited.insert("flux")
        walk("flux", complexTypes["flux"]!)
        return out
    }

    /// The declaration of a leaf element by local name (first met, depth first).
    public func declaration(named name: String) -> ElementDecl? {
        Self.declarationsByName[generation]?[name]
    }

    /// First declaration of each name, per generation: looked up for every passage explained.
    private static let declarationsByName: [SchemaGeneration: [String: ElementDecl]] = {
        var out: [SchemaGeneration: [String: ElementDecl]] = [:]
        for schema in [v112, v115] {
            var byName: [String: ElementDecl] = [:]
            for (_, decl) in schema.declarations() where byName[decl.name] == nil { byName[decl.name] = decl }
            out[schema.generation] = byName
        }
        return out
    }()

    /// Every element name the schema declares.
    public static let elementNames: Set<String> = Set(v115.declarations().map { $0.decl.name } + ["flux"])

    /// Xerces names anonymous types `#AnonType_` + element + enclosing type, e.g. `horodatageflux`.
    public static func elementName(fromAnonymousType anon: String) -> String? {
        elementNames.filter { anon.hasPrefix($0) }.max { $0.count < $1.count }
    }
}
