import Foundation
import Testing
import UnionHallCore

@Suite struct Base64URLTests {
    @Test func bytesGoThereAndBackWithoutPadding() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(text.utf8.count == (length * 4 + 2) / 3)
            #expect(Base64URL.decode(text) == Data(bytes))
        }
    }

    @Test func theURLAlphabetStandsForBase64s() {
        // 0xFB 0xFF is "+/8=" in standard base64.
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("-_8") == Data([0xFB, 0xFF]))
    }

    @Test(arguments: ["+_8", "-/8", "-_8=", "a", "ab!c", "é"])
    func otherTextIsRefused(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
