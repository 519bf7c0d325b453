/// What any text typed, pasted or imported into the register may hold, checked once for every
/// command (`Command.texts`) before anything else: a control character that could rewrite a
/// terminal, a bidirectional override that makes a name display as another, a zero-width
/// character that makes two names look alike, or a text too long to be a record are refused,
/// naming the field and the code point. Multi-line texts (summaries, reasons, evidence) keep
/// their newlines and tabs exactly as typed.
public enum TextRules {
    /// How a field is checked.
    public enum Shape: Sendable, Equatable {
        /// A name or an address: one line, none of the characters that change how it displays.
        case identity(maximum: Int)
        /// One line: no control characters.
        case line(maximum: Int)
        /// Several lines: newlines and tabs kept; no other control character.
        case lines(maximum: Int)

        public var maximum: Int {
            switch self {
            case .identity(let maximum), .line(let maximum), .lines(let maximum): maximum
            }
        }
    }

    /// The documented maximum lengths, in characters (README, "Text in the register").
    public static let nameLength = 200
    public static let addressLength = 300
    public static let shortLength = 100  // postcodes, phone numbers, logins shown as text
    public static let lineLength = 500  // titles, details, a disclosure's recipient, emails
    public static let textLength = 20_000  // summaries, reasons, evidence, facts, grounds

    /// The bidirectional controls (embeddings, overrides, isolates, marks): they make text display
    /// in another order than it is stored.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// Zero-width characters that make two names look alike. ZWNJ and ZWJ are letters' business in
    /// Persian, Urdu and Indic names, so they are accepted between two letters outside ASCII.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x2060, 0xFEFF, 0x180E, 0x00AD, 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2061...0x2064: true
        default: false
        }
    }

    /// C0 and C1 controls and DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The code point as people write it: U+202E.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func name(_ scalar: Unicode.Scalar) -> String {
        let known: [UInt32: String] = [0x09: "a tab", 0x0A: "a new line", 0x0D: "a carriage return", 0x1B: "an escape (ESC)",
                                       0x7F: "a delete (DEL)", 0x202E: "a right-to-left override", 0x202D: "a left-to-right override",
                                       0x200B: "a zero-width space", 0xFEFF: "a zero-width no-break space", 0x200D: "a zero-width joiner",
                                       0x200C: "a zero-width non-joiner", 0x00AD: "a soft hyphen"]
        return (known[scalar.value].map { "\($0), " } ?? "") + codePoint(scalar)
    }

    /// Why `text` may not go into `field`, or nil.
    public static func problem(_ text: String, field: Field, shape: Shape) -> Refusal? {
        let label = field.words
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isControl(scalar) {
                if case .lines = shape, scalar == "\n" || scalar == "\t" { continue }
                let oneLine = (scalar == "\n" || scalar == "\t") ? " It is one line." : ""
                return .badInput("The \(label) holds \(name(scalar)), a control character, which Casebook does not store: it "
                    + "could change what a terminal shows.\(oneLine) Type it again without it.", field: field)
            }
            guard case .identity = shape else { continue }
            if isBidiControl(scalar) {
                return .badInput("The \(label) holds \(name(scalar)), which makes text display in another order than it is "
                    + "written: a name or address could look like another. Type it again without it.", field: field)
            }
            let joiner = scalar.value == 0x200C || scalar.value == 0x200D
            let betweenLetters = index > 0 && index + 1 < scalars.count
                && [scalars[index - 1], scalars[index + 1]].allSatisfy { !$0.isASCII && $0.properties.isAlphabetic }
            if isInvisible(scalar) || (joiner && !betweenLetters) {
                return .badInput("The \(label) holds \(name(scalar)), an invisible character: two names that look the same "
                    + "would be different records. Type it again without it.", field: field)
            }
        }
        if text.count > shape.maximum {
            return .badInput("The \(label) is \(text.count) characters long; at most \(shape.maximum) are kept. Shorten it"
                + (shape.maximum >= textLength ? ", or attach the full text as evidence." : "."), field: field)
        }
        return nil
    }
}

extension Command {
    /// Every text the command carries, with its field and how it is checked (`TextRules`).
    var texts: [(text: String, field: Field, shape: TextRules.Shape)] {
        let name = TextRules.Shape.identity(maximum: TextRules.nameLength)
        let address = TextRules.Shape.identity(maximum: TextRules.addressLength)
        let short = TextRules.Shape.line(maximum: TextRules.shortLength)
        let line = TextRules.Shape.line(maximum: TextRules.lineLength)
        let lines = TextRules.Shape.lines(maximum: TextRules.textLength)
        switch self {
        case .initialise(let text): return [(text, .name, name)]
        case let .addStaff(login, text, _, area, _):
            return [(login, .login, short), (text, .name, name)] + (area.map { [($0, .service, line)] } ?? [])
        case let .staffLeaves(login, _, successor): return [(login, .login, short)] + (successor.map { [($0, .reassignTo, short)] } ?? [])
        case let .attachFile(_, _, name, _, description, _):
            return [(name, .file, .line(maximum: TextRules.lineLength)), (description, .description, lines)]
        case let .retrieveFile(hash): return [(hash, .hash, short)]
        case let .assign(_, login, reason): return [(login, .to, short)] + (reason.map { [($0, .reason, lines)] } ?? [])
        case let .correctContact(_, _, _, _, summary, reason):
            return (summary.map { [($0, .summary, lines)] } ?? []) + [(reason, .reason, lines)]
        case let .addCustomer(text, place, postcode, email, phone, adjustments):
            return [(text, .name, name)] + Self.details(place, postcode, email, phone, adjustments)
        case let .addNote(_, text): return [(text, .text, lines)]
        case let .setReminder(_, _, text): return [(text, .text, short)]
        case .closeReminder: return []
        case let .answerSubjectAccess(_, withheld, _):
            return withheld.flatMap { [($0.what, .withhold, short), ($0.exemption, .exemption, short)] }
        case let .updateCustomer(_, text, place, postcode, email, phone, adjustments, reason):
            return [(reason, .reason, lines)] + (text.map { [($0, .name, name)] } ?? [])
                + Self.details(place, postcode, email, phone, adjustments)
        case let .updateStaff(login, _, area, _): return [(login, .login, short)] + (area.map { [($0, .service, line)] } ?? [])
        case let .openCase(_, title, areas): return [(title, .title, line)] + areas.map { ($0, .service, line) }
        case let .logContact(_, _, _, _, summary, _, _): return [(summary, .summary, lines)]
        case .confirmFiledContact, .confirmCheck(_, _, _), .viewRegisterEntry: break
        case let .settleMatter(_, _, note): return [(note, .note, lines)]
        case let .answerStatutoryRequest(_, _, _, note): return [(note, .note, lines)]
        case let .propose(_, _, reason, _): return [(reason, .reason, lines)]
        case let .decide(_, _, consulted, _, reason, considered):
            return [(consulted, .consulted, short), (reason, .reason, lines)] + (considered.map { [($0, .adjustmentsConsidered, lines)] } ?? [])
        case let .restrict(_, _, details, _, escalation, basis, reason, adjustment):
            return [(details, .details, lines)] + [escalation.map { ($0, .escalationReason, lines) },
                                                     basis.map { ($0, .statutoryBasis, lines) },
                                                     reason.map { ($0, .reason, lines) },
                                                     adjustment.map { ($0, .adjustmentReason, lines) }].compactMap { $0 }
        case let .endRestriction(_, _, _, reason): return [(reason, .reason, lines)]
        case .recordLetterSent: break  // its copy's hash is the store's
        case let .notify(_, recipients): return recipients.map { ($0, .to, short) }
        case let .callConference(_, _, chair, invitees): return [(chair, .chair, short)] + invitees.map { ($0, .invite, short) }
        case let .agreeConferenceAction(_, owner, _, text): return [(owner, .owner, short), (text, .text, lines)]
        case .completeConferenceAction, .conferenceMeets: break
        case let .proposeRegisterEntry(subject, facts, communication, restrictions):
            var result: [(String, Field, TextRules.Shape)] = [(facts, .facts, lines), (communication, .communication, lines)]
            if case .property(let place) = subject { result.append((place.text, .property, address)) }
            if let restrictions { result.append((restrictions, .restrictions, lines)) }
            return result
        case let .approveRegisterEntry(_, _, reason): return reason.map { [($0, .notToldReason, lines)] } ?? []
        case let .amendRegisterEntry(_, facts, communication, restrictions, reason):
            return [(reason, .reason, lines)] + [facts.map { ($0, .facts, lines) }, communication.map { ($0, .communication, lines) },
                                                   restrictions.map { ($0, .restrictions, lines) }].compactMap { $0 }
        case let .declineRegisterEntry(_, _, reason): return [(reason, .reason, lines)]
        case let .discloseRegisterEntry(_, to, reason, _): return [(to, .to, line), (reason, .reason, lines)]
        case let .lodgeAppeal(_, _, grounds, late): return [(grounds, .grounds, lines)] + (late.map { [($0, .lateReason, lines)] } ?? [])
        case let .decideAppeal(_, _, _, reason, _, add):
            return [(reason, .reason, lines)] + add.flatMap { [($0.details, .add, lines)] + ($0.statutoryBasis.map { [($0, .statutoryBasis, lines)] } ?? []) }
        case .referToOmbudsman, .requestReview: break
        // Each row's texts are checked by its own steps, where the refusal can name the row.
        case .importStatus, .importRegisterEntry: break
        case let .recordImport(file, _, _, _): return [(file, .file, line)]
        case let .recordReview(_, _, _, reason, _, add, deputy):
            return [(reason, .reason, lines)] + add.map { ($0.details, .add, lines) } + (deputy.map { [($0, .deputyReason, lines)] } ?? [])
        }
        if case let .confirmCheck(_, _, evidence) = self { return [(evidence, .evidence, lines)] }
        return []
    }

    /// A customer's contact details and adjustments, those given, as a new customer or a correction carries them.
    static func details(_ place: String?, _ postcode: String?, _ email: String?, _ phone: String?,
                        _ adjustments: String?) -> [(text: String, field: Field, shape: TextRules.Shape)] {
        let given: [(String?, Field, TextRules.Shape)] = [
            (place, .address, .identity(maximum: TextRules.addressLength)),
            (postcode, .postcode, .identity(maximum: TextRules.shortLength)),
            (email, .email, .identity(maximum: TextRules.lineLength)),
            (phone, .phone, .identity(maximum: TextRules.shortLength)),
            (adjustments, .adjustments, .lines(maximum: TextRules.textLength)),
        ]
        return given.compactMap { text, field, shape in text.map { ($0, field, shape) } }
    }
}
