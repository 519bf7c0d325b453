import CasebookCore
/// A letter's parts, for a template to lay out, and the statements the policy requires it to make.
public struct Letter: Sendable {
    /// Something the letter must state (5.2.3, 5.2.5, 6.1–6.3), as text that must appear in it.
    public struct Statement: Equatable, Sendable {
        public let what: String
        public let paragraph: String
        public let text: String
    }

    public var kind: LetterKind
    public let council: CouncilDetails
    public let date: Day
    public let recipient: String
    public let address: String?
    public let reference: String
    public let subject: String
    public let paragraphs: [String]
    public let contact: String
    public var required: [Statement]
    /// UK GDPR Art 13/14: what the person is told about their information, a paragraph each.
    public var privacy: [String] = []

    /// The letter laid out as plain text (the built-in layout; a store's template may differ).
    public var plainText: String {
        var lines: [String] = [council.name, council.address, "", date.british, "", recipient]
        if let address { lines.append(address) }
        lines += ["", "Our reference: \(reference)", "", "Dear \(recipient),", "", subject.uppercased(), ""]
        for paragraph in paragraphs { lines += [paragraph, ""] }
        lines.append("How we use your information")
        for paragraph in privacy { lines += [paragraph, ""] }
        lines += [
                  "If you have any questions about this letter, please contact \(contact) at \(council.email) or on "
                    + "\(council.phone), quoting \(reference).", "", "Yours sincerely,", "", contact, council.name, ""]
        return lines.joined(separator: "\n")
    }

    /// The statements missing from `text` (a letter rendered from some template).
    public func missingStatements(in text: String) -> [Statement] {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
        return required.filter { statement in
            let wanted = statement.text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
            return !flat.contains(wanted)
        }
    }
}
