import Foundation
import KafkaRESTSupport
import Testing
import TypesFixture

/// The recursive types generated from Tests/Fixtures/types.yaml: they compile (a struct that
/// held itself inline would not), keep value semantics, and code through both coders.
@Suite("Recursive types")
struct RecursiveTypesTests {
    @Test func aStructThatContainsItself() throws {
        let chain = try BothCoders.roundTrip(LinkedNode.self, #"{"value":1,"next":{"value":2,"next":{"value":3}}}"#)
        #expect(chain.next?.next?.value == 3)
        #expect(chain.next?.next?.next == nil)
        #expect(chain == LinkedNode(value: 1, next: LinkedNode(value: 2, next: LinkedNode(value: 3))))
    }

    @Test func boxedPropertiesKeepValueSemantics() {
        let original = LinkedNode(value: 1, next: LinkedNode(value: 2))
        var copy = original
        copy.next?.value = 20
        #expect(original.next?.value == 2)
        #expect(copy.next?.value == 20)
        #expect(copy != original)
        copy.next?.value = 2
        #expect(copy == original)
        #expect(Set([original, copy]).count == 1)
    }

    @Test func deepNestingReadsUpToTheReadersLimit() throws {
        let depth = 200
        let json = String(repeating: #"{"value":0,"next":"#, count: depth) + #"{"value":1}"# + String(repeating: "}", count: depth)
        var node: LinkedNode? = try BothCoders.read(LinkedNode.self, json)
        var count = 0
        while let current = node {
            count += 1
            node = current.next
        }
        #expect(count == depth + 1)
    }

    @Test func recursionThroughArraysAndMaps() throws {
        let tree = try BothCoders.roundTrip(TreeNode.self, #"{"name":"root","children":[{"name":"a","children":[{"name":"b"}]}],"named":{"x":{"name":"c"}}}"#)
        #expect(tree.children?.first?.children?.first?.name == "b")
        #expect(tree.named?["x"]?.name == "c")
    }

    @Test func recursionThroughAllOf() throws {
        let category = try BothCoders.roundTrip(Category.self, #"{"id":"c","parent":{"id":"p","parent":{"id":"g"}}}"#)
        #expect(category.parent?.parent?.id == "g")
        BothCoders.refuse(Category.self, #"{"id":"c","parent":{}}"#)
    }

    @Test func twoStructsThatContainEachOther() throws {
        let person = try BothCoders.roundTrip(Person.self, #"{"name":"Ada","employer":{"name":"Engines","founder":{"name":"Charles"}}}"#)
        #expect(person.employer?.founder.name == "Charles")
        var renamed = person
        renamed.employer?.founder.name = "Babbage"
        #expect(person.employer?.founder.name == "Charles")
    }

    @Test func recursionThroughOneOf() throws {
        let json = #"{"op":"add","left":{"op":"lit","value":1},"right":{"op":"add","left":{"op":"lit","value":2},"right":{"op":"mul","args":[3,4]}}}"#
        let expression = try BothCoders.roundTrip(Expression.self, json)
        guard case let .sum(sum) = expression, case let .sum(inner) = sum.right else {
            Issue.record("expected a sum of a sum, read \(expression)")
            return
        }
        #expect(sum.left == .literal(Literal(op: "lit", value: 1)))
        #expect(inner.right == .unknown(["op": "mul", "args": [3, 4]]))
    }
}
