/// Text being typed into a field: the characters and a cursor between them. Works by grapheme
/// cluster, so a wide character or an accented letter moves and deletes as one.
public struct TextInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// 0...characters.count: the cursor sits before `characters[cursor]`.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.allSatisfy(\.isWhitespace) }

    public mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    public mutating func set(_ text: String) { self = TextInput(text) }

    /// Handles an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(c)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end: cursor = characters.count
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("k"):
            characters.removeLast(characters.count - cursor)
        default:
            return false
        }
        return true
    }

    /// The part of the text shown in `width` columns, keeping the cursor in view, and the
    /// column of the cursor within it.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        func columns(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + DisplayWidth.of($1) } }
        while start < cursor, columns(start..<cursor) > width - 1 { start += 1 }
        var end = start, used = 0
        while end < characters.count, used + DisplayWidth.of(characters[end]) <= width { used += DisplayWidth.of(characters[end]); end += 1 }
        return (String(characters[start..<end]), columns(start..<cursor))
    }
}
