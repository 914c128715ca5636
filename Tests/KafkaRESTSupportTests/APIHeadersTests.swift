import KafkaRESTSupport
import Testing

@Suite struct HTTPHeadersTests {
    @Test func looksUpNamesCaseInsensitively() {
        let headers: APIHeaders = ["Content-Type": "text/html", "Set-Cookie": "a=1", "set-cookie": "b=2"]
        #expect(headers["content-type"] == "text/html")
        #expect(headers["CONTENT-TYPE"] == "text/html")
        #expect(headers["Retry-After"] == nil)
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
        #expect(headers.values(for: "missing").isEmpty)
        #expect(headers.count == 3)
    }

    @Test func iteratesInInsertionOrderWithOriginalSpelling() {
        var headers = APIHeaders()
        #expect(headers.isEmpty)
        headers.add(name: "X-B", value: "1")
        headers.add(name: "x-a", value: "2")
        headers.add(name: "X-B", value: "3")
        #expect(headers.map { "\($0.name)=\($0.value)" } == ["X-B=1", "x-a=2", "X-B=3"])
    }

    @Test func replaceOrAddReplacesFirstAndDropsOthers() {
        var headers = APIHeaders([(name: "Accept", value: "a"), (name: "X-Id", value: "1"), (name: "accept", value: "b")])
        headers.replaceOrAdd(name: "ACCEPT", value: "c")
        #expect(headers.map(\.name) == ["ACCEPT", "X-Id"])
        #expect(headers.values(for: "accept") == ["c"])
        headers.replaceOrAdd(name: "Authorization", value: "Basic x")
        #expect(headers.map(\.name) == ["ACCEPT", "X-Id", "Authorization"])
    }

    @Test func removeDropsEveryMatchingField() {
        var headers: APIHeaders = ["A": "1", "b": "2", "a": "3"]
        headers.remove(name: "a")
        #expect(headers.map(\.value) == ["2"])
    }

    @Test func equalityIgnoresNameCaseButNotOrder() {
        let lower: APIHeaders = ["accept": "x", "x-id": "1"]
        let upper: APIHeaders = ["Accept": "x", "X-Id": "1"]
        let swapped: APIHeaders = ["X-Id": "1", "Accept": "x"]
        #expect(lower == upper)
        #expect(lower.hashValue == upper.hashValue)
        #expect(lower != swapped)
        #expect(lower != ["accept": "X", "x-id": "1"])
    }
}
