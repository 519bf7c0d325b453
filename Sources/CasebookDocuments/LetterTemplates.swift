import CasebookCore
import Foundation
import Mustache

/// Letters laid out by Mustache templates: the built-in ones, or a store's own in its `templates/`
/// folder (`KIND.mustache` or `letter.mustache` for text; `KIND.html.mustache` or
/// `letter.html.mustache` for the printable A4 page). Whatever the template, a letter that leaves
/// out something the policy requires it to state is refused, saying what is missing.
public struct LetterTemplates: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, html }

    /// A store's own template by its file name (`decision.mustache`), with where it was read from;
    /// nil when the store has none. The store reads it (documents do no I/O).
    public let storeTemplate: @Sendable (String) -> (text: String, origin: String)?

    public init(storeTemplate: @escaping @Sendable (String) -> (text: String, origin: String)? = { _ in nil }) {
        self.storeTemplate = storeTemplate
    }

    public func render(_ letter: Letter, as format: Format) throws(Refusal) -> String {
        let (source, origin) = template(for: letter.kind, format: format)
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: source)
        } catch {
            throw .badInput("The letter template \(origin) cannot be read (\(error)). Correct it, or remove it to use the "
                + "built-in one.")
        }
        let output = template.render(Self.context(letter))
        let readable = format == .html ? Self.unescape(output) : output
        let missing = letter.missingStatements(in: readable)
        if let first = missing.first {
            throw .rule(first.paragraph, "The \(letter.kind.title) from \(origin) does not state "
                + missing.map { "\($0.what) (\($0.paragraph))" }.joined(separator: ", ")
                + ", which the policy requires. Put it back in the template, or remove the template to use the built-in one.")
        }
        return output
    }

    /// The template's text and where it came from.
    func template(for kind: LetterKind, format: Format) -> (String, String) {
        let suffix = format == .html ? ".html.mustache" : ".mustache"
        for name in [kind.rawValue + suffix, "letter" + suffix] {
            if let found = storeTemplate(name) { return found }
        }
        return format == .html ? (Self.builtInHTML, "the built-in HTML template") : (Self.builtInText, "the built-in template")
    }

    static func context(_ letter: Letter) -> [String: Any] {
        [
            "kind": letter.kind.rawValue,
            "council": ["name": letter.council.name, "address": letter.council.address,
                        "customerServicesAddress": letter.council.customerServicesAddress, "email": letter.council.email,
                        "phone": letter.council.phone, "privacyNotice": letter.council.privacyNotice],
            "date": letter.date.british,
            "recipient": letter.recipient,
            "address": letter.address ?? "",
            "reference": letter.reference,
            "subject": letter.subject,
            "subjectUpper": letter.subject.uppercased(),
            "paragraphs": letter.paragraphs.map { ["text": $0, "lines": $0.split(separator: "\n").map(String.init)] },
            "contact": letter.contact,
            "privacy": letter.privacy.map { ["text": $0] },
            "statements": letter.required.map { ["what": $0.what, "text": $0.text, "paragraph": $0.paragraph] },
        ]
    }

    static func unescape(_ html: String) -> String {
        var text = html
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    public static let builtInText = """
        {{{council.name}}}
        {{{council.address}}}

        {{{date}}}

        {{{recipient}}}
        {{#address}}
        {{{address}}}
        {{/address}}

        Our reference: {{{reference}}}

        Dear {{{recipient}}},

        {{{subjectUpper}}}

        {{#paragraphs}}
        {{{text}}}

        {{/paragraphs}}
        How we use your information
        {{#privacy}}
        {{{text}}}

        {{/privacy}}
        If you have any questions about this letter, please contact {{{contact}}} at {{{council.email}}} or on {{{council.phone}}}, quoting {{{reference}}}.

        Yours sincerely,

        {{{contact}}}
        {{{council.name}}}

        """

    public static let builtInHTML = """
        <!doctype html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>{{subject}} – {{reference}}</title>
        <style>
        @page { size: A4; margin: 20mm 20mm 25mm 25mm; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.45; max-width: 165mm; margin: auto; color: #000; }
        .from { text-align: right; } .to { margin: 2em 0 1em; } h1 { font-size: 13pt; margin: 1.5em 0 1em; }
        p { margin: 0 0 0.9em; } .lines { white-space: pre-line; }
        </style></head><body>
        <div class="from"><strong>{{council.name}}</strong><br>{{council.address}}<br><br>{{date}}</div>
        <div class="to">{{recipient}}{{#address}}<br>{{address}}{{/address}}</div>
        <p>Our reference: {{reference}}</p>
        <p>Dear {{recipient}},</p>
        <h1>{{subject}}</h1>
        {{#paragraphs}}
        <p class="lines">{{text}}</p>
        {{/paragraphs}}
        <h2 style="font-size: 12pt">How we use your information</h2>
        {{#privacy}}<p>{{text}}</p>{{/privacy}}
        <p>If you have any questions about this letter, please contact {{contact}} at {{council.email}} or on {{council.phone}}, quoting {{reference}}.</p>
        <p>Yours sincerely,</p>
        <p>{{contact}}<br>{{council.name}}</p>
        </body></html>

        """
}
