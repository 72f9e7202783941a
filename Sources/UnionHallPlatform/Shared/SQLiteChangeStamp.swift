#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import NIOConcurrencyHelpers

/// Which committed state a SQLite file in WAL mode is in, read without a query: every commit,
/// from any connection of any process, rewrites the WAL-index header at the start of the `-shm`
/// file (https://sqlite.org/walformat.html), and a header that is unchanged means nothing was
/// committed in between. A value read before a query and found again later proves the query's
/// answer is still the database's. Nil whenever that cannot be told: no `-shm` file yet, a
/// header caught half-written, a file replaced under the process.
package final class SQLiteChangeStamp: ChangeStamp {
    /// The WAL-index header, which SQLite keeps twice, one copy after the other.
    private static let headerSize = 48
    private let path: String
    private let file = NIOLockedValueBox<(descriptor: Int32, device: UInt64, inode: UInt64)?>(nil)

    package init(databasePath: String) { self.path = databasePath + "-shm" }

    deinit { file.withLockedValue { if let held = $0 { close(held.descriptor) } } }

    package func current() -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let device = UInt64(status.st_dev)
        let inode = UInt64(status.st_ino)
        return file.withLockedValue { held -> [UInt8]? in
            if let kept = held, kept.device != device || kept.inode != inode {
                close(kept.descriptor)
                held = nil
            }
            if held == nil {
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return nil }
                held = (descriptor, device, inode)
            }
            guard let descriptor = held?.descriptor else { return nil }
            // A writer rewrites one copy and then the other: two equal copies were not caught in between.
            for _ in 0..<3 {
                var bytes = [UInt8](repeating: 0, count: 2 * Self.headerSize)
                let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
                guard read == bytes.count else { return nil }
                if bytes[..<Self.headerSize] == bytes[Self.headerSize...] { return Array(bytes[..<Self.headerSize]) }
            }
            return nil
        }
    }
}
