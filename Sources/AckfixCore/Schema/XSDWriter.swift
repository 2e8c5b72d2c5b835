/// Prints the deposit schema as an XSD file (`ackfix schema`), from the same model ackfix's own
/// validator uses, so that certifiers can check a file with any XSD tool and tests can compare
/// ackfix's verdicts with libxml2's and with the CDC's official XSD.
public enum XSDWriter {
    public static func xsd(for schema: DepositSchema) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- The CDC deposit schema (generation \(schema.generation.rawValue)) as ackfix reads it, written by
                 `ackfix schema` from FORMAT.md §A. Target namespace and element tree follow the CDC's. -->
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:cpf="\(Namespaces.cpf)"
                       targetNamespace="\(Namespaces.cpf)" elementFormDefault="qualified" version="\(schema.generation.rawValue)">

              <xs:element name="flux" type="cpf:flux"/>

            """
        let order = ["flux", "emetteur", "certificateurs", "certificateur", "certification", "passageCertification",
                     "niveauNumeriqueEuropeen", "resultat", "modalitesInscription", "identificationTitulaire",
                     "dossierFormation", "titulaire", "identifiantNational", "codeCommuneNaissance", "codeInsee", "codePostal"]
        for name in order {
            guard let t = schema.complexTypes[name] else { continue }
            out += "\n  <xs:complexType name=\"\(name)\">\n"
            out += content(t, indent: "    ")
            out += "  </xs:complexType>\n"
        }
        for (name, t) in schema.simpleTypes {
            out += "\n  <xs:simpleType name=\"\(name)\">\n"
            out += restriction(t, indent: "    ")
            out += "  </xs:simpleType>\n"
        }
        out += "</xs:schema>\n"
        return out
    }

    private static func content(_ t: DepositSchema.ComplexType, indent: String) -> String {
        let inner = indent + "  "
        switch t.model {
        case .all:
            return indent + "<xs:all>\n" + t.children.map { element($0, indent: inner) }.joined() + indent + "</xs:all>\n"
        case .sequence:
            return indent + "<xs:sequence>\n" + t.children.map { element($0, indent: inner) }.joined() + indent + "</xs:sequence>\n"
        case .choice:
            return indent + "<xs:sequence>\n" + inner + "<xs:choice>\n"
                + t.children.map { element($0, indent: inner + "  ") }.joined() + inner + "</xs:choice>\n" + indent + "</xs:sequence>\n"
        case .repeatedChoice(let allowsEmpty):
            // An empty list is allowed by making the single choice optional, as the CDC's schema does.
            let children = t.children.map { c in
                DepositSchema.ElementDecl(c.name, c.type, optional: allowsEmpty || c.optional, nillable: c.nillable)
            }
            return indent + "<xs:sequence>\n" + inner + "<xs:choice maxOccurs=\"unbounded\">\n"
                + children.map { element($0, indent: inner + "  ") }.joined() + inner + "</xs:choice>\n" + indent + "</xs:sequence>\n"
        }
    }

    private static func element(_ e: DepositSchema.ElementDecl, indent: String) -> String {
        var attrs = "name=\"\(e.name)\""
        var body: String?
        switch e.type {
        case .complex(let name): attrs += " type=\"cpf:\(name)\""
        case .namedSimple(let name, _): attrs += " type=\"cpf:\(name)\""
        case .simple(let t):
            if t.isBare {
                attrs += " type=\"xs:\(t.base.rawValue)\""
            } else {
                body = indent + "  <xs:simpleType>\n" + restriction(t, indent: indent + "    ") + indent + "  </xs:simpleType>\n"
            }
        case .anonymousComplex(let t):
            body = indent + "  <xs:complexType>\n" + content(t, indent: indent + "    ") + indent + "  </xs:complexType>\n"
        }
        if e.optional { attrs += " minOccurs=\"0\"" }
        if e.nillable { attrs += " nillable=\"true\"" }
        guard let body else { return indent + "<xs:element \(attrs)/>\n" }
        return indent + "<xs:element \(attrs)>\n" + body + indent + "</xs:element>\n"
    }

    private static func restriction(_ t: DepositSchema.SimpleType, indent: String) -> String {
        var facets: [String] = []
        if let v = t.length { facets.append("<xs:length value=\"\(v)\"/>") }
        if let v = t.minLength { facets.append("<xs:minLength value=\"\(v)\"/>") }
        if let v = t.maxLength { facets.append("<xs:maxLength value=\"\(v)\"/>") }
        if let v = t.minInclusive { facets.append("<xs:minInclusive value=\"\(v)\"/>") }
        if let v = t.maxInclusive { facets.append("<xs:maxInclusive value=\"\(v)\"/>") }
        if let v = t.pattern { facets.append("<xs:pattern value=\"\(escape(v))\"/>") }
        for v in t.enumeration ?? [] { facets.append("<xs:enumeration value=\"\(escape(v))\"/>") }
        return indent + "<xs:restriction base=\"xs:\(t.base.rawValue)\">\n"
            + facets.map { indent + "  " + $0 + "\n" }.joined() + indent + "</xs:restriction>\n"
    }

    private static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll("\"", with: "&quot;")
    }
}

extension DepositSchema.SimpleType {
    /// No facet: the built-in type is used as is.
    var isBare: Bool {
        length == nil && minLength == nil && maxLength == nil && minInclusive == nil && maxInclusive == nil
            && pattern == nil && enumeration == nil
    }
}
