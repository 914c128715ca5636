import Foundation
@testable import KafkaRESTCLI
import Testing

@Suite("Input sources")
struct InputSourceTests {
    @Test("a file is read in whole blocks of 1 MiB that together are the whole file")
    func fileReadInBlocks() async throws {
        let size = InputSource.blockSize * 5 / 2
        let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("input-source-\(UUID().uuidString)").path
        try bytes.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        let source = InputSource.fileHandle(handle)
        var chunks: [Data] = []
        while true {
            let chunk = await source.read()
            if chunk.isEmpty { break }
            chunks.append(chunk)
        }
        #expect(chunks.map(\.count) == [InputSource.blockSize, InputSource.blockSize, InputSource.blockSize / 2])
        #expect(chunks.reduce(Data(), +) == bytes)
    }

    @Test("a pipe gives what was written, then the end once the writer closes")
    func pipeReadToTheEnd() async throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("{\"a\":1}\n".utf8))
        try pipe.fileHandleForWriting.close()
        let source = InputSource.fileHandle(pipe.fileHandleForReading)
        #expect(await source.read() == Data("{\"a\":1}\n".utf8))
        #expect(await source.read().isEmpty)
    }
}
