import Foundation
import KafkaRESTTesting

/// Certificates for the TLS tests, made once with openssl (EC P-256, valid from December 2026
/// for 100 years): `openssl req -x509 … -subj "/CN=kafka-rest test CA"` for the authority,
/// then a server certificate (subjectAltName IP:127.0.0.1, DNS:localhost; serverAuth) and a
/// client certificate (clientAuth) signed by it. The keys protect nothing: nothing outside
/// these tests trusts the authority.
enum TestCertificates {
    /// The test certificate authority, PEM: it issued ``server`` and ``client``.
    static let authority = """
        -----BEGIN CERTIFICATE-----
        MIIBojCCAUegAwIBAgIUBKE2pirlv5OaH/Mga9/Nbfx5PW0wCgYIKoZIzj0EAwIw
        HTEbMBkGA1UEAwwSa2Fma2EtcmVzdCB0ZXN0IENBMCAXDTI2MTIwMzA1MzYxNVoY
        DzIxMjYxMTA5MDUzNjE1WjAdMRswGQYDVQQDDBJrYWZrYS1yZXN0IHRlc3QgQ0Ew
        WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATRjQ3Sz7Ev/wsKq6p9zJBJ0LD9hBqU
        BPpWwWBvnuGE98IkcZU58lJ8bCi1ru8Kum/Cn9RWglNY6/njoXD5EzpIo2MwYTAd
        BgNVHQ4EFgQUROo6pDKAoNHN+K8Fj8EhxNJQmC4wHwYDVR0jBBgwFoAUROo6pDKA
        oNHN+K8Fj8EhxNJQmC4wDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYw
        CgYIKoZIzj0EAwIDSQAwRgIhAN7biz5RL2GmqEZFCm/kIDPpIA/1zIVbjbcckLv1
        B8+tAiEAiwxn0i7ZFBPIx5Z8f8Q56rAHF5rF2KhDCKPh1oFW2qs=
        -----END CERTIFICATE-----
        """

    /// The server certificate for `127.0.0.1` and `localhost`, issued by ``authority``, PEM.
    static let server = """
        -----BEGIN CERTIFICATE-----
        MIIBxTCCAWugAwIBAgIUMqk+jEFzFjoGlStxo4sGzxfjnNowCgYIKoZIzj0EAwIw
        HTEbMBkGA1UEAwwSa2Fma2EtcmVzdCB0ZXN0IENBMCAXDTI2MTIwMzA1MzYxNVoY
        DzIxMjYxMTA5MDUzNjE1WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjO
        PQIBBggqhkjOPQMBBwNCAARwoDYrj/p48/gJHGF66qakOyIlT6f9kHLc1B5kzWYV
        vLP6T2BdKl0nxYuxFmyjvwndWCUHaMdSiCJ/E+V72M5No4GPMIGMMBoGA1UdEQQT
        MBGHBH8AAAGCCWxvY2FsaG9zdDAJBgNVHRMEAjAAMA4GA1UdDwEB/wQEAwIHgDAT
        BgNVHSUEDDAKBggrBgEFBQcDATAdBgNVHQ4EFgQUZygqGA5Gk+TleQpltNf+Z7bR
        cyQwHwYDVR0jBBgwFoAUROo6pDKAoNHN+K8Fj8EhxNJQmC4wCgYIKoZIzj0EAwID
        SAAwRQIgTut6N1Ut6CaVanHMDcPtpFVHgnjZ7h+Y1pNpVsPBDaQCIQCjAuT2jk6s
        3X6FDk9QBwnciez+r4ciymvBm5fh2/ti1A==
        -----END CERTIFICATE-----
        """

    /// The private key of ``server``, PEM.
    static let serverKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg/aHfSUz1glnZBFdO
        O39qVwNdL5yuOAN5X36pbCuC6OehRANCAARwoDYrj/p48/gJHGF66qakOyIlT6f9
        kHLc1B5kzWYVvLP6T2BdKl0nxYuxFmyjvwndWCUHaMdSiCJ/E+V72M5N
        -----END PRIVATE KEY-----
        """

    /// A client certificate for mutual TLS, issued by ``authority``, PEM.
    static let client = """
        -----BEGIN CERTIFICATE-----
        MIIBtDCCAVqgAwIBAgIUMqk+jEFzFjoGlStxo4sGzxfjnNswCgYIKoZIzj0EAwIw
        HTEbMBkGA1UEAwwSa2Fma2EtcmVzdCB0ZXN0IENBMCAXDTI2MTIwMzA1MzYxNVoY
        DzIxMjYxMTA5MDUzNjE1WjAhMR8wHQYDVQQDDBZrYWZrYS1yZXN0IHRlc3QgY2xp
        ZW50MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEOQOJPfCggto+5cXoOnq3aIHs
        DH7xRWYLY8ZN6jbg+a6RmOP1V1s4/+u43LYDUB5wTvn3syyEWfKkV7I/0Dm3gqNy
        MHAwCQYDVR0TBAIwADAOBgNVHQ8BAf8EBAMCB4AwEwYDVR0lBAwwCgYIKwYBBQUH
        AwIwHQYDVR0OBBYEFHJ3+c8lZAwE6M4/cAJC7tHAr0+NMB8GA1UdIwQYMBaAFETq
        OqQygKDRzfivBY/BIcTSUJguMAoGCCqGSM49BAMCA0gAMEUCIQC17vjy3uDXkajE
        5RKXo6WOLeMsj8hifSZ3UP3qxzfnOgIgP1iprUaiCm7jjggtAnLsIWuMZfTa4qm/
        X085+BMAq3c=
        -----END CERTIFICATE-----
        """

    /// The private key of ``client``, PEM.
    static let clientKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgS0HATuiQQdymSDvh
        1S4s+muuyIwQePTR5w1JzfErlKihRANCAAQ5A4k98KCC2j7lxeg6erdogewMfvFF
        Zgtjxk3qNuD5rpGY4/VXWzj/67jctgNQHnBO+fezLIRZ8qRXsj/QObeC
        -----END PRIVATE KEY-----
        """

    /// An unrelated self-signed authority, PEM: it issued nothing, so trusting it alone refuses ``server``.
    static let otherAuthority = """
        -----BEGIN CERTIFICATE-----
        MIIBjjCCATWgAwIBAgIUcTo0f2Z6jwLoXIsTxfqEFA4yQdkwCgYIKoZIzj0EAwIw
        HDEaMBgGA1UEAwwRdW5yZWxhdGVkIHRlc3QgQ0EwIBcNMjYxMjAzMDUzNjE1WhgP
        MjEyNjExMDkwNTM2MTVaMBwxGjAYBgNVBAMMEXVucmVsYXRlZCB0ZXN0IENBMFkw
        EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEJ8PMKHJ5fTXtTx8rdLi+YOa7DN1xyewF
        e6OktzG8UnWpSSxVPzbuMLrx40eJVhwc2Dd5dj69k5Ll6it5Gw1J0qNTMFEwHQYD
        VR0OBBYEFKBTtdSGhBh+2E0V1/1owQHipHotMB8GA1UdIwQYMBaAFKBTtdSGhBh+
        2E0V1/1owQHipHotMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDRwAwRAIg
        P/kzNN1zFSYn1Zlj2d087Qcl9lizHJCkVBeRTOg2PecCIGEzgMOl1/0KS2mBffcR
        3zl+tmdJZ02wSQcmSS7m2Nlb
        -----END CERTIFICATE-----
        """

    /// The server's TLS settings; with `mutual`, clients must show a certificate of ``authority``.
    static func serverTLS(mutual: Bool = false) -> KafkaRESTTestServer.TLS {
        KafkaRESTTestServer.TLS(certificateChain: server, privateKey: serverKey, clientCertificateAuthority: mutual ? authority : nil)
    }

    /// Writes every PEM of this type into a new temporary directory, runs `body` with their
    /// paths, and removes the directory.
    static func withFiles<T>(_ body: (Files) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-rest-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let files = Files(
            authority: try write("ca.pem", authority),
            server: try write("server.pem", server),
            serverKey: try write("server-key.pem", serverKey),
            client: try write("client.pem", client),
            clientKey: try write("client-key.pem", clientKey),
            otherAuthority: try write("other-ca.pem", otherAuthority)
        )
        return try await body(files)
    }

    /// The paths of the PEM files written by ``withFiles(_:)``.
    struct Files {
        var authority: String
        var server: String
        var serverKey: String
        var client: String
        var clientKey: String
        var otherAuthority: String
    }
}
