import Testing
@testable import KafkaRESTGenerator

/// Path templates are parsed once into text and `{name}` parameters; a brace that does not
/// close a name is text.
@Suite("Path templates")
struct PathTemplateTests {
    @Test func textAndParametersInOrder() {
        #expect(PathTemplate("/clusters/{cluster_id}/topics/{topic_name}/configs:alter").parts == [
            .text("/clusters/"), .parameter("cluster_id"), .text("/topics/"), .parameter("topic_name"), .text("/configs:alter"),
        ])
        #expect(PathTemplate("/{a}{b}").parameterNames == ["a", "b"])
        #expect(PathTemplate("/plain").parts == [.text("/plain")])
        #expect(PathTemplate("").parts == [])
    }

    @Test func bracesThatCloseNoNameAreText() {
        #expect(PathTemplate("/a{b/{c}").parts == [.text("/a{b/"), .parameter("c")])
        #expect(PathTemplate("/open{").parts == [.text("/open{")])
        #expect(PathTemplate("/x}y{z}").parts == [.text("/x}y"), .parameter("z")])
    }
}
