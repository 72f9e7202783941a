import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text files as offices send them: UTF-8 (with or without a byte-order mark), or GBK/GB 18030
/// from older Excel versions that save CSV in the system's code page.
public enum TextEncoding: String, Sendable {
    case utf8, gb18030

    /// The text and the encoding it was in, or nil when the bytes are neither.
    public static func decode<Bytes: Collection<UInt8>>(_ data: Bytes) -> (text: String, encoding: TextEncoding)? {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if let text = gb18030(Array(bytes)) { return (text, .gb18030) }
        return nil
    }

    /// GB 18030 (a superset of GBK and GB 2312) through the C library's iconv.
    static func gb18030(_ input: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = input
        // A GB 18030 character of 1, 2 or 4 bytes is at most 1, 3 or 4 bytes of UTF-8: 1.5 times its size at most.
        var output = [UInt8](repeating: 0, count: input.count / 2 * 3 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let converted: Bool = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0
            }
        }
        guard converted else { return nil }
        return String(validating: output[0..<(output.count - outLeft)], as: UTF8.self)
    }
}
