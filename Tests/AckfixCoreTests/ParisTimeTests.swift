import Foundation
import Testing
@testable import AckfixCore

/// Paris time worked out by arithmetic, against Foundation's calendars and date formatters (the
/// way it was worked out before), over many instants and the summer-time changes.
@Suite("Paris time") struct ParisTimeTests {
    /// The horodatage of an instant as Foundation's Gregorian calendar writes it.
    private static func referenceHorodatage(_ date: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        let year = utc.component(.year, from: date)
        func lastSunday(_ month: Int) -> Date {
            var day = utc.date(byAdding: .day, value: -1, to: utc.date(from: DateComponents(year: year, month: month + 1, day: 1, hour: 1))!)!
            while utc.component(.weekday, from: day) != 1 { day = utc.date(byAdding: .day, value: -1, to: day)! }
            return day
        }
        let offset = date >= lastSunday(3) && date < lastSunday(10) ? 7200 : 3600
        var paris = Calendar(identifier: .gregorian)
        paris.timeZone = TimeZone(secondsFromGMT: offset)!
        let c = paris.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, offset / 3600)
    }

    private static func formatter(_ format: String, utc: Bool) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        if utc { f.timeZone = TimeZone(secondsFromGMT: 0) }
        f.dateFormat = format
        return f
    }

    private static let withOffset = formatter("yyyy-MM-dd'T'HH:mm:ssXXXXX", utc: false)
    private static let inUTC = formatter("yyyy-MM-dd'T'HH:mm:ss", utc: true)

    /// Every 3 days 6 hours 5 minutes 13 seconds from 1995 to 2060, and around every change.
    private static let instants: [Date] = {
        var dates = stride(from: 788_918_400.0, to: 2_871_763_200.0, by: 281_113.0).map { Date(timeIntervalSince1970: $0 + 0.75) }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        for year in 1996...2059 {
            for month in [3, 10] {
                let firstOfNext = utc.date(from: DateComponents(year: year, month: month + 1, day: 1, hour: 1))!
                for back in 1...7 {
                    let day = utc.date(byAdding: .day, value: -back, to: firstOfNext)!
                    guard utc.component(.weekday, from: day) == 1 else { continue }
                    dates += [-1.0, -0.5, 0, 1].map { day.addingTimeInterval($0) }
                }
            }
        }
        return dates
    }()

    @Test func horodatageAsFoundationWritesIt() {
        for date in Self.instants {
            #expect(ParisTime.horodatage(date) == Self.referenceHorodatage(date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func daysNumberedBothWays() {
        for number in stride(from: -800_000, to: 800_000, by: 97) {
            #expect(ParisTime.dayNumber(ParisTime.day(ofDayNumber: number)) == number)
        }
        #expect(ParisTime.day(ofDayNumber: 0) == ParisTime.Day(year: 1970, month: 1, day: 1))
        #expect(ParisTime.dayNumber(ParisTime.Day(year: 2000, month: 2, day: 29)) == 11_016)
    }

    @Test func horodatageReadAsFoundationReadsIt() {
        for date in Self.instants {
            let written = Self.referenceHorodatage(date)
            for variant in [written, written.replacingOccurrences(of: "+01:00", with: "-04:30"),
                            written.replacingOccurrences(of: "+02:00", with: "+00:00"),
                            written.replacingOccurrences(of: "+01:00", with: "+13:45")] {
                #expect(CheckRule.instant(variant) == Self.withOffset.date(from: variant), "\(variant)")
            }
        }
        for invalid in ["2026-02-30T10:00:00+01:00", "2026-01-15T24:00:00+01:00", "2026-01-15T10:00:00+:21:00",
                        "2026-01-15T10:00:00Z", "2026-01-15 10:00:00+01:00", "2026-01-15T10:00:00+0100"] {
            #expect(CheckRule.instant(invalid) == nil, "\(invalid)")
        }
    }

    @Test func utcValuesRepairedAsBefore() {
        for date in Self.instants {
            let utc = Self.inUTC.string(from: date)
            for value in [utc + "Z", utc + ".250z"] {
                let expected = Self.inUTC.date(from: String(value.prefix(19))).map(ParisTime.horodatage)
                #expect(ValueRepair.horodatage(value) == expected, "\(value)")
            }
        }
        for invalid in ["2026-02-30T10:00:00Z", "2026-01-15T25:00:00Z", "2026-01-15T10:0a:00Z", "2026-01-15T10-00-00Z"] {
            #expect(ValueRepair.horodatage(invalid) == nil, "\(invalid)")
        }
    }

    @Test func defaultOutputNamedByTheDayInParis() {
        // 23:30 UTC on 31 December is already 1 January in Paris.
        let newYear = Date(timeIntervalSince1970: 1_798_759_800)
        #expect(Repairer.defaultOutput(for: "dir/export.XML", now: newYear) == "dir/export-resubmission-20270101.xml")
        #expect(Repairer.defaultOutput(for: "export", now: newYear.addingTimeInterval(-3600)) == "export-resubmission-20261231.xml")
    }
}
