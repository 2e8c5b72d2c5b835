import Foundation

/// Legal time in metropolitan France, for horodatage values. Computed from the EU summer-time rule
/// (last Sunday of March to last Sunday of October, changing at 01:00 UTC) rather than read from
/// the machine's time-zone database, so that a CI image without tzdata gives the same answer.
public enum ParisTime {
    /// Offset from UTC in seconds at an instant: 7200 in summer, 3600 in winter.
    public static func offset(at date: Date) -> Int {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        let year = utc.component(.year, from: date)
        let start = lastSunday(of: 3, year: year, calendar: utc)
        let end = lastSunday(of: 10, year: year, calendar: utc)
        return date >= start && date < end ? 7200 : 3600
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM` in Paris time: the form the deposit schema wants.
    public static func horodatage(_ date: Date) -> String {
        let offset = offset(at: date)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: offset)!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let hours = offset / 3600
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))+\(two(hours)):00"
    }

    /// 01:00 UTC on the last Sunday of a month.
    private static func lastSunday(of month: Int, year: Int, calendar: Calendar) -> Date {
        var comps = DateComponents(year: year, month: month + 1, day: 1, hour: 1)
        if month == 12 { comps = DateComponents(year: year + 1, month: 1, day: 1, hour: 1) }
        let firstOfNext = calendar.date(from: comps)!
        var day = calendar.date(byAdding: .day, value: -1, to: firstOfNext)!
        while calendar.component(.weekday, from: day) != 1 {
            day = calendar.date(byAdding: .day, value: -1, to: day)!
        }
        return day
    }
}
