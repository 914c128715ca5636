import NIOSSL

/// A self-signed certificate for 127.0.0.1 (valid from 2026 for 100 years) and its key, made
/// once with `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes
/// -days 36500 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1`. No client trusts it:
/// a ``HostileServer`` with TLS stands for a server whose certificate must be refused.
enum HostileCertificate {
    /// The certificate, PEM.
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBjzCCATagAwIBAgIUF7qiBbLX2Dgn+jd0XerSNdPhbYowCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTIwMjE5NTgwMloYDzIxMjYxMTA4
        MTk1ODAyWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAAQ0X8WGHc/CTKLFC/SGBX8MjoRdQaLn+PkPqYtaSK6Tq6KfZDMvAAM8
        /IesAJm7gR0yrbqZH7x1jIN5VCUqIy8+o2QwYjAdBgNVHQ4EFgQUs1ilfJS+VQbP
        eMUOgL65EU5vmkYwHwYDVR0jBBgwFoAUs1ilfJS+VQbPeMUOgL65EU5vmkYwDwYD
        VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0cAMEQC
        IB5KwU1Zsvh9THBMf5ha8evrFsjKRW8SoLrlTXKwEAjDAiB8WWRE+0TPRLXFmygd
        wstvoRnk45PSp9ngRaSYK07zFQ==
        -----END CERTIFICATE-----
        """

    /// The private key, PEM. It protects nothing: the certificate is trusted nowhere.
    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzL7DicBU+olxPOCT
        yL//WRl7hpLXdhpKdEBJUZS5RJuhRANCAAQ0X8WGHc/CTKLFC/SGBX8MjoRdQaLn
        +PkPqYtaSK6Tq6KfZDMvAAM8/IesAJm7gR0yrbqZH7x1jIN5VCUqIy8+
        -----END PRIVATE KEY-----
        """

    /// A server TLS context presenting the certificate.
    static func serverContext() throws -> NIOSSLContext {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificate.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKey.utf8), format: .pem))
        )
        return try NIOSSLContext(configuration: configuration)
    }
}
