/// xsd:date and xsd:dateTime lexical forms and calendar checks, as libxml2 applies them.
enum XSDDates {
    /// `-?YYYY-MM-DD` with an optional time zone, and a day that exists in that month.
    static func isDate(_ v: ArraySlice<UInt8>) -> Bool {
        var s = Scanner(v)
        guard s.date(), s.timeZone() != false else { return false }
        return s.atEnd
    }

    /// `-?YYYY-MM-DDThh:mm:ss(.s+)?` with an optional zone within ±14:00.
    static func isDateTime(_ v: ArraySlice<UInt8>) -> Bool {
        var s = Scanner(v)
        guard s.date(), s.take(UInt8(ascii: "T")), let h = s.digits(2), s.take(UInt8(ascii: ":")),
              let m = s.digits(2), s.take(UInt8(ascii: ":")), let sec = s.digits(2) else { return false }
        if s.take(UInt8(ascii: ".")) {
            guard s.digits(1) != nil else { return false }
            while s.digits(1) != nil {}
        }
        guard h < 24, m < 60, sec < 60 else { return false }
        guard s.timeZone() != false else { return false }
        return s.atEnd
    }

    private struct Scanner {
        let v: ArraySlice<UInt8>
        var i: Int
        init(_ v: ArraySlice<UInt8>) {
            self.v = v
            i = v.startIndex
        }
        var atEnd: Bool { i == v.endIndex }

        mutating func take(_ b: UInt8) -> Bool {
            guard i < v.endIndex, v[i] == b else { return false }
            i += 1
            return true
        }

        mutating func digits(_ n: Int) -> Int? {
            guard i + n <= v.endIndex else { return nil }
            var x = 0
            for k in i..<(i + n) {
                guard v[k] >= 0x30, v[k] <= 0x39 else { return nil }
                x = x * 10 + Int(v[k] - 0x30)
            }
            i += n
            return x
        }

        mutating func date() -> Bool {
            _ = take(UInt8(ascii: "-"))
            var yearDigits = 0
            var year = 0
            while i < v.endIndex, v[i] >= 0x30, v[i] <= 0x39 {
                year = year * 10 + Int(v[i] - 0x30)
                yearDigits += 1
                i += 1
                if yearDigits > 9 { return false }
            }
            guard yearDigits >= 4, take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
                  let day = digits(2) else { return false }
            guard (1...12).contains(month), day >= 1 else { return false }
            return day <= ValueRepair.daysIn(month: month, year: year)
        }

        /// nil: no zone; true: a valid zone; false: a malformed one.
        mutating func timeZone() -> Bool? {
            guard i < v.endIndex else { return nil }
            if take(UInt8(ascii: "Z")) { return true }
            guard v[i] == UInt8(ascii: "+") || v[i] == UInt8(ascii: "-") else { return false }
            i += 1
            guard let h = digits(2), take(UInt8(ascii: ":")), let m = digits(2), m < 60 else { return false }
            return h * 60 + m <= 14 * 60
        }
    }
}
