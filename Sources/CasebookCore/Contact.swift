/// How a customer reached the council (1.1: "multiple channels").
public enum Channel: String, CaseIterable, Sendable, Codable {
    case phone, email, letter
    case faceToFace = "face-to-face"
    case web
    case socialMedia = "social-media"
    case councillor
}

/// What kind of contact it was (1.2).
public enum ContactKind: String, CaseIterable, Sendable, Codable {
    case routine, complaint
    case standardsComplaint = "standards-complaint"
    case foi
    case sar
    case ombudsman
    case litigation

    /// 1.2, 5.2.1: requests the council must answer under their own law (UK GDPR Art 15 and 12(5),
    /// FOIA s1 and s14): never read-and-filed, whatever restrictions are in force.
    public var isStatutoryRequest: Bool { self == .sar || self == .foi }

    /// When a statutory request received on `date` must be answered: a subject access request
    /// within one calendar month (UK GDPR Art 12(3)); an FOI request within 20 working days (FOIA s10).
    public func statutoryDeadline(received date: Day, calendar: WorkingDayCalendar) -> Day? {
        switch self {
        case .sar: date.adding(months: 1)
        case .foi: calendar.adding(workingDays: 20, to: date)
        default: nil
        }
    }

    public var statutoryName: String {
        switch self {
        case .sar: "subject access request (UK GDPR Art 15)"
        case .foi: "Freedom of Information request (FOIA 2000)"
        default: rawValue
        }
    }

    /// 3.5: complaints, Ombudsman enquiries, FOIs and data-protection requests count towards "complex".
    public var countsTowardsComplex: Bool {
        switch self {
        case .complaint, .standardsComplaint, .foi, .sar, .ombudsman: true
        case .routine, .litigation: false
        }
    }
}

/// One contact logged against a case.
public struct Contact: Equatable, Sendable, Codable {
    // The small fields last, the number in 32 bits beside the one-byte ones: a register holds a
    // million contacts, and packed so each takes 80 bytes rather than 96.
    /// As corrected, when it was (`Case.contactCorrections` keeps what it was).
    public internal(set) var date: Day
    public let officer: Login
    public internal(set) var summary: String
    public let behaviours: [Behaviour]
    // Optional fields that may change are spelt `Optional<…>`, not `…?`: a stored `var` written `…?` is
    // first set to nil by every initialiser, and the optimiser then built each record, copied it (every
    // text in it retained) and released the first. A replay makes a million records; so does a snapshot read.
    /// Who confirmed a read-and-file contact holds no new information or safeguarding concern.
    public var filedConfirmation: Optional<FiledConfirmation>
    private let storedNumber: Int32
    public let channel: Channel
    public let kind: ContactKind
    /// 4.1: the customer gave significant new information that might affect the council's view.
    public let significantNewInformation: Bool
    /// 5.2.2: logged while read-and-file was in force; it is read, filed and not acknowledged.
    public let underReadAndFile: Bool

    /// 1-based, within its case.
    public var number: Int { Int(storedNumber) }

    /// `number` is a contact's place in its case, far below two thousand million.
    public init(number: Int, date: Day, channel: Channel, kind: ContactKind, officer: Login, summary: String,
                behaviours: [Behaviour], significantNewInformation: Bool, underReadAndFile: Bool,
                filedConfirmation: FiledConfirmation? = nil) {
        self.storedNumber = Int32(clamping: number)
        self.date = date
        self.channel = channel
        self.kind = kind
        self.officer = officer
        self.summary = summary
        self.behaviours = behaviours
        self.significantNewInformation = significantNewInformation
        self.underReadAndFile = underReadAndFile
        self.filedConfirmation = filedConfirmation
    }

    /// The stored number is written as `number`, so the JSON is as it always was.
    enum CodingKeys: String, CodingKey {
        case storedNumber = "number"
        case date, officer, summary, behaviours, filedConfirmation, channel, kind, significantNewInformation, underReadAndFile
    }
}

/// An officer's confirmation that a contact filed under read-and-file was read and holds no
/// significant new information and no safeguarding concern (LGSCO guidance on 5.2.2).
public struct FiledConfirmation: Equatable, Sendable, Codable {
    public let by: Login
    public let on: Day

    /// Memberwise; package-wide so that the store's snapshot reader puts records back as written.
    package init(by: Login, on: Day) {
        self.by = by
        self.on = on
    }
}
