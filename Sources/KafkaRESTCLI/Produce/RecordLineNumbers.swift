/// The input line of each record given to a producer, by the record's index, in memory that
/// grows with the lines that are not records, not with the records.
///
/// Records take consecutive indices in input order, so a record's line is its index plus an
/// offset that changes only after a line that is no record (invalid input). Only those
/// changes are kept.
struct RecordLineNumbers: Sendable {
    /// From each index on, the offset from index to line, in increasing index order.
    private var offsets: [(firstIndex: Int, offset: Int)] = []

    /// Notes that the record with index `index`, the highest so far, came from line `line`.
    mutating func record(_ index: Int, isOnLine line: Int) {
        let offset = line - index
        if offsets.last?.offset != offset {
            offsets.append((index, offset))
        }
    }

    /// The line of the recorded record with index `index` (`index + 1` before the first one
    /// recorded).
    func line(ofRecord index: Int) -> Int {
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle].firstIndex <= index {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low == 0 ? index + 1 : index + offsets[low - 1].offset
    }
}
