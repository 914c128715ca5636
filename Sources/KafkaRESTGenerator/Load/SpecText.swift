/// A spec's file name and the lengths of its lines, for turning libyaml's marks into places an
/// editor can show.
struct SpecText: Sendable {
    /// Path of the spec file as given to the generator.
    let file: String
    /// The length in Unicode scalars of each line, split at the line breaks libyaml knows (LF,
    /// CR, CRLF, NEL, LS, PS); a text ending with a break has an empty last line.
    let lineLengths: [Int]

    init(_ text: String, file: String) {
        var lengths = [0]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lengths.append(0)
            default: lengths[lengths.count - 1] += 1
            }
            previous = scalar
        }
        lineLengths = lengths
        self.file = file
    }

    /// The place of a libyaml mark. At the end of a text without a final line break libyaml's
    /// mark lies on a line after the last; that is reported just after the last character.
    func location(line: Int, column: Int, pointer: String) -> SourceLocation {
        guard line > lineLengths.count else {
            return SourceLocation(file: file, line: line, column: column, pointer: pointer)
        }
        return SourceLocation(file: file, line: lineLengths.count, column: lineLengths[lineLengths.count - 1] + 1, pointer: pointer)
    }
}
