import KafkaRESTSupport
import Testing

@Suite("Indirect")
struct IndirectTests {
    @Test func copiesDoNotShareChanges() {
        let original = Indirect([1, 2])
        var copy = original
        copy.value.append(3)
        #expect(original.value == [1, 2])
        #expect(copy.value == [1, 2, 3])
    }

    @Test func equalityAndHashingAreTheValues() {
        let a = Indirect("x")
        let b = Indirect("x")
        #expect(a == b)
        #expect(a != Indirect("y"))
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b, Indirect("y")]).count == 2)
    }
}
