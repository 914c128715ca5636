extension KafkaRESTClient {
    /// The most pages ``pages(maximumPages:_:next:)`` and the `items` functions fetch by default.
    public static let defaultMaximumPages = 10_000

    /// The ``KafkaRESTError/operationID`` of next-page requests and of the errors that end a
    /// walk at a next-page link (refused, repeated, or past the page limit), which come only
    /// after at least one page was fetched.
    public static let nextPageOperationID = "nextPage"

    /// The pages of a list, fetched one at a time as the stream is consumed.
    ///
    /// ```swift
    /// for try await page in kafka.pages({ try await $0.topic.listKafkaTopics(clusterID: id) },
    ///                                   next: { $0.metadata.next?.value }) {
    ///     print(page.data.map(\.topicName))
    /// }
    /// ```
    ///
    /// `first` fetches the first page. Each following page is a GET of the absolute URL
    /// `next` returns for the previous page, sent through the same middlewares (credentials,
    /// retry, logging) and decoded as `Page`; the stream ends when `next` returns `nil` or an
    /// empty string. Cancelling the consuming task stops fetching.
    ///
    /// The stream fails with ``KafkaRESTError`` of kind ``KafkaRESTError/Kind/invalidRequest``,
    /// before sending anything, when a next URL is on another scheme, host or port than
    /// ``KafkaRESTConfiguration/baseURL`` (credentials are never sent elsewhere), outside its
    /// path, or repeats an earlier one, and after `maximumPages` pages when the last of them
    /// still has a next URL (an endless chain of next URLs ends there); with kind
    /// ``KafkaRESTError/Kind/http`` for an error
    /// status; and with kind ``KafkaRESTError/Kind/decoding`` for a page that does not decode.
    public func pages<Page: Decodable & Sendable>(
        maximumPages: Int = defaultMaximumPages,
        _ first: @escaping @Sendable (Client) async throws -> Page,
        next: @escaping @Sendable (Page) -> String?
    ) -> AsyncThrowingStream<Page, any Error> {
        let cursor = PageCursor(api: api, baseURL: configuration.baseURL, maximumPages: maximumPages, first: first, next: next)
        return AsyncThrowingStream { try await cursor.nextPage() }
    }

    /// The items of all pages of a list, fetching each page when the previous one's items
    /// are consumed, from at most `maximumPages` pages; see ``pages(maximumPages:_:next:)``.
    ///
    /// ```swift
    /// for try await topic in kafka.items({ try await $0.topic.listKafkaTopics(clusterID: id) },
    ///                                    items: \.data, next: { $0.metadata.next?.value }) {
    ///     print(topic.topicName)
    /// }
    /// ```
    public func items<Page: Decodable & Sendable, Item: Sendable>(
        maximumPages: Int = defaultMaximumPages,
        _ first: @escaping @Sendable (Client) async throws -> Page,
        items: @escaping @Sendable (Page) -> [Item],
        next: @escaping @Sendable (Page) -> String?
    ) -> AsyncThrowingStream<Item, any Error> {
        let cursor = ItemCursor(
            pages: PageCursor(api: api, baseURL: configuration.baseURL, maximumPages: maximumPages, first: first, next: next),
            items: items
        )
        return AsyncThrowingStream { try await cursor.nextItem() }
    }

    /// Every item of every page (at most `maximumPages`) of a generated list response,
    /// following `metadata.next`: `kafka.items { try await $0.topic.listKafkaTopics(clusterID: id) }`.
    public func items<Page: PagedCollection>(
        maximumPages: Int = defaultMaximumPages,
        _ first: @escaping @Sendable (Client) async throws -> Page
    ) -> AsyncThrowingStream<Page.Item, any Error> {
        items(maximumPages: maximumPages, first, items: { $0.pageItems }, next: { $0.nextPageURL })
    }
}
