import Foundation

/// The config file holding the saved contexts: `$XDG_CONFIG_HOME/kafka-rest/config.json`, or
/// `~/.config/kafka-rest/config.json` when `XDG_CONFIG_HOME` is unset or not an absolute path.
///
/// The file is JSON (``ContextFile``), written with mode 0600 in a directory made with mode
/// 0700; reading a file that others may read or write prints a warning. It is replaced whole
/// on every change (written beside it, then renamed), so a reader never sees half of it.
struct ContextStore {
    /// The config file.
    let url: URL

    /// The store at `url`.
    init(url: URL) {
        self.url = url
    }

    /// The store of a run with `environment` (see the type for the path).
    init(environment: [String: String]) {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config", isDirectory: true)
        }
        url = base.appendingPathComponent("kafka-rest", isDirectory: true).appendingPathComponent("config.json")
    }

    /// The file's contexts; none when there is no file. Prints a warning with `warn` when the
    /// file's permissions let others read or write it.
    ///
    /// - Throws: ``CLIError`` (exit status 2) when the file exists but cannot be read or is
    ///   not a config file.
    func load(warn: (String) -> Void) throws -> ContextFile {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return ContextFile() }
        if let mode = Self.permissions(path), mode & 0o077 != 0 {
            warn("warning: the config file \(path) can be read or changed by other users (mode \(String(mode, radix: 8))); run chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read the config file \(path)")
        }
        do {
            return try JSONDecoder().decode(ContextFile.self, from: data)
        } catch {
            throw CLIError.usage(
                "the config file \(path) is not a kafka-rest config file: \(Self.describe(error))",
                hint: "fix or remove it; `kafka-rest context create` writes a new one"
            )
        }
    }

    /// Replaces the file with `file`, mode 0600, creating its directory (mode 0700) if needed.
    ///
    /// - Throws: ``CLIError`` (exit status 2) when the directory or the file cannot be written.
    func save(_ file: ContextFile) throws {
        let directory = url.deletingLastPathComponent()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            data = try encoder.encode(file) + Data("\n".utf8)
        } catch {
            throw CLIError.usage("cannot write the config file \(url.path): \(error.localizedDescription)")
        }
        let temporary = directory.appendingPathComponent(".config.json.\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard Self.writePrivately(data, to: temporary), rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError.usage("cannot write the config file \(url.path): \(reason)")
        }
    }

    /// The permission bits of the file at `path`, or `nil` if they cannot be read.
    static func permissions(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    /// Writes `data` to a new file at `path` that only its owner can read and write.
    private static func writePrivately(_ data: Data, to path: String) -> Bool {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { return false }
        return data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return fsync(descriptor) == 0
        }
    }

    /// A decoding error as a short phrase, such as `missing contexts`.
    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context), DecodingError.keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
