import Foundation
import Testing
@testable import UnionHallApp

/// Where a binary started outside the project's folder finds its views and translations.
@Suite struct ResourceHomeTests {
    private let project = "/srv/unionhall"

    private func has(_ folders: Set<String>) -> (String) -> Bool { { folders.contains($0) } }

    @Test func theWorkingDirectoryComesFirst() throws {
        let found = try ResourceHome.locate(
            workingDirectory: project, executable: "/opt/other/bin/unionhall", home: nil, hasResources: has([project, "/opt/other"]))
        #expect(found == project)
    }

    @Test func aBuildFindsTheProjectAboveItsExecutable() throws {
        let found = try ResourceHome.locate(
            workingDirectory: "/", executable: project + "/.build/x86_64-unknown-linux-gnu/release/unionhall", home: nil,
            hasResources: has([project]))
        #expect(found == project)
    }

    @Test func unionHallHomeWinsAndMustHoldTheResources() throws {
        let found = try ResourceHome.locate(
            workingDirectory: project, executable: nil, home: "/etc/unionhall", hasResources: has([project, "/etc/unionhall"]))
        #expect(found == "/etc/unionhall")
        let missing = #expect(throws: ResourceHome.NotFound.self) {
            try ResourceHome.locate(workingDirectory: project, executable: nil, home: "/tmp/x", hasResources: has([project]))
        }
        #expect(missing?.description.contains("UNIONHALL_HOME") == true)
    }

    @Test func nothingFoundSaysWhereItLooked() throws {
        let deep = #expect(throws: ResourceHome.NotFound.self) {
            try ResourceHome.locate(workingDirectory: "/home/w", executable: "/opt/a/b/c/d/bin/unionhall", home: nil, hasResources: has([]))
        }
        #expect(deep?.looked == ["/home/w", "/opt/a/b/c/d/bin", "/opt/a/b/c/d", "/opt/a/b/c", "/opt/a/b", "/opt/a"])
        let shallow = #expect(throws: ResourceHome.NotFound.self) {
            try ResourceHome.locate(workingDirectory: "/home/w", executable: "/usr/bin/unionhall", home: nil, hasResources: has([]))
        }
        #expect(shallow?.looked == ["/home/w", "/usr/bin", "/usr", "/"])
    }

    @Test func aFolderAnyoneMayWriteToIsPassedOver() throws {
        let shared = FileManager.default.temporaryDirectory.appendingPathComponent("resource-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: shared.appendingPathComponent("Resources/Localization"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: shared) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared.path)
        #expect(ResourceHome.holdsResources(shared.path))
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: shared.path)
        #expect(!ResourceHome.holdsResources(shared.path))
    }
}
