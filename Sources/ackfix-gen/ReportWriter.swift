/// Writes the CDC processing report (« accusé de traitement ») for the deposit, in the shape of the
/// real ones (FORMAT.md §B.1): JAXB-style `ns2` declaration that no element uses, PassagesKO then
/// PassagesOK, each in the deposit's document order.
struct ReportWriter {
    let plan: Plan
    let flux: Flux
    /// `nomFichier`: the deposit's file name, as the CDC copies it back.
    let depositFileName: String
    let compact: Bool

    func write(to path: String) throws {
        let out = try OutputFile(path: path)
        var xml = XMLLines(out: out, prefix: "", indentWidth: 4, compact: compact)
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        xml.open("rapport", attributes: " xmlns:ns2=\"urn:cdc:cpf:pc5:rapport:schema\"")
        xml.element("nomFichier", Word(depositFileName).xml)
        xml.element("idFlux", flux.idFlux)
        xml.element("idTraitement", flux.processingID)
        // Two walks through the plan rather than one list kept in memory: replaying is cheap.
        section("PassagesKO", count: plan.koCount, &xml) { xml, position, outcome in
            guard case .ko(let error) = outcome else { return }
            let idTechnique = Passage.idTechnique(seed: plan.seed, position: position)
            xml.open("passage")
            xml.element("idTechnique", idTechnique)
            xml.begin("messageErreur")
            writeMessage(error, position: position, idTechnique: idTechnique, out)
            xml.end("messageErreur")
            xml.close("passage")
        }
        section("PassagesOK", count: plan.passageCount - plan.koCount, &xml) { xml, position, outcome in
            guard outcome == .ok else { return }
            xml.element("idTechnique", Passage.idTechnique(seed: plan.seed, position: position))
        }
        xml.close("rapport")
        try out.close()
    }

    /// An empty section is written `<PassagesOK/>`, as a JAXB wrapper with an empty list is.
    private func section(_ name: StaticString, count: Int, _ xml: inout XMLLines, entry: (inout XMLLines, Int, Outcome) -> Void) {
        guard count > 0 else { return xml.empty(name) }
        xml.open(name)
        var order = plan.documentOrder()
        for certification in plan.certifications {
            for _ in 0..<certification.passageCount {
                let (position, outcome) = order.next(in: certification)
                entry(&xml, position, outcome)
            }
        }
        xml.close(name)
    }

    /// The CDC's wordings (FORMAT.md §D); `{bcr}` is the emitter's idClient.
    private func writeMessage(_ error: FunctionalError, position: Int, idTechnique: [UInt8], _ out: OutputFile) {
        switch error {
        case .holderNotFound:
            out.write("Aucun titulaire ne correspond aux critères obligatoires")
        case .holderNotFoundBirthDate:
            out.write("Aucun titulaire ne correspond aux critères obligatoires enrichis du jour et du mois de naissance")
        case .holderNotFoundReconciliation:
            out.write("Aucun titulaire ne correspond aux critères de reconciliation")
        case .holderAmbiguous:
            out.write("Plusieurs titulaires ont été identifiés")
        case .duplicateID:
            out.write("Le passage certification avec le bcr émetteur ")
            out.write(flux.emitterID)
            out.write(" et l'id technique partenaire ")
            out.write(idTechnique)
            out.write(" existe déjà en base")
        case .certificationStatusKO:
            out.write("Le statut de la certification avec le bcr émetteur ")
            out.write(flux.emitterID)
            out.write(", l'id technique partenaire ")
            out.write(idTechnique)
            out.write(" et l'index 0 est KO")
        case .validityDatesInverted:
            out.write("La date de fin de validité est inférieure à date de début de validité pour le passage certification avec le bcr émetteur ")
            out.write(flux.emitterID)
            out.write(" et l'id technique partenaire ")
            out.write(idTechnique)
        case .unclassified:
            // Invented refusals, worded like the CDC's, that match none of the known classes.
            var random = SplitMix64(seed: plan.seed, purpose: .message, index: UInt64(position))
            switch random.below(3) {
            case 0: out.write("Le titulaire est décédé à la date de délivrance de la certification")
            case 1: out.write("La date de délivrance de la certification est postérieure à la date de dépôt du fichier")
            default: out.write("Le certificateur n'est pas habilité pour cette certification à la date de délivrance")
            }
        }
    }
}
