/// A QR code (ISO/IEC 18004) for a short text, drawn by the server: byte mode, error correction
/// level M (15% of the symbol may be damaged), versions 1 to 10 (up to 213 bytes), with the mask
/// that scores best on the standard's penalty rules 1, 2 and 4. Follows the structure of Project
/// Nayuki's reference generator.
public struct QRCode: Sendable {
    public let version: Int
    public let size: Int
    private var modules: [Bool]
    private var isFunction: [Bool]

    public func isDark(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] }

    /// Level M: error correction codewords per block and blocks, by version (index 0 unused).
    static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
    public static let maxVersion = 10

    /// nil when the text does not fit version 10.
    public static func encode(_ text: String) -> QRCode? {
        let bytes = Array(text.utf8)
        for version in 1...maxVersion {
            let capacity = dataCodewords(version) * 8
            let countBits = version <= 9 ? 8 : 16
            guard 4 + countBits + bytes.count * 8 <= capacity, bytes.count < (1 << countBits) else { continue }
            var bits = BitBuffer()
            bits.append(0b0100, 4)
            bits.append(bytes.count, countBits)
            for byte in bytes { bits.append(Int(byte), 8) }
            bits.append(0, min(4, capacity - bits.count))
            bits.append(0, (8 - bits.count % 8) % 8)
            var pad = 0xEC
            while bits.count < capacity {
                bits.append(pad, 8)
                pad ^= 0xEC ^ 0x11
            }
            var code = QRCode(version: version)
            code.drawCodewords(code.interleaved(bits.bytes))
            var best: QRCode?
            var bestPenalty = Int.max
            for mask in 0..<8 {
                var candidate = code
                candidate.applyMask(mask)
                candidate.drawFormatBits(mask)
                let penalty = candidate.penalty()
                if penalty < bestPenalty {
                    best = candidate
                    bestPenalty = penalty
                }
            }
            return best
        }
        return nil
    }

    private init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: false, count: size * size)
        isFunction = modules
        drawFunctionPatterns()
    }

    // MARK: Capacity

    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawDataModules(version) / 8 - eccPerBlock[version] * blocks[version]
    }

    // MARK: Function patterns

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(x + dx, y + dy, distance != 2 && distance != 4)
                }
            }
        }
        let positions = alignmentPositions()
        let count = positions.count
        for i in 0..<count {
            for j in 0..<count where !(i == 0 && j == 0 || i == 0 && j == count - 1 || i == count - 1 && j == 0) {
                for dy in -2...2 {
                    for dx in -2...2 { set(positions[i] + dx, positions[j] + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormatBits(0)
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let bit = (bits >> i) & 1 != 0
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, bit)
                set(b, a, bit)
            }
        }
    }

    private func alignmentPositions() -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = Array(repeating: 6, count: count)
        var position = size - 7
        for i in stride(from: count - 1, through: 1, by: -1) {
            result[i] = position
            position -= step
        }
        return result
    }

    /// Level M's format bits are 00, then the mask, with their BCH code.
    private mutating func drawFormatBits(_ mask: Int) {
        let data = mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 != 0 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    // MARK: Codewords

    private func interleaved(_ data: [UInt8]) -> [UInt8] {
        let count = Self.blocks[version]
        let eccLength = Self.eccPerBlock[version]
        let raw = Self.rawDataModules(version) / 8
        let shortBlocks = count - raw % count
        let shortLength = raw / count
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var offset = 0
        for i in 0..<count {
            let length = shortLength - eccLength + (i < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<(offset + length)])
            offset += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if i < shortBlocks { block.append(0) }
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        for i in 0..<blocks[0].count {
            for j in 0..<blocks.count where i != shortLength - eccLength || j >= shortBlocks { result.append(blocks[j][i]) }
        }
        return result
    }

    private mutating func drawCodewords(_ data: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y * size + x], i < data.count * 8 {
                        modules[y * size + x] = (data[i >> 3] >> (7 - (i & 7))) & 1 != 0
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] {
                let invert: Bool
                switch mask {
                case 0: invert = (x + y) % 2 == 0
                case 1: invert = y % 2 == 0
                case 2: invert = x % 3 == 0
                case 3: invert = (x + y) % 3 == 0
                case 4: invert = (x / 3 + y / 2) % 2 == 0
                case 5: invert = x * y % 2 + x * y % 3 == 0
                case 6: invert = (x * y % 2 + x * y % 3) % 2 == 0
                default: invert = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if invert { modules[y * size + x].toggle() }
            }
        }
    }

    /// Rules 1 (runs of one colour), 2 (2×2 blocks) and 4 (balance of dark and light).
    private func penalty() -> Int {
        var result = 0
        for line in 0..<size {
            for horizontal in [true, false] {
                var run = 0
                var previous = false
                for i in 0..<size {
                    let dark = horizontal ? isDark(i, line) : isDark(line, i)
                    if i > 0, dark == previous {
                        run += 1
                    } else {
                        if run >= 5 { result += run - 2 }
                        run = 1
                    }
                    previous = dark
                }
                if run >= 5 { result += run - 2 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let dark = isDark(x, y)
                if dark == isDark(x + 1, y), dark == isDark(x, y + 1), dark == isDark(x + 1, y + 1) { result += 3 }
            }
        }
        let darkCount = modules.filter { $0 }.count
        let total = size * size
        let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
        return result + max(k, 0) * 10
    }

    /// The side of the drawing in modules: the symbol and a quiet zone of four modules around it.
    public var drawnSize: Int { size + 8 }

    /// The dark modules as one SVG path (`M4,4h1v1h-1z…`) in a `drawnSize` square: digits and
    /// path letters only, safe in an attribute as it is.
    public var svgPath: String {
        var path = ""
        for y in 0..<size {
            for x in 0..<size where isDark(x, y) { path += "M\(x + 4),\(y + 4)h1v1h-1z" }
        }
        return path
    }
}

private struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, _ length: Int) {
        guard length > 0 else { return }
        for i in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> i) & 1 != 0) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
    }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR code's polynomial 0x11D.
enum ReedSolomon {
    static func divisor(degree: Int) -> [UInt8] {
        var result = Array(repeating: UInt8(0), count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = Array(repeating: UInt8(0), count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }
}
