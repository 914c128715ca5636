import Foundation
import KafkaRESTSupport
import Testing
import TypesFixture

/// The `oneOf` / `anyOf` enums generated from Tests/Fixtures/types.yaml, through `Codable` and
/// the byte-level coders.
@Suite("oneOf / anyOf enums")
struct AlternativesTests {
    @Test func discriminatorSelectsTheCaseByMappingAndBySchemaName() throws {
        #expect(try BothCoders.roundTrip(Pet.self, #"{"pet_type":"cat","lives":9}"#) == .cat(Cat(petType: "cat", lives: 9)))
        #expect(try BothCoders.roundTrip(Pet.self, #"{"lives":7,"pet_type":"kitten"}"#) == .cat(Cat(petType: "kitten", lives: 7)))
        #expect(try BothCoders.roundTrip(Pet.self, #"{"pet_type":"Dog","good":true}"#) == .dog(Dog(petType: "Dog", good: true)))
    }

    @Test func unknownDiscriminatorValuesAreKeptWhole() throws {
        let bird = #"{"pet_type":"bird","wings":2,"song":{"notes":["a","b"]}}"#
        let value = try BothCoders.roundTrip(Pet.self, bird)
        #expect(value == .unknown(["pet_type": "bird", "wings": 2, "song": ["notes": ["a", "b"]]]))
        #expect(try BothCoders.read(Pet.self, #"{"lives":3}"#) == .unknown(["lives": 3]))
        #expect(try BothCoders.read(Pet.self, #"{"pet_type":5,"lives":3}"#) == .unknown(["pet_type": 5, "lives": 3]))
    }

    @Test func aSelectedCaseThatDoesNotDecodeIsAnError() {
        BothCoders.refuse(Pet.self, #"{"pet_type":"cat"}"#)
        BothCoders.refuse(Pet.self, #"["cat"]"#)
    }

    @Test func withoutDiscriminatorTheFirstCaseThatDecodesWins() throws {
        #expect(try BothCoders.roundTrip(Shape.self, #"{"radius":1.5}"#) == .circle(Circle(radius: 1.5)))
        #expect(try BothCoders.roundTrip(Shape.self, #"{"side":2}"#) == .square(Square(side: 2)))
        #expect(try BothCoders.read(Shape.self, #"{"side":2,"radius":3}"#) == .circle(Circle(radius: 3)))
        BothCoders.refuse(Shape.self, #"{"corners":4}"#)
    }

    @Test func anyOfIsReadLikeOneOf() throws {
        #expect(try BothCoders.roundTrip(Contact.self, #"{"email":"a@b.c"}"#) == .email(ContactEmail(email: "a@b.c")))
        #expect(try BothCoders.roundTrip(Contact.self, #"{"phone":"+1"}"#) == .phone(ContactPhone(phone: "+1")))
        BothCoders.refuse(Contact.self, #"{}"#)
    }

    @Test func primitiveAlternatives() throws {
        #expect(try BothCoders.roundTrip(IDOrName.self, "42") == .integer(42))
        #expect(try BothCoders.roundTrip(IDOrName.self, #""forty-two""#) == .string("forty-two"))
        BothCoders.refuse(IDOrName.self, "true")
        BothCoders.refuse(IDOrName.self, "1.5")
        let error = try #require(throws: JSONDecodingError.self) { try [IDOrName](jsonBytes: Data(#"[1, {}]"#.utf8)) }
        #expect(error.message == "the value is none of the alternatives of IDOrName")
        #expect(error.pointer == "/1")
    }

    @Test func primitiveAlternativesAreSentAsParametersAsTheTextOfTheirValue() {
        #expect(IDOrName.integer(-42).parameterValue == "-42")
        #expect(IDOrName.string("forty two").parameterValue == "forty two")
        #expect(HolderChoice.bool(true).parameterValue == "true")
        #expect(HolderChoice.number(0.5).parameterValue == "0.5")
    }

    @Test func anAllOfWithAOneOfPartIsAChoiceOverTheWholeObject() throws {
        #expect(try BothCoders.roundTrip(Payment.self, #"{"amount":5,"method":"card","number":"4111","reference":"r1"}"#)
            == .cardPayment(PaymentCardPayment(amount: 5, reference: "r1", method: "card", number: "4111")))
        #expect(try BothCoders.roundTrip(Payment.self, #"{"method":"bank","iban":"DE89","amount":7}"#)
            == .bankPayment(PaymentBankPayment(amount: 7, method: "bank", iban: "DE89")))
        #expect(try BothCoders.roundTrip(Payment.self, #"{"method":"cash","amount":1}"#) == .unknown(["method": "cash", "amount": 1]))
        BothCoders.refuse(Payment.self, #"{"method":"card","number":"4111"}"#)
    }

    @Test func anAllOfWhoseAnyOfOnlyRequiresPropertiesIsOneStruct() throws {
        #expect(try BothCoders.roundTrip(Transfer.self, #"{"amount":3,"to_alias":"savings"}"#) == Transfer(amount: 3, toAlias: "savings"))
        #expect(try BothCoders.roundTrip(Transfer.self, #"{"amount":3,"to":"DE89"}"#) == Transfer(amount: 3, to: "DE89"))
    }

    @Test func aNullableAlternativeAddsANullCase() throws {
        #expect(try BothCoders.roundTrip(MaybeCount.self, "null") == .null)
        #expect(try BothCoders.roundTrip(MaybeCount.self, "3") == .integer(3))
        #expect(try BothCoders.roundTrip(MaybeCount.self, "[1,2]") == .array([1, 2]))
    }

    @Test func nullableTimesRequiredWithEnumValues() throws {
        let full = try BothCoders.roundTrip(Holder.self, #"{"plain":1,"optional":"o","required_nullable":"r","optional_nullable":2,"choice":false}"#)
        #expect(full == Holder(plain: .integer(1), optional: .string("o"), requiredNullable: .string("r"), optionalNullable: .value(.integer(2)), choice: .bool(false)))
        let nulls = try BothCoders.roundTrip(Holder.self, #"{"plain":"p","required_nullable":null,"optional_nullable":null,"choice":2.5}"#)
        #expect(nulls == Holder(plain: .string("p"), requiredNullable: nil, optionalNullable: .null, choice: .number(2.5)))
        let absent = try BothCoders.roundTrip(Holder.self, #"{"plain":"p","required_nullable":null}"#)
        #expect(absent.optional == nil && absent.optionalNullable == nil && absent.choice == nil)
        BothCoders.refuse(Holder.self, #"{"plain":"p"}"#)
        BothCoders.refuse(Holder.self, #"{"plain":null,"required_nullable":null}"#)
    }
}
