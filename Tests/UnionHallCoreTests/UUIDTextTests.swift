import Foundation
import Testing
import UnionHallCore

@Suite struct UUIDTextTests {
    @Test func writesWhatFoundationWrites() {
        let zero: UInt8 = 0
        let full: UInt8 = .max
        let edges = [
            UUID(uuid: (zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero, zero)),
            UUID(uuid: (full, full, full, full, full, full, full, full, full, full, full, full, full, full, full, full)),
        ]
        for id in edges + (0..<200).map({ _ in UUID() }) {
            #expect(UUIDText.upper(id) == id.uuidString)
        }
    }

    @Test func appendsAfterWhatIsThere() {
        let id = UUID()
        var bytes = Array("id=".utf8)
        UUIDText.append(id, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "id=" + id.uuidString)
    }
}
