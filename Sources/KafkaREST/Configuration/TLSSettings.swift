import NIOSSL

/// How the client's HTTPS connections are secured: whom to trust, and the certificate to show
/// for mutual TLS. Self-managed REST Proxies often need both: a private certificate authority
/// and a client certificate.
///
/// ```swift
/// configuration.tls = TLSSettings(
///     trustRoots: .pemFile("/etc/kafka-rest/ca.pem"),
///     clientCertificate: .pemFiles(certificateChain: "/etc/kafka-rest/client.pem", privateKey: "/etc/kafka-rest/client-key.pem"))
/// ```
///
/// Certificates are always verified; TLS 1.2 is the oldest version accepted.
public struct TLSSettings: Sendable, Hashable {
    /// The certificate authorities a server certificate must chain to.
    public enum TrustRoots: Sendable, Hashable {
        /// The system's trust store.
        case system
        /// The certificates of a PEM file (one or several), instead of the system's.
        case pemFile(String)
        /// The certificates of PEM text, instead of the system's.
        case pem(String)
    }

    /// A client certificate and its private key, for servers that require mutual TLS.
    public enum ClientCertificate: Sendable, Hashable {
        /// PEM files: the certificate chain (the client's certificate first) and an
        /// unencrypted private key.
        case pemFiles(certificateChain: String, privateKey: String)
        /// PEM text: the certificate chain and an unencrypted private key.
        case pem(certificateChain: String, privateKey: String)
    }

    /// Whom to trust; ``TrustRoots/system`` by default.
    public var trustRoots: TrustRoots
    /// The certificate shown to the server, if any.
    public var clientCertificate: ClientCertificate?
    /// Whether the server certificate must name the host connected to (on by default); turn it
    /// off only for a server reached by an address its certificate does not name.
    public var verifiesHostname: Bool

    /// Creates settings; the defaults trust the system's authorities and show no certificate.
    public init(trustRoots: TrustRoots = .system, clientCertificate: ClientCertificate? = nil, verifiesHostname: Bool = true) {
        self.trustRoots = trustRoots
        self.clientCertificate = clientCertificate
        self.verifiesHostname = verifiesHostname
    }

    /// The NIOSSL client configuration for these settings.
    ///
    /// - Throws: ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest`` naming the
    ///   file (or the PEM text) that cannot be read as certificates or a private key.
    func makeConfiguration() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = verifiesHostname ? .fullVerification : .noHostnameVerification
        switch trustRoots {
        case .system:
            break
        case .pemFile(let path):
            tls.trustRoots = .certificates(try Self.load("trusted certificates from \(path)") { try NIOSSLCertificate.fromPEMFile(path) })
        case .pem(let text):
            tls.trustRoots = .certificates(try Self.load("trusted certificates from PEM text") { try NIOSSLCertificate.fromPEMBytes(Array(text.utf8)) })
        }
        switch clientCertificate {
        case nil:
            break
        case .pemFiles(let chainPath, let keyPath):
            let chain = try Self.load("the client certificate chain from \(chainPath)") { try NIOSSLCertificate.fromPEMFile(chainPath) }
            let key = try Self.load("the client private key from \(keyPath)") { try NIOSSLPrivateKey(file: keyPath, format: .pem) }
            tls.certificateChain = chain.map { .certificate($0) }
            tls.privateKey = .privateKey(key)
        case .pem(let chainText, let keyText):
            let chain = try Self.load("the client certificate chain from PEM text") { try NIOSSLCertificate.fromPEMBytes(Array(chainText.utf8)) }
            let key = try Self.load("the client private key from PEM text") { try NIOSSLPrivateKey(bytes: Array(keyText.utf8), format: .pem) }
            tls.certificateChain = chain.map { .certificate($0) }
            tls.privateKey = .privateKey(key)
        }
        return tls
    }

    /// `load()`, or an error saying what could not be read.
    private static func load<T>(_ what: String, _ load: () throws -> T) throws -> T {
        let value: T
        do {
            value = try load()
        } catch {
            throw KafkaRESTError(kind: .invalidRequest, message: "cannot read \(what): \(error)", underlyingError: error)
        }
        if let list = value as? [NIOSSLCertificate], list.isEmpty {
            throw KafkaRESTError(kind: .invalidRequest, message: "cannot read \(what): it holds no PEM certificate")
        }
        return value
    }
}
