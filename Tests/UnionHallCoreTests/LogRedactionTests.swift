import Testing
import UnionHallCore

@Suite struct LogRedactionTests {
    @Test(arguments: [
        ("member 62100219800101123X failed", "member 621*************3X failed"),
        ("mobile 13912345678.", "mobile 139******78."),
        ("id=621002198001011234&x=1", "id=621*************34&x=1"),
        ("no digits here", "no digits here"),
        ("request-id 6F1B2C3D-0000-4000-8000-123456789012", "request-id 6F1B2C3D-0000-4000-8000-123456789012"),
        ("took 1234567890 ns", "took 1234567890 ns"),
        ("两个号码13912345678和13800000000", "两个号码139******78和138******00"),
    ])
    func longDigitRunsAreMasked(text: String, expected: String) {
        #expect(LogRedaction.redact(text) == expected)
    }
}
