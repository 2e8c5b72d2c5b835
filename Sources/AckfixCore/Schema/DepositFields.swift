/// What ackfix knows about deposit fields beyond the schema: which hold personal data, what
/// they are called in plain words, and which ones the CDC's holder matching uses.
public enum DepositFields {
    /// Names, birth dates, birth places, CPF file numbers and NIR: masked unless the user asks.
    public static let personal: Set<String> = [
        "nomNaissance", "nomUsage", "prenom1", "prenom2", "prenom3", "anneeNaissance", "moisNaissance",
        "jourNaissance", "codeInsee", "codePostal", "libelleCommuneNaissance", "codePaysNaissance",
        "libellePaysNaissance", "commentairesMEN", "idDossier", "nomTitulaire", "prenom1Titulaire", "nir",
    ]

    public static func isPersonal(_ name: String) -> Bool { personal.contains(name) }

    /// Fields the schema lets a passage leave out.
    public static func isOptional(_ name: String) -> Bool {
        DepositSchema.v115.declaration(named: name)?.optional ?? false
    }

    /// The identity fields of each branch, in the order a certifier reads them.
    public static func identityFields(of branch: IdentityBranch) -> [String] {
        switch branch {
        case .titulaire: titulaireFields
        case .dossierFormation: dossierFormationFields
        case .identifiantNational: identifiantNationalFields
        }
    }

    // Built once: explaining 200,000 passages asks for them at every field.
    private static let titulaireFields = [
        "nomNaissance", "nomUsage", "prenom1", "prenom2", "prenom3", "anneeNaissance", "moisNaissance",
        "jourNaissance", "sexe", "codeInsee", "codePostal", "libelleCommuneNaissance",
        "codePaysNaissance", "libellePaysNaissance"]
    private static let dossierFormationFields = ["idDossier", "nomTitulaire", "prenom1Titulaire"]
    private static let identifiantNationalFields = ["nir", "nomNaissance"]

    public static func label(_ name: String) -> Localized {
        labels[name] ?? .verbatim(name)
    }

    private static let labels: [String: Localized] = [
        "idFlux": Localized(fr: "identifiant du flux", en: "flux id"),
        "horodatage": Localized(fr: "horodatage", en: "timestamp"),
        "action": Localized(fr: "action", en: "action"),
        "idClient": Localized(fr: "code client (BCR)", en: "client code (BCR)"),
        "idContrat": Localized(fr: "numéro de contrat", en: "contract number"),
        "type": Localized(fr: "type de certification", en: "certification type"),
        "code": Localized(fr: "code de certification", en: "certification code"),
        "natureDeposant": Localized(fr: "nature du déposant", en: "depositor kind"),
        "idTechnique": Localized(fr: "identifiant technique", en: "technical id"),
        "obtentionCertification": Localized(fr: "mode d'obtention", en: "how obtained"),
        "donneeCertifiee": Localized(fr: "donnée certifiée", en: "certified data"),
        "dateDebutExamen": Localized(fr: "date de début d'examen", en: "exam start date"),
        "dateFinExamen": Localized(fr: "date de fin d'examen", en: "exam end date"),
        "dateDebutValidite": Localized(fr: "date de début de validité", en: "validity start date"),
        "dateFinValidite": Localized(fr: "date de fin de validité", en: "validity end date"),
        "presenceNiveauLangueEuro": Localized(fr: "niveau de langue présent", en: "language level present"),
        "niveauLangueEuropeen": Localized(fr: "niveau de langue européen", en: "European language level"),
        "presenceNiveauNumeriqueEuro": Localized(fr: "niveau numérique présent", en: "digital level present"),
        "niveauNumeriqueEuropeen": Localized(fr: "niveau numérique européen", en: "European digital level"),
        "scoring": Localized(fr: "score", en: "score"),
        "mentionValidee": Localized(fr: "mention", en: "distinction"),
        "modaliteAcces": Localized(fr: "modalité d'accès", en: "access route"),
        "voieAccessVAE": Localized(fr: "voie d'accès VAE", en: "VAE route"),
        "nomNaissance": Localized(fr: "nom de naissance", en: "birth name"),
        "nomUsage": Localized(fr: "nom d'usage", en: "usual name"),
        "prenom1": Localized(fr: "premier prénom", en: "first given name"),
        "prenom2": Localized(fr: "deuxième prénom", en: "second given name"),
        "prenom3": Localized(fr: "troisième prénom", en: "third given name"),
        "anneeNaissance": Localized(fr: "année de naissance", en: "birth year"),
        "moisNaissance": Localized(fr: "mois de naissance", en: "birth month"),
        "jourNaissance": Localized(fr: "jour de naissance", en: "birth day"),
        "sexe": Localized(fr: "sexe", en: "sex"),
        "codeInsee": Localized(fr: "code INSEE de la commune de naissance", en: "INSEE code of the birth place"),
        "codePostal": Localized(fr: "code postal de la commune de naissance", en: "postcode of the birth place"),
        "libelleCommuneNaissance": Localized(fr: "commune de naissance", en: "birth town"),
        "codePaysNaissance": Localized(fr: "code pays de naissance", en: "birth country code"),
        "libellePaysNaissance": Localized(fr: "pays de naissance", en: "birth country"),
        "idDossier": Localized(fr: "numéro de dossier CPF", en: "CPF file number"),
        "nomTitulaire": Localized(fr: "nom (dossier CPF)", en: "name (CPF file)"),
        "prenom1Titulaire": Localized(fr: "prénom (dossier CPF)", en: "given name (CPF file)"),
        "nir": Localized(fr: "NIR (numéro de sécurité sociale)", en: "NIR (social security number)"),
    ]
}

/// The CDC's holder matching, a funnel (FORMAT.md §E): each stage adds fields while several
/// people still match.
public enum HolderMatchingStage: Int, Sendable, CaseIterable {
    case mandatory = 1, birthDayAndMonth = 2, reconciliation = 3

    /// The fields the stage adds to the previous ones.
    public var addedFields: [String] {
        switch self {
        case .mandatory: return ["nomNaissance", "prenom1", "sexe", "anneeNaissance"]
        case .birthDayAndMonth: return ["moisNaissance", "jourNaissance"]
        case .reconciliation:
            return ["codeInsee", "codePostal", "libelleCommuneNaissance", "codePaysNaissance", "libellePaysNaissance",
                    "prenom2", "prenom3", "nomUsage"]
        }
    }

    public var title: Localized {
        switch self {
        case .mandatory:
            return Localized(fr: "étape 1 : nom de naissance, premier prénom, sexe, année de naissance",
                             en: "stage 1: birth name, first given name, sex, birth year")
        case .birthDayAndMonth:
            return Localized(fr: "étape 2 : + jour et mois de naissance", en: "stage 2: + birth day and month")
        case .reconciliation:
            return Localized(fr: "étape 3 : + commune de naissance et autres données transmises",
                             en: "stage 3: + birth place and the other data sent")
        }
    }
}
