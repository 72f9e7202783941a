import Foundation

/// A date as people type it in a sign-in sheet: `2024-06-03`, `2024/6/3`, `2024.6.3`,
/// `2024年6月3日`, or the serial number a spreadsheet keeps for a date cell (days since 1899-12-30).
public enum SpreadsheetDate {
    static let epoch = CivilDate(year: 1899, month: 12, day: 30)!

    public static func parse(_ text: String) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = CivilDate(trimmed) { return date }
        if let serial = Double(trimmed), serial >= 1, serial < 2_958_466, serial == serial.rounded(.down) {
            return epoch.adding(days: Int(serial))
        }
        let parts = trimmed.replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-").replacingOccurrences(
            of: "日", with: ""
        )
        .split(whereSeparator: { "-/.".contains($0) })
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
