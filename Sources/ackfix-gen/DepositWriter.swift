/// Writes the deposit (`cpf:flux`) passage by passage, in the order of the official example.
struct DepositWriter {
    let plan: Plan
    let flux: Flux
    let generation: Generation
    let compact: Bool

    func write(to path: String) throws {
        let out = try OutputFile(path: path)
        var xml = XMLLines(out: out, prefix: "cpf:", indentWidth: 3, compact: compact)
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.open("flux", attributes: " xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        xml.element("idFlux", flux.idFlux)
        writeHorodatage(xml)
        if generation == .v1_1_5 { xml.element("action", "CREATION") }
        xml.open("emetteur")
        xml.element("idClient", flux.emitterID)
        xml.open("certificateurs")
        xml.open("certificateur")
        xml.element("idClient", flux.certifierID)
        xml.element("idContrat", flux.contractID)
        xml.open("certifications")
        var order = plan.documentOrder()
        for certification in plan.certifications {
            xml.open("certification")
            xml.element("type", certification.type)
            xml.element("code", certification.code)
            if let nature = certification.natureDeposant { xml.element("natureDeposant", nature) }
            xml.open("passageCertifications")
            for _ in 0..<certification.passageCount {
                let (position, outcome) = order.next(in: certification)
                write(Passage(seed: plan.seed, position: position, outcome: outcome, flux: flux, generation: generation), &xml)
            }
            xml.close("passageCertifications")
            xml.close("certification")
        }
        xml.close("certifications")
        xml.close("certificateur")
        xml.close("certificateurs")
        xml.close("emetteur")
        xml.close("flux")
        try out.close()
    }

    /// `2024-03-18T09:05:41+01:00`: always ±HH:MM, never `Z` or fractions, which the XSD pattern refuses.
    private func writeHorodatage(_ xml: XMLLines) {
        let out = xml.out
        let (year, month, day) = flux.depositDay.civil
        xml.begin("horodatage")
        out.write(year, width: 4)
        out.write(byte: UInt8(ascii: "-"))
        out.write(month, width: 2)
        out.write(byte: UInt8(ascii: "-"))
        out.write(day, width: 2)
        out.write(byte: UInt8(ascii: "T"))
        out.write(flux.time.hour, width: 2)
        out.write(byte: UInt8(ascii: ":"))
        out.write(flux.time.minute, width: 2)
        out.write(byte: UInt8(ascii: ":"))
        out.write(flux.time.second, width: 2)
        out.write(byte: UInt8(ascii: "+"))
        out.write(flux.utcOffsetHours, width: 2)
        out.write(":00")
        xml.end("horodatage")
    }

    private func write(_ passage: Passage, _ xml: inout XMLLines) {
        let references = passage.usesCharacterReferences
        xml.open("passageCertification")
        xml.element("idTechnique", passage.idTechnique)
        if let url = passage.urlPreuve { xml.element("urlPreuve", url) }
        if let option = passage.libelleOption { xml.element("libelleOption", option.bytes(references: references)) }
        xml.element("obtentionCertification", passage.obtentionCertification)
        xml.element("donneeCertifiee", passage.donneeCertifiee)
        if let day = passage.dateDebutExamen { xml.element("dateDebutExamen", day) }
        if let day = passage.dateFinExamen { xml.element("dateFinExamen", day) }
        if let mode = passage.modalitePassageExamen { xml.element("modalitePassageExamen", mode) }
        if let code = passage.codePostalCentreExamen { xml.element("codePostalCentreExamen", code) }
        xml.element("dateDebutValidite", passage.dateDebutValidite)
        if let day = passage.dateFinValidite { xml.element("dateFinValidite", day) } else { xml.nilElement("dateFinValidite") }
        xml.element("presenceNiveauLangueEuro", passage.niveauLangueEuropeen != nil)
        if let level = passage.niveauLangueEuropeen { xml.element("niveauLangueEuropeen", level) }
        xml.element("presenceNiveauNumeriqueEuro", passage.niveauNumeriqueEuropeen != nil)
        if let level = passage.niveauNumeriqueEuropeen { write(level, &xml) }
        if let scoring = passage.scoring { xml.element("scoring", scoring) } else { xml.nilElement("scoring") }
        if let mention = passage.mentionValidee { xml.element("mentionValidee", mention) } else { xml.nilElement("mentionValidee") }
        xml.open("modalitesInscription")
        if let access = passage.modaliteAcces { xml.element("modaliteAcces", access) } else { xml.nilElement("modaliteAcces") }
        if let route = passage.voieAccessVAE { xml.element("voieAccessVAE", route) }
        if let initiative = passage.initiativeInscription { xml.element("initiativeInscription", initiative) }
        if let day = passage.dateInscription { xml.element("dateInscription", day) }
        xml.close("modalitesInscription")
        xml.open("identificationTitulaire")
        switch passage.holder {
        case .titulaire(let titulaire):
            write(titulaire, references: references, &xml)
        case .dossierFormation(let idDossier, let nom, let prenom):
            xml.open("dossierFormation")
            xml.element("idDossier", idDossier)
            xml.element("nomTitulaire", nom.bytes(references: references))
            xml.element("prenom1Titulaire", prenom.bytes(references: references))
            xml.close("dossierFormation")
        case .identifiantNational(let nir, let nom):
            xml.open("identifiantNational")
            xml.element("nir", nir)
            xml.element("nomNaissance", nom.bytes(references: references))
            xml.close("identifiantNational")
        }
        xml.close("identificationTitulaire")
        if let verbatim = passage.verbatim { xml.element("verbatim", verbatim.bytes(references: references)) }
        xml.close("passageCertification")
    }

    private func write(_ level: Passage.NiveauNumeriqueEuropeen, _ xml: inout XMLLines) {
        xml.open("niveauNumeriqueEuropeen")
        if let score = level.scoreGeneral { xml.element("scoreGeneral", score) }
        if !level.resultats.isEmpty {
            xml.open("resultats")
            for resultat in level.resultats {
                xml.open("resultat")
                if let niveau = resultat.niveau { xml.element("niveau", niveau) }
                xml.element("domaineCompetenceId", [resultat.domaineCompetenceId])
                xml.element("competenceId", [resultat.competenceId])
                xml.close("resultat")
            }
            xml.close("resultats")
        }
        xml.close("niveauNumeriqueEuropeen")
    }

    private func write(_ titulaire: Passage.Titulaire, references: Bool, _ xml: inout XMLLines) {
        let dateWidth = titulaire.zeroPaddedBirthDate ? 2 : 1
        xml.open("titulaire")
        xml.element("nomNaissance", titulaire.nomNaissance.bytes(references: references))
        if let nom = titulaire.nomUsage { xml.element("nomUsage", nom.bytes(references: references)) } else { xml.nilElement("nomUsage") }
        xml.element("prenom1", titulaire.prenoms[0].bytes(references: references))
        if titulaire.prenoms.count > 1 { xml.element("prenom2", titulaire.prenoms[1].bytes(references: references)) }
        if titulaire.prenoms.count > 2 { xml.element("prenom3", titulaire.prenoms[2].bytes(references: references)) }
        xml.element("anneeNaissance", titulaire.anneeNaissance)
        if let month = titulaire.moisNaissance { xml.element("moisNaissance", month, width: dateWidth) } else { xml.nilElement("moisNaissance") }
        if let day = titulaire.jourNaissance { xml.element("jourNaissance", day, width: dateWidth) } else { xml.nilElement("jourNaissance") }
        xml.element("sexe", titulaire.sexe)
        xml.open("codeCommuneNaissance")
        switch titulaire.birthPlace {
        case .codeInsee(let code):
            xml.open("codeInseeNaissance")
            xml.element("codeInsee", code)
            xml.close("codeInseeNaissance")
        case .codePostal(let code):
            xml.open("codePostalNaissance")
            if let code { xml.element("codePostal", code) } else { xml.nilElement("codePostal") }
            xml.close("codePostalNaissance")
        }
        xml.close("codeCommuneNaissance")
        if let name = titulaire.libelleCommuneNaissance { xml.element("libelleCommuneNaissance", name.bytes(references: references)) }
        if let code = titulaire.codePaysNaissance { xml.element("codePaysNaissance", code) }
        if let name = titulaire.libellePaysNaissance { xml.element("libellePaysNaissance", name.bytes(references: references)) }
        if let comment = titulaire.commentairesMEN { xml.element("commentairesMEN", comment.bytes(references: references)) }
        xml.close("titulaire")
    }
}
