import CasebookDocuments
import CasebookCore
import Foundation

/// Letters as they were sent (5.2.3, 6.1): produced and checked first, the text kept in the
/// store's `letters/` folder under its SHA-256, and only then recorded as sent — a letter Casebook
/// refuses to produce is never recorded, and what the customer was told (the deadline the letter
/// states) is what is enforced.
extension Store {
    /// The letter templates, with the store's own from its `templates/` folder where it has them.
    public var letterTemplates: LetterTemplates {
        let folder = path + "/templates/"
        return LetterTemplates { name in
            // Like every file of the store: never through a link, only a regular file.
            (try? PosixFileSystem().readAll(folder + name)).map { (String(decoding: $0, as: UTF8.self), folder + name) }
        }
    }

    var lettersPath: String { path + "/letters" }

    /// A letter produced for sending, not yet recorded.
    public struct ProducedLetter: Sendable {
        public let text: String
        public let copy: LetterCopy
    }

    /// Produces the letter of `kind` on `subject`, dated `dated`, as text through the store's
    /// templates; refused (nothing kept, nothing recorded) when it cannot state what the policy requires.
    public func produceLetter(_ kind: LetterKind, on subject: LetterSubject, dated: Day,
                              format: LetterTemplates.Format = .text) throws(Refusal) -> ProducedLetter {
        let letter = try settings.letters(for: register)
            .letter(kind, on: subject, date: dated)
        let text = VisibleText.sanitised(try letterTemplates.render(letter, as: format))
        let states = letter.required.contains { $0.what == "the appeal deadline as a date" }
        let stated = states ? Register.appealDeadline(letterSent: dated, calendar: settings.calendar) : nil
        return ProducedLetter(text: text, copy: LetterCopy(sha256: JournalLine.sha256Hex(Array(text.utf8)), dated: dated,
                                                           statedDeadline: stated))
    }

    /// Records that the letter was sent on `sentOn`: it is produced (dated `dated`, the sending day
    /// unless it bears another), checked, kept, and then recorded with its hash. Returns the text.
    @discardableResult
    public func recordLetter(_ kind: LetterKind, on subject: LetterSubject, sentOn: Day, dated: Day? = nil, actor: Login,
                             today: Day) throws(StoreError) -> (outcome: Outcome, letter: ProducedLetter) {
        let produced: ProducedLetter
        do throws(Refusal) {
            produced = try produceLetter(kind, on: subject, dated: dated ?? sentOn)
        } catch {
            throw .refused(error)
        }
        try keepLetter(produced)
        let outcome = try execute(.recordLetterSent(subject, kind: kind, sentOn: sentOn, copy: produced.copy), actor: actor, today: today)
        return (outcome, produced)
    }

    /// Keeps a letter's text in `letters/` under its hash (written like a snapshot). Content
    /// addressed: the same letter twice is one file; a kept letter is never changed.
    func keepLetter(_ letter: ProducedLetter) throws(StoreError) {
        guard readOnlyReason == nil, journalWritable else { throw .readOnly(readOnlyReason ?? "the journal cannot be written") }
        let file = lettersPath + "/" + letter.copy.sha256 + ".txt"
        if fs.exists(file) { return }
        do throws(FileError) {
            if !fs.exists(lettersPath) {
                try fs.makeDirectory(lettersPath, mode: 0o2770)
                try fs.syncDirectory(path)
            }
            try fs.writeAtomically(Array(letter.text.utf8), to: file)
        } catch {
            throw .notSaved("the letter could not be kept in the store: \(error)")
        }
    }

    /// The text of a letter kept as sent, checked against its hash; nil when it is not there or
    /// does not match.
    public func keptLetter(_ copy: LetterCopy) -> String? {
        guard let bytes = try? fs.readAll(lettersPath + "/" + copy.sha256 + ".txt"),
              JournalLine.sha256Hex(bytes) == copy.sha256 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
