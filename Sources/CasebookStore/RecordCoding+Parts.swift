import CasebookCore

// The register's other parts (staff, register entries, appeals, conferences, imports), written by
// hand like customers and cases: one codec for the whole snapshot. Dictionaries are written in key
// order, so that the same register always gives the same bytes.

extension RecordWriter {
    mutating func review(_ review: Review) {
        symbol(review.outcome)
        symbol(review.reviewedBy)
        day(review.date)
        string(review.reason)
        array(review.ended) { $0.int($1) }
        array(review.added) { $0.int($1) }
        optional(review.deputyReason) { $0.string($1) }
    }

    mutating func letter(_ letter: LetterSent) {
        symbol(letter.kind)
        day(letter.sentOn)
        symbol(letter.recordedBy)
        optional(letter.copy) { writer, copy in
            writer.string(copy.sha256)
            writer.day(copy.dated)
            writer.optional(copy.statedDeadline) { $0.day($1) }
        }
    }

    mutating func file(_ file: EvidenceFile) {
        string(file.sha256)
        string(file.name)
        int(file.size)
        symbol(file.type)
        string(file.description)
        optional(file.contact) { $0.int($1) }
        symbol(file.by)
        day(file.on)
    }

    mutating func imported(_ imported: ImportedHistory) {
        string(imported.source.file)
        string(imported.source.sha256)
        int(imported.source.row)
        optional(imported.source.reference) { $0.string($1) }
        day(imported.source.on)
        int(imported.proposal)
        int(imported.reviews)
    }

    mutating func address(_ address: Address) {
        string(address.text)
        optional(address.postcode) { $0.string($1.description) }
    }
}

extension RecordReader {
    mutating func review() throws(Failure) -> Review {
        Review(outcome: try symbol(), reviewedBy: try symbol(), date: try day(), reason: try string(),
               ended: try array { reader throws(Failure) in try reader.int() },
               added: try array { reader throws(Failure) in try reader.int() },
               deputyReason: try optional { reader throws(Failure) in try reader.string() })
    }

    mutating func letter() throws(Failure) -> LetterSent {
        LetterSent(kind: try symbol(), sentOn: try day(), recordedBy: try symbol(),
                   copy: try optional { reader throws(Failure) in
                       LetterCopy(sha256: try reader.string(), dated: try reader.day(),
                                  statedDeadline: try reader.optional { reader throws(Failure) in try reader.day() })
                   })
    }

    mutating func file() throws(Failure) -> EvidenceFile {
        EvidenceFile(sha256: try string(), name: try string(), size: try int(), type: try symbol(), description: try string(),
                     contact: try optional { reader throws(Failure) in try reader.int() }, by: try symbol(), on: try day())
    }

    mutating func imported() throws(Failure) -> ImportedHistory {
        ImportedHistory(source: ImportSource(file: try string(), sha256: try string(), row: try int(),
                                             reference: try optional { reader throws(Failure) in try reader.string() }, on: try day()),
                        proposal: try int(), reviews: try int())
    }

    mutating func address() throws(Failure) -> Address {
        Address(text: try string(), postcode: try optional { reader throws(Failure) in Postcode(written: try reader.string()) })
    }
}

extension Register.Parts {
    func write(to writer: inout RecordWriter) {
        writer.optional(name) { $0.string($1) }
        writer.array(staff.values.sorted { $0.login < $1.login }) { writer, member in
            writer.symbol(member.login)
            writer.string(member.name)
            writer.symbols(member.roles.sorted())
            writer.optional(member.serviceArea) { $0.symbol($1.name) }
            writer.bool(member.isCustomerServicesHead)
            writer.bool(member.active)
        }
        writer.array(registerEntries.values.sorted { $0.id < $1.id }) { $1.write(to: &$0) }
        writer.array(appeals.values.sorted { $0.id < $1.id }) { $1.write(to: &$0) }
        writer.array(conferences.values.sorted { $0.id < $1.id }) { $1.write(to: &$0) }
        writer.array(serviceAreas.sorted()) { $0.symbol($1.name) }
        writer.int(eventCount)
        writer.array(imports) { writer, record in
            writer.string(record.file)
            writer.string(record.sha256)
            writer.symbol(record.kind)
            writer.int(record.rows)
            writer.symbol(record.by)
            writer.day(record.on)
        }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Register.Parts {
        typealias Failure = RecordReader.Failure
        let name = try reader.optional { reader throws(Failure) in try reader.string() }
        var staff: [Login: StaffMember] = [:]
        for member in try reader.array({ reader throws(Failure) in
            StaffMember(login: try reader.symbol(), name: try reader.string(), roles: Set(try reader.symbols(Role.self)),
                        serviceArea: try reader.optional { reader throws(Failure) in ServiceArea(written: try reader.symbol()) },
                        isCustomerServicesHead: try reader.bool(), active: try reader.bool())
        }) { staff[member.login] = member }
        let entries = try reader.array(RegisterEntry.read)
        let appeals = try reader.array(Appeal.read)
        let conferences = try reader.array(CaseConference.read)
        let areas = try reader.array { reader throws(Failure) in ServiceArea(written: try reader.symbol()) }
        let eventCount = try reader.int()
        let imports = try reader.array { reader throws(Failure) in
            ImportRecord(written: try reader.string(), sha256: try reader.string(), kind: try reader.symbol(), rows: try reader.int(),
                         by: try reader.symbol(), on: try reader.day())
        }
        return Register.Parts(written: name, staff: staff, registerEntries: Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) }),
                              appeals: Dictionary(uniqueKeysWithValues: appeals.map { ($0.id, $0) }),
                              conferences: Dictionary(uniqueKeysWithValues: conferences.map { ($0.id, $0) }),
                              serviceAreas: Set(areas), eventCount: eventCount, imports: imports)
    }
}

extension RegisterEntry {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        switch subject {
        case .person(let customer):
            writer.int(0)
            writer.id(customer)
        case .property(let address):
            writer.int(1)
            writer.address(address)
        }
        writer.string(facts)
        writer.string(communication)
        writer.optional(restrictions) { $0.string($1) }
        func version(_ writer: inout RecordWriter, _ version: EntryAmendment) {
            writer.string(version.facts)
            writer.string(version.communication)
            writer.optional(version.restrictions) { $0.string($1) }
            writer.string(version.reason)
            writer.symbol(version.by)
            writer.day(version.on)
        }
        writer.optional(amendment, version)
        writer.array(versions, version)
        writer.symbol(proposedBy)
        writer.day(proposedOn)
        writer.symbol(state)
        writer.optional(approvedBy) { $0.symbol($1) }
        writer.optional(approvedOn) { $0.day($1) }
        writer.optional(notToldReason) { $0.string($1) }
        writer.optional(declineReason) { $0.string($1) }
        writer.array(reviews) { $0.review($1) }
        writer.array(letters) { $0.letter($1) }
        writer.array(files) { $0.file($1) }
        writer.array(views) { writer, view in
            writer.symbol(view.by)
            writer.day(view.on)
        }
        writer.array(disclosures) { writer, disclosure in
            writer.string(disclosure.to)
            writer.string(disclosure.reason)
            writer.day(disclosure.date)
            writer.symbol(disclosure.by)
        }
        writer.optional(removedOn) { $0.day($1) }
        writer.optional(imported) { $0.imported($1) }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> RegisterEntry {
        typealias Failure = RecordReader.Failure
        let id: RegisterEntryID = try reader.id()
        let subject: Subject
        switch try reader.int() {
        case 0: subject = .person(try reader.id())
        case 1: subject = .property(try reader.address())
        default: throw Failure(description: "an unknown kind of register entry subject")
        }
        func version(_ reader: inout RecordReader) throws(Failure) -> EntryAmendment {
            EntryAmendment(facts: try reader.string(), communication: try reader.string(),
                           restrictions: try reader.optional { reader throws(Failure) in try reader.string() },
                           reason: try reader.string(), by: try reader.symbol(), on: try reader.day())
        }
        return RegisterEntry(written: id, subject: subject, facts: try reader.string(), communication: try reader.string(),
                             restrictions: try reader.optional { reader throws(Failure) in try reader.string() },
                             amendment: try reader.optional(version), versions: try reader.array(version),
                             proposedBy: try reader.symbol(), proposedOn: try reader.day(), state: try reader.symbol(),
                             approvedBy: try reader.optional { reader throws(Failure) in try reader.symbol() },
                             approvedOn: try reader.optional { reader throws(Failure) in try reader.day() },
                             notToldReason: try reader.optional { reader throws(Failure) in try reader.string() },
                             declineReason: try reader.optional { reader throws(Failure) in try reader.string() },
                             reviews: try reader.array { reader throws(Failure) in try reader.review() },
                             letters: try reader.array { reader throws(Failure) in try reader.letter() },
                             files: try reader.array { reader throws(Failure) in try reader.file() },
                             views: try reader.array { reader throws(Failure) in RegisterView(written: try reader.symbol(), on: try reader.day()) },
                             disclosures: try reader.array { reader throws(Failure) in
                                 Disclosure(written: try reader.string(), reason: try reader.string(), date: try reader.day(), by: try reader.symbol())
                             },
                             removedOn: try reader.optional { reader throws(Failure) in try reader.day() },
                             imported: try reader.optional { reader throws(Failure) in try reader.imported() })
    }
}

extension Appeal.Subject {
    func write(to writer: inout RecordWriter) {
        switch self {
        case .case(let id):
            writer.int(0)
            writer.id(id)
        case .registerEntry(let id):
            writer.int(1)
            writer.id(id)
        }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Appeal.Subject {
        switch try reader.int() {
        case 0: .case(try reader.id())
        case 1: .registerEntry(try reader.id())
        default: throw RecordReader.Failure(description: "an unknown kind of appeal subject")
        }
    }
}

extension Appeal {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        subject.write(to: &writer)
        writer.day(received)
        writer.string(grounds)
        writer.optional(deadline) { $0.day($1) }
        writer.optional(lateReason) { $0.string($1) }
        writer.day(outcomeDue)
        writer.symbol(lodgedBy)
        writer.optional(against) { $0.string($1) }
        writer.optional(decision) { writer, decision in
            writer.symbol(decision.outcome)
            writer.symbol(decision.decidedBy)
            writer.day(decision.date)
            writer.string(decision.reason)
            writer.array(decision.ended) { $0.int($1) }
            writer.array(decision.added) { $0.int($1) }
        }
        writer.optional(referral) { writer, referral in
            writer.symbol(referral.body)
            writer.day(referral.date)
            writer.symbol(referral.recordedBy)
        }
        writer.array(letters) { $0.letter($1) }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> Appeal {
        typealias Failure = RecordReader.Failure
        return Appeal(written: try reader.id(), subject: try Subject.read(from: &reader), received: try reader.day(), grounds: try reader.string(),
                      deadline: try reader.optional { reader throws(Failure) in try reader.day() },
                      lateReason: try reader.optional { reader throws(Failure) in try reader.string() },
                      outcomeDue: try reader.day(), lodgedBy: try reader.symbol(),
                      against: try reader.optional { reader throws(Failure) in try reader.string() },
                      decision: try reader.optional { reader throws(Failure) in
                          AppealDecision(outcome: try reader.symbol(), decidedBy: try reader.symbol(), date: try reader.day(),
                                         reason: try reader.string(), ended: try reader.array { reader throws(Failure) in try reader.int() },
                                         added: try reader.array { reader throws(Failure) in try reader.int() })
                      },
                      referral: try reader.optional { reader throws(Failure) in
                          OmbudsmanReferral(written: try reader.symbol(), date: try reader.day(), recordedBy: try reader.symbol())
                      },
                      letters: try reader.array { reader throws(Failure) in try reader.letter() })
    }
}

extension CaseConference {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        writer.id(caseID)
        writer.day(date)
        writer.symbol(chair)
        writer.symbol(calledBy)
        writer.array(invitees) { $0.symbol($1) }
        writer.string(summary)
        writer.array(missingInvitees) { $0.string($1) }
        writer.array(actions) { writer, action in
            writer.int(action.number)
            writer.symbol(action.owner)
            writer.day(action.due)
            writer.string(action.text)
            writer.optional(action.done) { $0.day($1) }
        }
        writer.optional(met) { $0.day($1) }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> CaseConference {
        typealias Failure = RecordReader.Failure
        return CaseConference(written: try reader.id(), caseID: try reader.id(), date: try reader.day(), chair: try reader.symbol(),
                              calledBy: try reader.symbol(), invitees: try reader.array { reader throws(Failure) in try reader.symbol() },
                              summary: try reader.string(), missingInvitees: try reader.array { reader throws(Failure) in try reader.string() },
                              actions: try reader.array { reader throws(Failure) in
                                  ConferenceAction(written: try reader.int(), owner: try reader.symbol(), due: try reader.day(),
                                                   text: try reader.string(),
                                                   done: try reader.optional { reader throws(Failure) in try reader.day() })
                              },
                              met: try reader.optional { reader throws(Failure) in try reader.day() })
    }
}
