/// Words the repair renderers share.
enum RepairPhrases {
    static func outcome(_ o: RepairResult.Outcome) -> Localized {
        switch o {
        case .resubmitted: return Localized(fr: "renvoyé tel quel", en: "resent as is")
        case .resubmittedFixed: return Localized(fr: "corrigé et renvoyé", en: "fixed and resent")
        case .needsReview: return Localized(fr: "renvoyé, à vérifier", en: "resent, to review")
        case .alreadyRecorded: return Localized(fr: "déjà enregistré, laissé de côté", en: "already recorded, left out")
        case .notInDeposit: return Localized(fr: "absent du dépôt", en: "missing from the deposit")
        }
    }

    /// `nomNaissance: *** → ***`, values of personal fields masked.
    static func fix(_ f: AppliedFix, privacy: Privacy, _ l: Language) -> String {
        var s = f.kind.title(l)
        let field = f.element
        if !field.isEmpty { s = field + " — " + s }
        // « xsi:nil » is not a value of the person: never masked.
        let before = f.before.flatMap { $0.isEmpty ? nil : $0 == "xsi:nil" ? $0 : privacy.display($0, field: field) }
        let after = f.after.map { $0 == "xsi:nil" ? $0 : privacy.display($0, field: field) }
        // French puts a space before the colon, English does not.
        let colon = l == .fr ? " :" : ":"
        switch (before, after) {
        case (let b?, let a?): s += "\(colon) « \(b) » → « \(a) »"
        case (nil, let a?): s += "\(colon) → « \(a) »"
        case (let b?, nil): s += "\(colon) « \(b) » " + (l == .fr ? "retiré" : "removed")
        case (nil, nil) where f.kind == .emptyOptional: break
        default: break
        }
        if f.kind.safety == .unsafe { s += l == .fr ? " [correction risquée]" : " [unsafe fix]" }
        return s
    }

    /// A schema violation of the would-be output, placed by passage (output lines mean nothing to the user).
    static func violation(_ v: SchemaViolation, in r: RepairResult, privacy: Privacy, _ l: Language) -> String {
        var place: String
        if let i = v.passageIndex, r.passages.indices.contains(i) {
            let p = r.passages[i]
            place = "passage \(p.idTechnique)" + (p.depositLine.map { l == .fr ? " (ligne \($0) du dépôt)" : " (deposit line \($0))" } ?? "")
            if let k = v.path.firstIndex(of: "passageCertification") {
                let inner = v.path[(k + 1)...]
                if !inner.isEmpty { place += " › " + inner.joined(separator: " › ") }
            }
        } else {
            place = v.path.dropFirst().joined(separator: " › ")
        }
        return place + (l == .fr ? " : " : ": ") + v.plainMessage(privacy: privacy)(l) + " (" + v.validatorCode + ")"
    }
}

/// Masks the values of personal fields in lines of XML shown to people (diffs).
enum PersonalDataMask {
    /// The lines of `text` (a passage as written), with the content of every personal element
    /// replaced by *** on each line it spans: CDATA, comments, values over several lines and start
    /// tags closed on the next line included. Line breaks are kept, so line i shows line i of `text`.
    static func maskedLines(_ text: String, privacy: Privacy) -> [String] {
        guard !privacy.showPersonalData else { return lines(text) }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let tagEnd = rest[open...].firstIndex(of: ">").map(rest.index(after:)) ?? rest.endIndex
            let tag = rest[open..<tagEnd]
            out += tag
            rest = rest[tagEnd...]
            guard !tag.hasPrefix("</"), !tag.hasPrefix("<!"), !tag.hasPrefix("<?"), !tag.hasSuffix("/>") else { continue }
            let name = tag.dropFirst().prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" }
            guard DepositFields.isPersonal(name.split(separator: ":").last.map(String.init) ?? "") else { continue }
            // Everything up to the end tag is the value, whatever it holds.
            let end = rest.range(of: "</" + name)?.lowerBound ?? rest.endIndex
            out += rest[..<end].split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : Privacy.mask }.joined(separator: "\n")
            rest = rest[end...]
        }
        return lines(out + rest)
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
