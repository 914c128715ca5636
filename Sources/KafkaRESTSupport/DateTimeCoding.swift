import Foundation

/// Converts between `Date` and RFC 3339 date-time strings (OpenAPI `format: date-time`).
///
/// Parsing accepts `YYYY-MM-DDTHH:MM:SS`, an optional fraction of one or more digits
/// (precision beyond nanoseconds is ignored) and a zone of `Z` or `±HH:MM`; `t`, `z` and a
/// space separator are tolerated. Formatting always writes UTC with exactly three fractional
/// digits, such as `2021-12-13T16:29:10.951Z`, rounding to the nearest millisecond, so any
/// millisecond-precision value round-trips exactly.
///
/// Both directions are hand-written and allocation-light, and share no mutable state, so they
/// are safe to call from any thread.
public enum DateTimeCoding {
    /// Parses an RFC 3339 date-time, or returns `nil` if `string` is not one.
    ///
    /// A leap second (`:60`) is read as the first second of the next minute.
    public static func date(from string: String) -> Date? {
        var string = string
        return string.withUTF8 { date(utf8: $0) }
    }

    /// Formats `date` in UTC with millisecond precision, for example `2021-12-13T16:29:10.951Z`.
    ///
    /// Dates before year 0001 or after year 9999 cannot be written in RFC 3339 and are clamped
    /// to the first or last millisecond of that range; a NaN date formats as the Unix epoch.
    public static func string(from date: Date) -> String {
        var output = [UInt8]()
        output.reserveCapacity(24)
        append(date, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Parses an RFC 3339 date-time from its UTF-8 bytes, or returns `nil` if they are not one.
    static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = Scanner(bytes: bytes)
        return scanner.parseDate()
    }

    /// Appends the format of ``string(from:)`` to `output`.
    static func append(_ date: Date, to output: inout [UInt8]) {
        let referenceMilliseconds = (date.timeIntervalSinceReferenceDate * 1000).rounded()
        let unixMilliseconds: Int64
        if referenceMilliseconds.isNaN {
            unixMilliseconds = 0
        } else {
            let clamped = min(max(referenceMilliseconds, Double(minimumMilliseconds)), Double(maximumMilliseconds))
            unixMilliseconds = Int64(clamped) + referenceDateOffset * 1000
        }
        let secondsOfEpoch = floorDivide(unixMilliseconds, 1000)
        let millisecond = Int(unixMilliseconds - secondsOfEpoch * 1000)
        let days = floorDivide(secondsOfEpoch, secondsPerDay)
        let secondOfDay = Int(secondsOfEpoch - days * secondsPerDay)
        let (year, month, day) = civilDate(fromDays: days)

        // `YYYY-MM-DDTHH:MM:SS.mmmZ` is put together on the stack and appended in one go.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            func put(_ value: Int, width: Int, at offset: Int) {
                var rest = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    text[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(Int(year), width: 4, at: 0)
            text[4] = UInt8(ascii: "-")
            put(month, width: 2, at: 5)
            text[7] = UInt8(ascii: "-")
            put(day, width: 2, at: 8)
            text[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, width: 2, at: 11)
            text[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, width: 2, at: 14)
            text[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, width: 2, at: 17)
            text[19] = UInt8(ascii: ".")
            put(millisecond, width: 3, at: 20)
            text[23] = UInt8(ascii: "Z")
            output.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
    private static let referenceDateOffset: Int64 = 978_307_200
    private static let secondsPerDay: Int64 = 86_400
    /// 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z in milliseconds since the reference date.
    private static let minimumMilliseconds: Int64 = (-62_135_596_800 - referenceDateOffset) * 1000
    private static let maximumMilliseconds: Int64 = (253_402_300_800 - referenceDateOffset) * 1000 - 1

    /// Division rounding towards negative infinity.
    fileprivate static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    fileprivate static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilDate(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, Int(month), Int(day))
    }

    /// Reads one RFC 3339 date-time from UTF-8 bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func parseDate() -> Date? {
            guard let year = number(digits: 4), consume("-"),
                  let month = number(digits: 2), consume("-"),
                  let day = number(digits: 2), consume("T") || consume("t") || consume(" "),
                  let hour = number(digits: 2), consume(":"),
                  let minute = number(digits: 2), consume(":"),
                  let second = number(digits: 2),
                  let nanoseconds = fraction(),
                  let offset = zoneOffset(),
                  index == bytes.count
            else { return nil }
            guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
                  (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
            else { return nil }
            let dayCount = DateTimeCoding.days(year: year, month: month, day: day)
            let unixSeconds = dayCount * DateTimeCoding.secondsPerDay + hour * 3600 + minute * 60 + second - offset
            let referenceSeconds = Double(unixSeconds - DateTimeCoding.referenceDateOffset)
            return Date(timeIntervalSinceReferenceDate: referenceSeconds + Double(nanoseconds) / 1_000_000_000)
        }

        /// An optional `.` followed by at least one digit, as nanoseconds; `nil` if malformed.
        private mutating func fraction() -> Int64? {
            guard consume(".") else { return 0 }
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                if count < 9 {
                    value = value * 10 + digit
                    count += 1
                }
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<9 { value *= 10 }
            return value
        }

        /// `Z` or `±HH:MM` as seconds east of UTC; `nil` if malformed.
        private mutating func zoneOffset() -> Int64? {
            if consume("Z") || consume("z") { return 0 }
            let sign: Int64
            if consume("+") {
                sign = 1
            } else if consume("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(digits: 2), consume(":"), let minutes = number(digits: 2),
                  (0...23).contains(hours), (0...59).contains(minutes)
            else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }

        private mutating func number(digits: Int) -> Int64? {
            guard bytes.count - index >= digits else { return nil }
            var value: Int64 = 0
            for _ in 0..<digits {
                guard let digit = digitValue(bytes[index]) else { return nil }
                value = value * 10 + digit
                index += 1
            }
            return value
        }

        private mutating func consume(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        private func digitValue(_ byte: UInt8) -> Int64? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
        }

        private func daysIn(month: Int64, year: Int64) -> Int64 {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
    }
}
