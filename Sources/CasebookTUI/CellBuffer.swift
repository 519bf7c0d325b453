import CasebookCore
import Foundation

/// The semantic roles a theme maps to colours and attributes. Nothing is signalled by colour
/// alone: every role that carries meaning also has text (`[!]`, `OVERDUE`, a marker).
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal, selection, heading, restriction, danger, overdue, muted, status, tab, activeTab, border, key, suggestion

    /// One letter per role, for golden screens' style rows (a space for normal).
    public var code: Character {
        switch self {
        case .normal: " "
        case .selection: "s"
        case .heading: "h"
        case .restriction: "r"
        case .danger: "D"
        case .overdue: "o"
        case .muted: "m"
        case .status: "S"
        case .tab: "t"
        case .activeTab: "T"
        case .border: "b"
        case .key: "k"
        case .suggestion: "g"
        }
    }
}

/// One terminal cell: a grapheme cluster, its display width, and its role. A wide character
/// occupies its cell and marks the next as a continuation (width 0, empty text).
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var role: StyleRole

    public static let blank = Cell(text: " ", width: 1, role: .normal)
}

/// A whole frame, drawn in memory; only the differences reach the terminal (ratatui's design).
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor goes (the focused row or field), for screen readers.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: CellBuffer, rhs: CellBuffer) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), by display width, clipped at `maxWidth` columns and the right edge.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        // The one sanitising step of every output: no control character reaches the terminal raw.
        for character in VisibleText.oneLine(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A combining mark joins the previous cell's cluster.
                if column > x, column - 1 < width { self[column - 1, y].text.append(character) }
                continue
            }
            if column + w > limit { break }
            if column >= 0 {
                self[column, y] = Cell(text: String(character), width: w, role: role)
                if w == 2 { self[column + 1, y] = Cell(text: "", width: 0, role: role) }
            }
            column += w
        }
        return column - x
    }

    /// Fills a rectangle with spaces in `role`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) { self[column, row] = Cell(text: " ", width: 1, role: role) }
        }
    }

    /// The text of each row, trailing spaces removed: what golden tests compare.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += self[column, row].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    /// Each row's roles, one `StyleRole.code` per column (a wide character's two columns both),
    /// trailing normal cells removed: what golden tests compare beside the text (ratatui's method).
    public var styleLines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line.append(self[column, row].role.code) }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    /// The role of the cell under the first occurrence of `needle`, for tests of emphasis.
    public func role(of needle: String) -> StyleRole? {
        for (row, line) in lines.enumerated() {
            guard let range = line.range(of: needle) else { continue }
            let column = DisplayWidth.of(String(line[..<range.lowerBound]))
            return self[column, row].role
        }
        return nil
    }
}
