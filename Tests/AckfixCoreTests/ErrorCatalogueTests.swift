import Testing
@testable import AckfixCore

@Suite struct ErrorCatalogueTests {
    static let examples: [(ErrorClass, ErrorClass.Example)] = ErrorCatalogue.all.flatMap { c in c.examples.map { (c, $0) } }

    @Test("every example message lands in its own class with its values", arguments: examples)
    func exampleIsClassified(_ errorClass: ErrorClass, _ example: ErrorClass.Example) {
        let found = errorClass.family == .functional
            ? ErrorCatalogue.classifyFunctional(example.message)
            : ErrorCatalogue.classifyRejection(example.message)
        #expect(found.errorClass.code == errorClass.code, "\(example.message)")
        for (key, value) in example.values {
            #expect(found.values[key] == value, "\(key) in \(example.message)")
        }
        if errorClass.family == .functional {
            // What a repair asks, without the values: the same class.
            #expect(ErrorCatalogue.functional[ErrorCatalogue.functionalPlaceOnly(of: example.message)].code == errorClass.code)
        }
    }

    @Test("a refused passage's classification is the same, whether its message is shared or worked out when shown", arguments: examples.filter { $0.0.family == .functional })
    func passageClassificationSharedOrNot(_ errorClass: ErrorClass, _ example: ErrorClass.Example) {
        let refused = ProcessingReport.RefusedPassage(idTechnique: "P-1", messages: [example.message, "Plusieurs titulaires ont été identifiés"], line: 3)
        let classes = refused.messages.map(SharedClassification.init)
        for shared in [true, false] {
            let p = Explanation.Passage(refused: refused, classes: classes, sharesFirst: shared)
            #expect(p.errorClass.code == errorClass.code)
            #expect(p.classification.errorClass.code == errorClass.code)
            #expect(p.classification.values == ErrorCatalogue.classifyFunctional(example.message).values)
            #expect(p.messageClasses.map(\.code) == [errorClass.code, ErrorClass.holderAmbiguous.code])
        }
    }

    @Test func codesAndSlugsAreUniqueWithinAFamily() {
        let codes = ErrorCatalogue.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        for family in [ErrorCatalogue.functional, ErrorCatalogue.rejection] {
            let slugs = family.map(\.slug)
            #expect(Set(slugs).count == slugs.count)
        }
    }

    @Test func everyClassButUnclassifiedHasExamples() {
        for c in ErrorCatalogue.all where c.slug != "unclassified" {
            #expect(!c.examples.isEmpty, "\(c.slug)")
        }
    }

    @Test func slugsUsersRelyOn() {
        #expect(ErrorCatalogue.functional.map(\.slug) == [
            "holder-not-found", "holder-not-found-birth-date", "holder-not-found-reconciliation",
            "holder-ambiguous", "duplicate-id", "certification-status-ko", "validity-dates-inverted", "unclassified",
        ])
    }

    @Test func unknownMessagesStayUnclassifiedAndVerbatim() {
        #expect(ErrorCatalogue.classifyFunctional("Le NIR est invalide").errorClass.slug == "unclassified")
        #expect(ErrorCatalogue.classifyRejection("Quelque chose d'autre").errorClass.slug == "unclassified")
    }

    @Test func matchingIgnoresAccentsCaseAndWhiteSpace() {
        let c = ErrorCatalogue.classifyFunctional("  aucun   titulaire ne CORRESPOND aux critères\n de REconciliation ")
        #expect(c.errorClass.slug == "holder-not-found-reconciliation")
        let d = ErrorCatalogue.classifyFunctional("Le passage certification avec le bcr émetteur 03VML243 et l’id technique partenaire A B existe déjà en base")
        #expect(d.errorClass.slug == "duplicate-id")
        #expect(d.values["id"] == "A B")
    }

    @Test func aValidatorCodeDecidesTheClassEvenForUnknownWording() {
        let c = ErrorCatalogue.classifyRejection("cvc-enumeration-valid : quelque chose de nouveau 'X' pour '#AnonType_sexetitulaire'")
        #expect(c.errorClass.slug == "invalid-enumeration")
        #expect(c.validatorCode == "cvc-enumeration-valid")
    }

    @Test func anonymousTypesNameTheirElement() {
        #expect(DepositSchema.elementName(fromAnonymousType: "horodatageflux") == "horodatage")
        #expect(DepositSchema.elementName(fromAnonymousType: "idClientemetteur") == "idClient")
        #expect(DepositSchema.elementName(fromAnonymousType: "moisNaissancetitulaire") == "moisNaissance")
        let c = ErrorCatalogue.classifyRejection("cvc-pattern-valid : La valeur 'x' n'est pas un facet valide par rapport au modèle 'y' pour le type '#AnonType_horodatageflux'.")
        #expect(RejectionDetails.element(in: "pour le type '#AnonType_horodatageflux'") == "horodatage")
        #expect(c.values["type"] == "#AnonType_horodatageflux")
    }
}
