import Foundation
import Testing

@testable import UnionHallCore

@Suite struct QRCodeTests {
    @Test func structureAndCapacity() throws {
        let text = ProcessInfo.processInfo.environment["QR_TEXT"] ?? "https://union.example.cn/check/membership/ABCDEFGHJKLMNPQRSTUV"
        let code = try #require(QRCode.encode(text))
        #expect(code.size == code.version * 4 + 17)
        // Finder patterns: dark ring, light ring, dark 3×3 core, in three corners.
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.isDark(x, y) && code.isDark(x + 6, y + 6) && !code.isDark(x + 1, y + 1) && code.isDark(x + 3, y + 3))
        }
        // The dark module, and the timing pattern.
        #expect(code.isDark(8, code.size - 8))
        #expect((8..<(code.size - 8)).allSatisfy { code.isDark($0, 6) == ($0 % 2 == 0) })
        #expect(QRCode.encode(String(repeating: "a", count: 213)) != nil)
        #expect(QRCode.encode(String(repeating: "a", count: 300)) == nil)
        #expect(QRCode.dataCodewords(1) == 16 && QRCode.dataCodewords(10) == 216)
        #expect(code.svgPath.allSatisfy { "0123456789Mhvz,-".contains($0) })
        if let path = ProcessInfo.processInfo.environment["QR_SVG"] {
            let svg = """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(code.drawnSize) \(code.drawnSize)">\
                <rect width="100%" height="100%" fill="#fff"/><path d="\(code.svgPath)"/></svg>
                """
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test func reedSolomonMatchesTheStandardsExample() {
        // ISO/IEC 18004 Annex I: "01234567" at 1-M, its 16 data codewords and their 10 error correction codewords.
        let data: [UInt8] = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10)) == [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
    }
}
