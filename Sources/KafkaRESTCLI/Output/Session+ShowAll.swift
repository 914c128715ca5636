import KafkaREST

extension Session {
    /// Prints every item of a list, following `next` links page by page.
    func showAll<Page: PagedCollection>(_ first: @escaping @Sendable (Client) async throws -> Page) async throws
    where Page.Item: Encodable & TableRow {
        try await printer.show(kafka.items(first))
    }
}
