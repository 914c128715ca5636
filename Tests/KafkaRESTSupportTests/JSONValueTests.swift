import Foundation
import KafkaRESTSupport
import Testing

@Suite struct JSONValueTests {
    @Test func decodesEveryKindOfValue() throws {
        let value = try decodeJSON(
            JSONValue.self,
            #"{"id":9007199254740993,"huge":18446744073709551616,"pi":3.25,"neg":-12,"s":"x","b":true,"n":null,"arr":[1,[2,{"k":"v"}]]}"#
        )
        #expect(value["id"] == .integer(9_007_199_254_740_993))
        #expect(value["huge"] == .double(18_446_744_073_709_551_616))
        #expect(value["pi"] == .double(3.25))
        #expect(value["neg"] == .integer(-12))
        #expect(value["s"] == .string("x"))
        #expect(value["b"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["arr"] == .array([.integer(1), .array([.integer(2), .object(["k": .string("v")])])]))
        #expect(value["missing"] == nil)
    }

    @Test func keepsBooleansIntegersAndDoublesApart() throws {
        let value = try decodeJSON(JSONValue.self, "[true, 1, 1.5, false, 0]")
        #expect(value == [.bool(true), .integer(1), .double(1.5), .bool(false), .integer(0)])
    }

    @Test func roundTripsNestedValuesAndBigIntegersLosslessly() throws {
        let text = #"{"a":[9007199254740993,-9223372036854775808,9223372036854775807,{"b":null,"c":[true,"x/y"]}],"d":0.5,"e":{}}"#
        let value = try decodeJSON(JSONValue.self, text)
        #expect(value["a"]?[0]?.int64Value == 9_007_199_254_740_993)
        #expect(value["a"]?[1]?.int64Value == Int64.min)
        #expect(value["a"]?[2]?.int64Value == Int64.max)
        #expect(try jsonText(value) == text)
    }

    @Test func encodesLiterals() throws {
        let value: JSONValue = ["name": "t", "count": 3, "ratio": 0.25, "ok": false, "none": nil, "list": [1, "two"]]
        #expect(try jsonText(value) == #"{"count":3,"list":[1,"two"],"name":"t","none":null,"ok":false,"ratio":0.25}"#)
    }

    @Test func accessorsReturnValuesOnlyForTheMatchingCase() {
        let value: JSONValue = ["s": "text", "i": 7, "d": 2.0, "f": 2.5, "b": true, "a": [1], "o": ["k": 1], "n": nil]
        #expect(value["s"]?.stringValue == "text")
        #expect(value["i"]?.int64Value == 7)
        #expect(value["i"]?.doubleValue == 7)
        #expect(value["d"]?.int64Value == 2)
        #expect(value["f"]?.int64Value == nil)
        #expect(value["f"]?.doubleValue == 2.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["a"]?[-1] == nil)
        #expect(value["o"]?.objectValue == ["k": 1])
        #expect(value["n"]?.isNull == true)
        #expect(value["s"]?.isNull == false)
        #expect(value["s"]?.int64Value == nil)
        #expect(value["s"]?.boolValue == nil)
        #expect(value["i"]?.stringValue == nil)
        #expect(value[0] == nil)
        #expect(JSONValue.string("x")["k"] == nil)
    }
}
