import KafkaRESTSupport
import Testing

@Suite struct PathSegmentTests {
    @Test func encodesEverythingButUnreservedCharacters() {
        #expect(PathSegment.encode("a/b?c#d%e f") == "a%2Fb%3Fc%23d%25e%20f")
        #expect(PathSegment.encode("+&=;:@!$'()*,") == "%2B%26%3D%3B%3A%40%21%24%27%28%29%2A%2C")
        #expect(PathSegment.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(PathSegment.encode("topic.é") == "topic.%C3%A9")
        #expect(PathSegment.encode("..") == "..")
        #expect(PathSegment.encode("") == "")
    }

    @Test func encodesParameterValues() {
        #expect(PathSegment.encode(42) == "42")
        #expect(PathSegment.encode(true) == "true")
        #expect(PathSegment.encode(Int64(-1)) == "-1")
    }
}
