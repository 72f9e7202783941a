import Foundation
import Testing
import UnionHallCore

/// Written and read by hand (Foundation formats through `printf` and parses through `sscanf`):
/// what Foundation writes, and what it reads, without spaces around it.
@Suite struct UUIDTextTests {
    @Test func readsWhatFoundationReads() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
            #expect(UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
        }
        let valid = "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"
        for text in [
            "", valid.dropLast().description, valid + "0", valid.replacingOccurrences(of: "-", with: ""),
            "6BA7B810-9DAD-11D1-80B4-00C04FD430CG", "6BA7B810-9DAD-11D1-80B4_00C04FD430C8", "6BA7B8109-DAD-11D1-80B4-00C04FD430C8",
            "6BA7B810-9DAD-11D1-80B4-00C04FD430Ç",
        ] {
            #expect(UUIDText.parse(text) == nil, "\(text)")
            #expect(UUID(uuidString: text) == nil, "\(text)")
        }
        // Stricter than sscanf, which skips a leading space: a column never holds one.
        #expect(UUIDText.parse(" 6BA7B810-9DAD-11D1-80B4-00C04FD430C") == nil)
    }

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
