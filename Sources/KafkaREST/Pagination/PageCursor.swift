import Foundation

/// Fetches the pages of a list one at a time, on demand: the first with a generated
/// operation, the following ones from each page's next URL.
actor PageCursor<Page: Decodable & Sendable> {
    private enum State {
        case first
        case next(String)
        case failed(KafkaRESTError)
        case finished
    }

    private let api: Client
    private let baseURL: URL
    private let first: @Sendable (Client) async throws -> Page
    private let nextURL: @Sendable (Page) -> String?
    private let maximumPages: Int
    private var state = State.first
    private var fetchedURLs: Set<String> = []
    private var pagesFetched = 0

    /// Creates a cursor that fetches at most `maximumPages` pages (at least 1).
    init(
        api: Client,
        baseURL: URL,
        maximumPages: Int,
        first: @escaping @Sendable (Client) async throws -> Page,
        next: @escaping @Sendable (Page) -> String?
    ) {
        self.api = api
        self.baseURL = baseURL
        self.maximumPages = max(maximumPages, 1)
        self.first = first
        nextURL = next
    }

    /// The next page, or `nil` after the last.
    ///
    /// - Throws: `CancellationError` if the task is cancelled, the operation's error, or a
    ///   ``KafkaRESTError`` for a refused or repeated next URL, a next URL after the last
    ///   allowed page, an error status or an undecodable page.
    func nextPage() async throws -> Page? {
        try Task.checkCancellation()
        let page: Page
        switch state {
        case .finished:
            return nil
        case .failed(let error):
            state = .finished
            throw error
        case .first:
            state = .finished
            page = try await first(api)
        case .next(let url):
            state = .finished
            page = try await fetch(url)
        }
        pagesFetched += 1
        if let next = nextURL(page), !next.isEmpty {
            if pagesFetched >= maximumPages {
                state = .failed(
                    KafkaRESTError(
                        kind: .invalidRequest,
                        operationID: NextPageRequest.operationID,
                        message: "the list has more than \(maximumPages) pages; stopping at the page limit (raise maximumPages to read further)"
                    )
                )
            } else if fetchedURLs.insert(next).inserted {
                state = .next(next)
            } else {
                state = .failed(
                    KafkaRESTError(
                        kind: .invalidRequest,
                        operationID: NextPageRequest.operationID,
                        message: "the server returned the next page URL '\(next)' a second time; stopping to avoid an endless loop"
                    )
                )
            }
        }
        return page
    }

    private func fetch(_ url: String) async throws -> Page {
        let request = try NextPageRequest.make(next: url, baseURL: baseURL)
        let response = try await api.transport.send(request)
        guard response.isSuccess else {
            throw response.error(operationID: NextPageRequest.operationID)
        }
        return try response.decode(Page.self, operationID: NextPageRequest.operationID)
    }
}

/// Hands out the items of a ``PageCursor``'s pages one at a time.
actor ItemCursor<Page: Decodable & Sendable, Item: Sendable> {
    private let pages: PageCursor<Page>
    private let items: @Sendable (Page) -> [Item]
    private var buffer: ArraySlice<Item> = []

    init(pages: PageCursor<Page>, items: @escaping @Sendable (Page) -> [Item]) {
        self.pages = pages
        self.items = items
    }

    /// The next item, fetching pages as needed, or `nil` after the last.
    func nextItem() async throws -> Item? {
        while buffer.isEmpty {
            guard let page = try await pages.nextPage() else { return nil }
            buffer = items(page)[...]
        }
        return buffer.popFirst()
    }
}
