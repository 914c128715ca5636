import Foundation
@testable import KafkaREST
import Testing

@Suite("TLS settings")
struct TLSSettingsTests {
    private func configuration(_ tls: TLSSettings) -> KafkaRESTConfiguration {
        var configuration = KafkaRESTConfiguration(baseURL: URL(string: "https://127.0.0.1:1/v3")!, clusterID: "c")
        configuration.tls = tls
        return configuration
    }

    @Test("a trust file that cannot be read stops the client from being made, naming the file")
    func missingTrustFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-ca-\(UUID().uuidString).pem").path
        let error = try #require(throws: KafkaRESTError.self) {
            _ = try KafkaRESTClient(configuration: configuration(TLSSettings(trustRoots: .pemFile(path))))
        }
        #expect(error.kind == .invalidRequest)
        #expect(error.message.hasPrefix("cannot read trusted certificates from \(path)"), "\(error.message)")
    }

    @Test("PEM text without a certificate, or a client key that is not a key, is refused with what it was")
    func unusablePEM() throws {
        let noCertificate = try #require(throws: KafkaRESTError.self) {
            _ = try KafkaRESTClient(configuration: configuration(TLSSettings(trustRoots: .pem("not a certificate"))))
        }
        #expect(noCertificate.message.hasPrefix("cannot read trusted certificates from PEM text"), "\(noCertificate.message)")

        let badKey = try #require(throws: KafkaRESTError.self) {
            _ = try TLSSettings(clientCertificate: .pem(certificateChain: "", privateKey: "")).makeConfiguration()
        }
        #expect(badKey.message.hasPrefix("cannot read the client certificate chain from PEM text"), "\(badKey.message)")
    }

    @Test("the defaults verify certificates fully against the system's trust store, from TLS 1.2")
    func defaults() throws {
        let tls = try TLSSettings().makeConfiguration()
        #expect(tls.certificateVerification == .fullVerification)
        #expect(tls.trustRoots == .default)
        #expect(tls.minimumTLSVersion == .tlsv12)
        #expect(try TLSSettings(verifiesHostname: false).makeConfiguration().certificateVerification == .noHostnameVerification)
    }
}
