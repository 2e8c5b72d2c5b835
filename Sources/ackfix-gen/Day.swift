/// A calendar day, counted from 1970-01-01, so that "90 days before" is a subtraction.
/// Civil conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
struct Day: Comparable {
    let ordinal: Int

    init(ordinal: Int) { self.ordinal = ordinal }

    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Sunday.
    var weekday: Int { ((ordinal % 7) + 7 + 4) % 7 }

    static func + (day: Day, days: Int) -> Day { Day(ordinal: day.ordinal + days) }
    static func - (day: Day, days: Int) -> Day { Day(ordinal: day.ordinal - days) }
    static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Last Sunday of a month: French summer time runs from the last Sunday of March to the last
    /// Sunday of October, which decides between +02:00 and +01:00 in `horodatage`.
    static func lastSunday(month: Int, year: Int) -> Day {
        let last = Day(year: year, month: month, day: daysIn(month: month, year: year))
        return last - last.weekday
    }
}
