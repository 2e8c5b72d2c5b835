/// One `passageCertification`, with the XSD's element names. Each passage draws from its own
/// stream, keyed by its position in the file, so it does not depend on the passages before it.
struct Passage {
    enum Holder {
        case titulaire(Titulaire)
        case dossierFormation(idDossier: [UInt8], nomTitulaire: Word, prenom1Titulaire: Word)
        /// 1.1.5 only.
        case identifiantNational(nir: [UInt8], nomNaissance: Word)
    }

    enum BirthPlace {
        case codeInsee([UInt8])
        /// nil: birth place unknown, written `<cpf:codePostal xsi:nil="true"/>` as Pix does.
        case codePostal([UInt8]?)
    }

    struct Titulaire {
        var nomNaissance: Word
        var nomUsage: Word?
        /// prenom1, then prenom2 and prenom3 when known.
        var prenoms: [Word]
        var anneeNaissance: Int
        var moisNaissance: Int?
        var jourNaissance: Int?
        /// `05` rather than `5`: both are valid xsd:int, and exporters such as Pix pad.
        var zeroPaddedBirthDate: Bool
        var sexe: StaticString
        var birthPlace: BirthPlace
        var libelleCommuneNaissance: Word?
        var codePaysNaissance: [UInt8]?
        var libellePaysNaissance: Word?
        var commentairesMEN: Word?
    }

    struct Resultat {
        var niveau: Int?
        var domaineCompetenceId: UInt8
        var competenceId: UInt8
    }

    struct NiveauNumeriqueEuropeen {
        var scoreGeneral: Int?
        var resultats: [Resultat]
    }

    let idTechnique: [UInt8]
    var urlPreuve: [UInt8]?
    var libelleOption: Word?
    var obtentionCertification: StaticString
    var donneeCertifiee: Bool
    var dateDebutExamen: Day?
    var dateFinExamen: Day?
    var modalitePassageExamen: StaticString?
    var codePostalCentreExamen: [UInt8]?
    var dateDebutValidite: Day
    var dateFinValidite: Day?
    var niveauLangueEuropeen: StaticString?
    var niveauNumeriqueEuropeen: NiveauNumeriqueEuropeen?
    var scoring: [UInt8]?
    var mentionValidee: StaticString?
    var modaliteAcces: StaticString?
    var voieAccessVAE: StaticString?
    var initiativeInscription: StaticString?
    var dateInscription: Day?
    var holder: Holder
    var verbatim: Word?
    /// Names written with character references (`H&#233;l&#232;ne`) in this passage.
    var usesCharacterReferences: Bool

    /// The idTechnique at `position`, without drawing the rest of the passage: the report needs
    /// only this. Styles vary as between real exporters (FORMAT.md §A.3), and each style is unique
    /// by construction, not by luck.
    static func idTechnique(seed: UInt64, position: Int) -> [UInt8] {
        var random = SplitMix64(seed: seed, purpose: .idTechnique, index: UInt64(position))
        switch random.below(20) {
        case 0..<9:
            return Array("P-".utf8) + Array(zeroPadded(position + 1, width: 6).utf8)
        case 9..<15:
            let base = 1_000_000 + Int(SplitMix64.mix(seed) % 8_000_000)
            return Array(String(base + position).utf8)
        default:
            return random.uuid(unique: SplitMix64.scramble48(UInt64(position), key: SplitMix64.mix(~seed)))
        }
    }

    private static func zeroPadded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    init(seed: UInt64, position: Int, outcome: Outcome, flux: Flux, generation: Generation) {
        var random = SplitMix64(seed: seed, purpose: .passage, index: UInt64(position))
        let refusal: FunctionalError? = if case .ko(let error) = outcome { error } else { nil }

        idTechnique = Self.idTechnique(seed: seed, position: position)
        urlPreuve = random.chance(8) ? Array("https://preuves.certif-exemple.fr/badge/".utf8) + idTechnique : nil
        libelleOption = random.chance(12) ? random.pick(Names.options) : nil
        let byScoring = random.chance(15)
        obtentionCertification = byScoring ? "PAR_SCORING" : "PAR_ADMISSION"
        donneeCertifiee = random.chance(92)

        // Passages are deposited within three months of delivery (R. 6113-17-2).
        dateDebutValidite = flux.depositDay - random.int(in: 1...90)
        if random.chance(70) {
            let end = dateDebutValidite - random.below(22)
            dateDebutExamen = end - random.below(3)
            dateFinExamen = random.chance(85) ? end : nil
        }
        modalitePassageExamen = random.pickOrNil(["EN_PRESENTIEL", "A_DISTANCE", "MIXTE"], nilPercent: 40)
        codePostalCentreExamen = random.chance(35) ? random.pick(Names.communes).postalCode : nil
        if refusal == .validityDatesInverted {
            dateFinValidite = dateDebutValidite - random.int(in: 1...400)
        } else if random.chance(60) {
            dateFinValidite = dateDebutValidite + 365 * random.int(in: 1...5) + random.below(30)
        }

        if random.chance(15) {
            niveauLangueEuropeen = random.pick(["A1", "A2", "B1", "B2", "C1", "C2", "INSUFFISANT"])
        }
        if random.chance(8) {
            niveauNumeriqueEuropeen = Self.niveauNumerique(&random)
        }
        scoring = Self.scoring(byScoring: byScoring, &random)
        mentionValidee = random.pickOrNil(
            ["SANS_MENTION", "MENTION_ASSEZ_BIEN", "MENTION_BIEN", "MENTION_TRES_BIEN", "MENTION_TRES_BIEN_AVEC_FELICITATIONS_DU_JURY"],
            nilPercent: 55)
        if random.chance(8) {
            modaliteAcces = "VAE"
            // The dictionary allows voieAccessVAE only with VAE.
            voieAccessVAE = random.pickOrNil(["CONGES_VAE", "VAE_CLASSIQUE"], nilPercent: 30)
        } else {
            modaliteAcces = random.pickOrNil(
                ["FORMATION_INITIALE_HORS_APPRENTISSAGE", "FORMATION_INITIALE_APPRENTISSAGE",
                 "FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION", "FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION",
                 "EQUIVALENCE_DIPLOME_ETRANGER", "CANDIDAT_LIBRE"],
                nilPercent: 20)
        }
        initiativeInscription = random.pickOrNil(["CERTIFIE", "OF", "POLE_EMPLOI", "EMPLOYEUR", "AUTRE"], nilPercent: 50)
        if random.chance(40) {
            dateInscription = (dateDebutExamen ?? dateDebutValidite) - random.int(in: 20...240)
        }

        holder = Self.holder(refusal: refusal, depositYear: flux.depositDay.civil.year, generation: generation, &random)
        verbatim = random.chance(6) ? random.pick(Names.verbatims) : nil
        usesCharacterReferences = random.chance(4)
    }

    private static func niveauNumerique(_ random: inout SplitMix64) -> NiveauNumeriqueEuropeen {
        let resultats = (0..<random.below(5)).map { _ in
            Resultat(
                niveau: random.chance(90) ? random.int(in: 1...8) : nil,
                domaineCompetenceId: UInt8(ascii: "1") + UInt8(random.below(5)),
                competenceId: UInt8(ascii: "1") + UInt8(random.below(8)))
        }
        return NiveauNumeriqueEuropeen(scoreGeneral: random.chance(85) ? random.int(in: 1...1000) : nil, resultats: resultats)
    }

    /// Free text in the XSD; exporters write marks out of 20, points, or a score out of 1000.
    private static func scoring(byScoring: Bool, _ random: inout SplitMix64) -> [UInt8]? {
        if byScoring {
            let score = String(random.int(in: 300...1000))
            return Array((random.chance(50) ? score + "/1000" : score).utf8)
        }
        guard random.chance(50) else { return nil }
        let mark = random.int(in: 10...19)
        return Array((random.chance(50) ? "\(mark).\(random.below(10))" : "\(mark)/20").utf8)
    }

    private static func holder(refusal: FunctionalError?, depositYear: Int, generation: Generation, _ random: inout SplitMix64) -> Holder {
        let female = random.chance(50)
        let prenom = random.pick(female ? Names.femaleGivenNames : Names.maleGivenNames)
        let nomNaissance = random.pick(Names.surnames)
        let anneeNaissance = depositYear - random.int(in: 18...62)
        let moisNaissance = random.int(in: 1...12)
        let jourNaissance = random.int(in: 1...Day.daysIn(month: moisNaissance, year: anneeNaissance))
        let bornAbroad = random.chance(12)
        let commune = random.pick(Names.communes)
        let country = random.pick(Names.countries)
        // Refusals about the holder only make sense for civil-status identities.
        let aboutHolder = refusal?.isAboutHolder ?? false

        if generation == .v1_1_5, !aboutHolder, random.chance(12) {
            var nir = [UInt8(ascii: female ? "2" : "1")]
            nir += Array(zeroPadded(anneeNaissance % 100, width: 2).utf8)
            nir += Array(zeroPadded(moisNaissance, width: 2).utf8)
            nir += bornAbroad ? country.insee : commune.insee
            nir += Array(zeroPadded(random.int(in: 1...999), width: 3).utf8)
            return .identifiantNational(nir: nir, nomNaissance: nomNaissance)
        }
        if !aboutHolder, random.chance(15) {
            return .dossierFormation(idDossier: random.digits(random.int(in: 9...13)), nomTitulaire: nomNaissance, prenom1Titulaire: prenom)
        }

        var titulaire = Titulaire(
            nomNaissance: random.chance(6) ? nomNaissance.hyphenated(with: random.pick(Names.surnames)) : nomNaissance,
            nomUsage: random.chance(female ? 30 : 5) ? random.pick(Names.surnames) : nil,
            prenoms: [prenom],
            anneeNaissance: anneeNaissance,
            moisNaissance: moisNaissance,
            jourNaissance: jourNaissance,
            zeroPaddedBirthDate: random.chance(25),
            sexe: female ? "F" : "M",
            birthPlace: .codeInsee(commune.insee))
        if random.chance(30) {
            titulaire.prenoms.append(random.pick(female ? Names.femaleGivenNames : Names.maleGivenNames))
            if random.chance(25) { titulaire.prenoms.append(random.pick(female ? Names.femaleGivenNames : Names.maleGivenNames)) }
        }
        switch refusal {
        case .holderNotFoundBirthDate:
            break  // the day and month were sent: that is what failed
        case .holderAmbiguous where random.chance(50):
            titulaire.moisNaissance = nil  // too few criteria to single out one person
            titulaire.jourNaissance = nil
        default:
            if random.chance(3) { titulaire.moisNaissance = nil }
            if titulaire.moisNaissance == nil || random.chance(2) { titulaire.jourNaissance = nil }
        }
        if bornAbroad {
            titulaire.birthPlace = .codeInsee(country.insee)
            titulaire.codePaysNaissance = country.code
            titulaire.libellePaysNaissance = random.chance(85) ? country.name : nil
            titulaire.libelleCommuneNaissance = random.chance(50) ? random.pick(country.cities) : nil
        } else {
            if random.chance(18) {
                titulaire.birthPlace = .codePostal(random.chance(25) ? nil : commune.postalCode)
            }
            titulaire.libelleCommuneNaissance = random.chance(70) ? commune.name : nil
            titulaire.libellePaysNaissance = random.chance(20) ? Names.france : nil
        }
        titulaire.commentairesMEN = random.chance(1) ? random.pick(Names.commentsMEN) : nil
        return .titulaire(titulaire)
    }
}
