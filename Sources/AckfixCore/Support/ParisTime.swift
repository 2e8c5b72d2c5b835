import Foundation

/// Legal time in metropolitan France, for horodatage values. Computed from the EU summer-time rule
/// (last Sunday of March to last Sunday of October, changing at 01:00 UTC) rather than read from
/// the machine's time-zone database, so that a CI image without tzdata gives the same answer; and
/// with civil-calendar arithmetic rather than Foundation's calendars and date formatters, whose
/// first use cost a check of a small file a sixth of its time.
public enum ParisTime {
    /// A day of the proleptic Gregorian calendar.
    struct Day: Equatable {
        var year: Int
        var month: Int
        var day: Int
    }

    /// Offset from UTC in seconds at an instant: 7200 in summer, 3600 in winter.
    public static func offset(at date: Date) -> Int {
        let t = seconds(date)
        let year = day(ofDayNumber: floorDivide(t, 86_400)).year
        let start = lastSunday(of: 3, year: year) * 86_400 + 3600
        let end = lastSunday(of: 10, year: year) * 86_400 + 3600
        return t >= start && t < end ? 7200 : 3600
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in Paris time: the form the deposit schema wants.
    public static func horodatage(_ date: Date) -> String {
        let offset = offset(at: date)
        let local = seconds(date) + offset
        let number = floorDivide(local, 86_400)
        let d = day(ofDayNumber: number)
        let time = local - number * 86_400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(d.year)-\(two(d.month))-\(two(d.day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))+\(two(offset / 3600)):00"
    }

    /// The day it is in Paris at an instant.
    static func day(at date: Date) -> Day {
        day(ofDayNumber: floorDivide(seconds(date) + offset(at: date), 86_400))
    }

    /// The instant of a day and time at a given offset from UTC (fields already validated).
    static func instant(_ d: Day, hour: Int, minute: Int, second: Int, offset: Int) -> Date {
        let t = dayNumber(d) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(t))
    }

    /// Whole seconds since 1970-01-01T00:00:00Z, rounded down.
    private static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }

    /// Days since 1970-01-01 (H. Hinnant's days_from_civil: years counted from March, in eras of
    /// 400 years).
    static func dayNumber(_ d: Day) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((d.month + 9) % 12) + 2) / 5 + d.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `number` days after 1970-01-01 (civil_from_days).
    static func day(ofDayNumber number: Int) -> Day {
        let z = number + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * shifted + 2) / 5 + 1)
    }

    /// The day number of the last Sunday of a month (1970-01-01 was a Thursday).
    private static func lastSunday(of month: Int, year: Int) -> Int {
        let last = dayNumber(month == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: month + 1, day: 1)) - 1
        return last - (last + 4 - floorDivide(last + 4, 7) * 7)
    }
}
