import Foundation
import KafkaRESTSupport
import Testing
import TypesFixture

/// The endpoint functions generated from the fixture's paths, run against a transport that
/// records each request and answers from a script: what each sends, and what each returns for
/// each status.
@Suite("Generated endpoint functions")
struct OperationsTests {
    /// Records requests; answers each with the next scripted response.
    private final class ScriptedTransport: APITransport, @unchecked Sendable {
        private let lock = NSLock()
        private var responses: [APIResponse]
        private(set) var requests: [APIRequest] = []

        init(_ responses: [APIResponse]) {
            self.responses = responses
        }

        func send(_ request: APIRequest) async throws -> APIResponse {
            lock.withLock {
                requests.append(request)
                return responses.removeFirst()
            }
        }
    }

    private static func json(_ status: Int, _ text: String) -> APIResponse {
        APIResponse(status: status, body: Data(text.utf8))
    }

    private static func body(_ request: APIRequest?) -> (text: String, contentType: String)? {
        guard case let .bytes(data, contentType)? = request?.body else { return nil }
        return (String(decoding: data, as: UTF8.self), contentType)
    }

    @Test func queryParametersOfEveryKindAndAHeaderAreSentAndTheBodyDecoded() async throws {
        let transport = ScriptedTransport([Self.json(200, #"[{"pet_type":"cat","lives":9}]"#)])
        let pets = try await Client(transport: transport).pets.listPets(
            owner: .integer(42),
            since: Date(timeIntervalSince1970: 1_764_000_000.5),
            tags: ["calm", "old"],
            xTrace: "t-1"
        )
        #expect(pets == [.cat(Cat(petType: "cat", lives: 9))])
        let request = try #require(transport.requests.first)
        #expect(request.method == .get && request.path == "/pets" && request.pathTemplate == "/pets")
        #expect(request.query.map { "\($0.name)=\($0.value)" } == ["owner=42", "since=2025-11-24T16:00:00.500Z", "tags=calm", "tags=old"])
        #expect(request.headers["X-Trace"] == "t-1")
        #expect(request.headers["Accept"] == "application/json")
        #expect(request.body == nil)
    }

    @Test func leftOutParametersAreNotSent() async throws {
        let transport = ScriptedTransport([Self.json(200, "[]")])
        #expect(try await Client(transport: transport).pets.listPets() == [])
        #expect(transport.requests.first?.query.isEmpty == true)
        #expect(transport.requests.first?.headers["X-Trace"] == nil)
    }

    @Test func successesOfDifferentTypesReturnTheCaseOfTheirStatus() async throws {
        let transport = ScriptedTransport([
            Self.json(201, #"{"pet_type":"Dog","good":true}"#),
            Self.json(202, #"{"op":"lit","value":3}"#),
            APIResponse(status: 204),
        ])
        let pets = Client(transport: transport).pets
        let dog = Pet.dog(Dog(petType: "Dog", good: true))
        #expect(try await pets.createPet(body: dog) == .created(dog))
        #expect(try await pets.createPet(body: dog) == .accepted(.literal(Literal(op: "lit", value: 3))))
        #expect(try await pets.createPet(body: dog) == .noContent)
        let sent = try #require(Self.body(transport.requests.first))
        #expect(sent.contentType == "application/json")
        #expect(try JSONValue(jsonBytes: Data(sent.text.utf8)) == ["pet_type": "Dog", "good": true])
        #expect(transport.requests.first?.bodySchemaName == "Pet")
    }

    @Test func aRangeMatchesEveryStatusInItAndAnErrorStatusThrows() async throws {
        let transport = ScriptedTransport([
            APIResponse(status: 207),
            Self.json(404, #"{"error_code":40403,"message":"no such pet"}"#),
        ])
        let pets = Client(transport: transport).pets
        try await pets.deletePet(id: .string("rex the 2nd"), default: true)
        #expect(transport.requests.first?.path == "/pets/rex%20the%202nd")
        #expect(transport.requests.first?.operationID == "deletePet")
        #expect(transport.requests.first?.query.map { "\($0.name)=\($0.value)" } == ["default=true"])
        let error = try await #require(throws: KafkaRESTError.self) { try await pets.deletePet(id: .integer(7)) }
        #expect(error.status == 404)
        #expect(error.errorCode == 40403)
        #expect(transport.requests.last?.path == "/pets/7")
    }

    @Test func bodiesOfOtherMediaTypesAreDataTextAndFormFields() async throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let transport = ScriptedTransport([
            APIResponse(status: 200, body: png),
            APIResponse(status: 200, body: Data("stored: calm".utf8)),
            APIResponse(status: 200, body: Data()),
            Self.json(200, #"{"token":"abc"}"#),
        ])
        let client = Client(transport: transport)
        #expect(try await client.pets.getPetPhoto(id: 5) == png)
        #expect(transport.requests[0].headers["Accept"] == "image/png")
        #expect(try await client.pets.putPetNote(id: 5, body: "calm") == "stored: calm")
        #expect(Self.body(transport.requests[1])?.text == "calm")
        #expect(Self.body(transport.requests[1])?.contentType == "text/plain")
        #expect(try await client.pets.putPetNote(id: 5) == "")
        #expect(transport.requests[2].body == nil)
        let token = try await client.auth.createToken(body: TokenForm(grantType: "client_credentials", scope: ["read", "write all"]))
        #expect(token == CreateTokenResponse(token: "abc"))
        #expect(Self.body(transport.requests[3])?.text == "grant_type=client_credentials&scope=read&scope=write+all")
        #expect(Self.body(transport.requests[3])?.contentType == "application/x-www-form-urlencoded")
    }

    @Test func theCatalogListsEveryOperationWithItsStreamingFlag() {
        #expect(OperationCatalog.all.map(\.operationID) == ["listPets", "createPet", "deletePet", "getPetPhoto", "putPetNote", "createToken"])
        #expect(OperationCatalog.all.filter(\.isStreaming).map(\.operationID) == ["createPet"])
        #expect(OperationCatalog.all.first { $0.operationID == "deletePet" }?.pathTemplate == "/pets/{id}")
    }
}
