/// A page of a list response: its items and the absolute URL of the next page.
/// The generator adds this conformance to every list schema that has a `data`
/// array and a `metadata` object with a `next` link, so clients can follow
/// pages without naming the fields.
public protocol PagedCollection: Decodable, Sendable {
    /// The type of the listed items.
    associatedtype Item: Sendable
    /// The items of this page (`data`).
    var pageItems: [Item] { get }
    /// The next page's URL (`metadata.next`), or `nil` on the last page.
    var nextPageURL: String? { get }
}
