import NIOSSL

extension KafkaRESTTestServer {
    /// The certificate a server shows for HTTPS and, for mutual TLS, the authority a client's
    /// certificate must chain to.
    ///
    /// ```swift
    /// let server = try await KafkaRESTTestServer.start(tls: .init(certificateChain: serverPEM, privateKey: keyPEM))
    /// // server.baseURL is https://127.0.0.1:<port>/v3; trust the issuer of serverPEM in the client
    /// ```
    public struct TLS: Sendable, Hashable {
        /// The server's certificate chain, PEM, its own certificate first.
        public var certificateChain: String
        /// The server certificate's unencrypted private key, PEM.
        public var privateKey: String
        /// When set, the PEM certificates of the authorities a client certificate must chain
        /// to: a connection without such a certificate fails in the handshake.
        public var clientCertificateAuthority: String?

        /// Creates the settings from PEM text.
        public init(certificateChain: String, privateKey: String, clientCertificateAuthority: String? = nil) {
            self.certificateChain = certificateChain
            self.privateKey = privateKey
            self.clientCertificateAuthority = clientCertificateAuthority
        }

        /// The NIOSSL server context, TLS 1.2 or later.
        func makeContext() throws -> NIOSSLContext {
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(certificateChain.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKey.utf8), format: .pem))
            )
            configuration.minimumTLSVersion = .tlsv12
            if let clientCertificateAuthority {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(clientCertificateAuthority.utf8)))
                configuration.certificateVerification = .noHostnameVerification
            }
            return try NIOSSLContext(configuration: configuration)
        }
    }
}
