/// Why a command was not carried out. A refusal changes nothing.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// A rule of the policy forbids it (exit status 1). `paragraph` names the rule.
        case rule
        /// The input is wrong: an unknown id, an impossible or out-of-order date, an empty
        /// required field (exit status 2).
        case badInput
    }

    public let kind: Kind
    /// The policy paragraph the rule comes from, e.g. "5.2.5"; nil for bad input.
    public let paragraph: String?
    /// The input field the refusal concerns, so that forms can show it beside that field.
    public let field: Field?
    /// What is wrong and how to put it right, in plain words.
    public let message: String
    /// The row of an import file the refusal concerns (the header is row 1).
    public private(set) var row: Int? = nil

    /// The same refusal, placed at `row` of an import file, with its field named as the file's
    /// column (`columns` maps a command's fields to the file's columns where they differ).
    public func at(row: Int, columns: [Field: Field] = [:]) -> Refusal {
        guard self.row == nil else { return self }
        var placed = Refusal(kind: kind, paragraph: paragraph, field: field.map { columns[$0] ?? $0 }, message: message)
        placed.row = row
        return placed
    }

    public static func rule(_ paragraph: String, _ message: String, field: Field? = nil) -> Refusal {
        Refusal(kind: .rule, paragraph: paragraph, field: field, message: message)
    }

    public static func badInput(_ message: String, field: Field? = nil) -> Refusal {
        Refusal(kind: .badInput, paragraph: nil, field: field, message: message)
    }

    public var description: String {
        if let paragraph { return "\(message) (policy \(paragraph))" }
        return message
    }
}

/// Something a person should look at, which does not stop the command.
public struct Warning: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let paragraph: String?
    public let message: String

    public init(_ message: String, paragraph: String? = nil) {
        self.message = message
        self.paragraph = paragraph
    }

    public var description: String {
        if let paragraph { return "warning: \(message) (policy \(paragraph))" }
        return "warning: \(message)"
    }
}
