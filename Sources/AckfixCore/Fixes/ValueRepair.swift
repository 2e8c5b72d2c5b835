import Foundation

/// Mechanical corrections of single values, each one certain: the value can only have meant this.
/// Shared by repair after a rejection, `check --fix`, and the advice `explain` gives.
public enum ValueRepair {
    /// What people type for "no value" (the CDC's own Excel template says « mettre nill »).
    public static func isNilWord(_ value: String) -> Bool {
        ["nil", "nill", "null", "(null)", "n/a"].contains(value.trimmingWhitespace().lowercased())
    }

    /// A known near-miss of an enumeration value, or nil.
    public static func enumeration(_ value: String, allowed: [String], element: String) -> String? {
        let trimmed = value.trimmingWhitespace()
        if allowed.contains(trimmed) { return trimmed == value ? nil : trimmed }
        let key = trimmed.foldedForMatching().uppercased()
            .replacingAll("(", with: "").replacingAll(")", with: "")
            .replacingAll(" ", with: "_").replacingAll("-", with: "_")
        if let exact = allowed.first(where: { $0 == key }) { return exact }
        let synonyms: [String: String] = [
            "H": "M", "HOMME": "M", "MASCULIN": "M", "MALE": "M",
            "FEMME": "F", "FEMININ": "F", "FEMALE": "F",
            "TIERS_DE_CONFIANCE": "TIERS_CONFIANCE",
            "ADMISSION": "PAR_ADMISSION", "SCORING": "PAR_SCORING",
            "PRESENTIEL": "EN_PRESENTIEL", "DISTANCE": "A_DISTANCE",
        ]
        if let s = synonyms[key], allowed.contains(s) { return s }
        return nil
    }

    /// A date written `JJ/MM/AAAA`, `JJ-MM-AAAA`, `JJ.MM.AAAA` or `AAAA/MM/JJ`, as `AAAA-MM-JJ`.
    public static func date(_ value: String) -> String? {
        let t = value.trimmingWhitespace()
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        let (y, m, d): (String, String, String)
        if parts[0].count == 4 { (y, m, d) = (parts[0], parts[1], parts[2]) }
        else if parts[2].count == 4 { (y, m, d) = (parts[2], parts[1], parts[0]) }
        else { return nil }
        guard let mi = Int(m), let di = Int(d), let yi = Int(y), (1...12).contains(mi), (1...31).contains(di),
              (1900...2099).contains(yi), di <= daysIn(month: mi, year: yi) else { return nil }
        let iso = "\(y)-\(mi < 10 ? "0" : "")\(mi)-\(di < 10 ? "0" : "")\(di)"
        return iso == t && t == value ? nil : iso
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A timestamp in `Z`, with fractional seconds, or a one-digit offset, as
    /// `YYYY-MM-DDTHH:MM:SS±HH:MM`. A `Z` (UTC) value becomes the same instant in Paris time.
    public static func horodatage(_ value: String) -> String? {
        let t = value.trimmingWhitespace()
        guard let tIndex = t.firstIndex(of: "T") else { return nil }
        let datePart = String(t[..<tIndex])
        var time = String(t[t.index(after: tIndex)...])
        guard datePart.count == 10, time.count >= 8 else { return nil }
        var offset: String
        if time.hasSuffix("Z") || time.hasSuffix("z") {
            time.removeLast()
            offset = "Z"
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            offset = String(time[sign...])
            time = String(time[..<sign])
        } else {
            return nil
        }
        if let dot = time.firstIndex(of: ".") { time = String(time[..<dot]) }
        guard time.count == 8 else { return nil }
        if offset == "Z" {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(secondsFromGMT: 0)
            f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
            guard let date = f.date(from: datePart + "T" + time) else { return nil }
            let fixed = ParisTime.horodatage(date)
            return fixed == value ? nil : fixed
        }
        // ±H:MM or ±HH:MM or ±HHMM
        let sign = offset.prefix(1)
        let digits = String(offset.dropFirst()).replacingAll(":", with: "")
        guard digits.allSatisfy({ $0.isNumber }) else { return nil }
        let hh: String, mm: String
        switch digits.count {
        case 1, 2: (hh, mm) = (digits, "00")
        case 3: (hh, mm) = (String(digits.prefix(1)), String(digits.suffix(2)))
        case 4: (hh, mm) = (String(digits.prefix(2)), String(digits.suffix(2)))
        default: return nil
        }
        let fixed = datePart + "T" + time + sign + (hh.count == 1 ? "0" + hh : hh) + ":" + mm
        return fixed == value ? nil : fixed
    }

    /// `TRUE`, `True`, `VRAI`, `1`… as the schema's `true` / `false`.
    public static func boolean(_ value: String) -> String? {
        let t = value.trimmingWhitespace().lowercased()
        let fixed: String
        switch t {
        case "true", "1", "vrai", "oui", "yes": fixed = "true"
        case "false", "0", "faux", "non", "no": fixed = "false"
        default: return nil
        }
        return fixed == value ? nil : fixed
    }
}
