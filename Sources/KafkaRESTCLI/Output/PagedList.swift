import KafkaREST

/// A page of a list response: its items and the URL of the next page.
protocol PagedList: Decodable, Sendable {
    /// The type of the listed items.
    associatedtype Item: Sendable
    /// The items of this page.
    var data: [Item] { get }
    /// The page's links, including `next`.
    var metadata: ResourceCollectionMetadata { get }
}

extension PagedList {
    /// The next page's URL, or `nil` on the last page.
    var nextPage: String? {
        metadata.next?.value
    }
}

extension AclDataList: PagedList {}
extension BrokerDataList: PagedList {}
extension BrokerConfigDataList: PagedList {}
extension ClusterDataList: PagedList {}
extension ClusterConfigDataList: PagedList {}
extension ConsumerDataList: PagedList {}
extension ConsumerGroupDataList: PagedList {}
extension ConsumerLagDataList: PagedList {}
extension ListLinkConfigsResponseDataList: PagedList {}
extension ListLinksResponseDataList: PagedList {}
extension ListMirrorTopicsResponseDataList: PagedList {}
extension PartitionDataList: PagedList {}
extension ShareGroupDataList: PagedList {}
extension ShareGroupConsumerDataList: PagedList {}
extension StreamsGroupDataList: PagedList {}
extension StreamsGroupMemberDataList: PagedList {}
extension StreamsGroupSubtopologyDataList: PagedList {}
extension TopicDataList: PagedList {}
extension TopicConfigDataList: PagedList {}

extension Session {
    /// Prints every item of a list, following `next` links page by page.
    func showAll<Page: PagedList>(_ first: @escaping @Sendable (Client) async throws -> Page) async throws
    where Page.Item: Encodable & TableRow {
        try await printer.show(kafka.items(first, items: { $0.data }, next: { $0.nextPage }))
    }
}
