/// A value held behind a reference, so a generated struct can contain itself (directly or
/// through other generated types) and still have a finite size.
///
/// It keeps value semantics: the referenced storage is never changed, setting ``value`` stores
/// a new one, so copies never see each other's changes. Equality and hashing are those of the
/// value.
public struct Indirect<Value> {
    @usableFromInline
    final class Storage {
        @usableFromInline let value: Value

        @usableFromInline
        init(_ value: Value) {
            self.value = value
        }
    }

    @usableFromInline var storage: Storage

    /// Holds `value`.
    @inlinable
    public init(_ value: Value) {
        storage = Storage(value)
    }

    /// The value held.
    @inlinable
    public var value: Value {
        get { storage.value }
        set { storage = Storage(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || lhs.value == rhs.value
    }
}

extension Indirect: Hashable where Value: Hashable {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

/// The storage is immutable, so sharing it across concurrency domains is safe when the value is.
extension Indirect: @unchecked Sendable where Value: Sendable {}
