import Testing
@testable import UnionHallApp

/// Command lines refused before anything starts.
@Suite struct CommandLineCheckTests {
    private func refused(_ arguments: [String], interactive: Bool = false) -> Bool {
        (try? CommandLineCheck.check(["unionhall"] + arguments, interactive: interactive)) == nil
    }

    @Test func migrateAndRestoreWithoutATerminalNeedYes() {
        #expect(refused(["migrate"]))
        #expect(refused(["migrate", "--revert"]))
        #expect(refused(["restore", "x.dump"]))
        #expect(!refused(["migrate", "--yes"]))
        #expect(!refused(["migrate", "-y"]))
        #expect(!refused(["restore", "x.dump", "--yes"]))
        #expect(!refused(["migrate"], interactive: true))
        #expect(!refused(["serve"]))
        #expect(!refused([]))
    }

    @Test func aPortOutsideOneTo65535IsRefused() {
        for bad in ["99999", "0", "-1", "80a", ""] {
            #expect(refused(["serve", "--port", bad].filter { !$0.isEmpty }), "port \(bad)")
        }
        #expect(refused(["serve", "-p", "70000"]))
        #expect(!refused(["serve", "--port", "8080"]))
        #expect(!refused(["serve", "--hostname", "127.0.0.1", "-p", "65535"]))
    }
}
