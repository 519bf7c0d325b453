import CasebookCore

extension Store {
    /// What `member`'s queue reads, without the whole register: the register's other parts whole;
    /// the cases whose rows may reach their queue (the snapshot's index lists them) and the cases
    /// appealed against, each with its customer; the people register entries are about; and every
    /// customer the journal after the snapshot touches, with all of their cases, before that
    /// journal is applied as opening applies it. nil whenever this cannot answer exactly as the
    /// whole register would (no snapshot the high-water mark vouches for; a member of staff it has
    /// no list for; a journal after it that is long, damaged, or changes settings, staff or the
    /// register itself; a record it names that neither the snapshot nor the journal holds), and
    /// the caller opens the store instead. Never changes anything.
    public static func queueRead(at path: String, for member: Login, fs: any FileSystem = PosixFileSystem(),
                                 protection: ProcessIdentity? = nil) -> PointRead? {
        guard let snapshot = snapshotAndTail(at: path, fs: fs, protection: protection),
              var register = snapshot.file.contents.withUnsafeBytes({ bytes in
                  readQueueRegister(for: member, bytes, body: snapshot.file.body, digests: snapshot.digests, then: snapshot.events.map(\.event))
              }) else { return nil }
        for (event, actor) in snapshot.events { register.apply(event, by: actor) }
        return PointRead(settings: snapshot.settings, register: register)
    }

    /// The records `queueRead` reads from the snapshot, before `events` (the journal after it)
    /// are applied; nil when they cannot be told. A member whose queue is made from whole cases (an
    /// officer, Information Rights) reads the cases listed for them whole; anyone else (a Head of
    /// Service, a Director) reads what every case puts before decision-makers (the index's views)
    /// and the names of their customers, and whole only the cases a view's rows need (a complex
    /// case's services, 5.1.1), those with open reminders and those appealed against.
    static func readQueueRegister(for member: Login, _ bytes: UnsafeRawBufferPointer, body: Int, digests: [String],
                                  then events: [Event]) -> Register? {
        do throws(RecordReader.Failure) {
            var records = try SnapshotRecords(bytes, body: body, digests: digests, index: .queues)
            let parts = records.parts
            guard let touched = customersTouched(by: events, records: records) else { return nil }
            // Someone not on the staff has no list (and no queue): the staff rules then refuse them
            // as the whole register would.
            guard let listed = records.index.queues[member] ?? (parts.staff[member] == nil ? [] : nil) else { return nil }
            let wholeCases = Register.queueReadsWholeCases(for: parts.staff[member])
            var caseNumbers = Set(wholeCases ? listed : [])
            var owners = Set<Int>()
            var indexes: [QueueIndexes]?
            if !wholeCases {
                // The views read and keyed on one core while the pieces of records are checked on the other.
                guard var keyed = try records.readViews(checking: records.recordPieces, then: deciders) else { return nil }
                caseNumbers = Set(records.index.reminding).union(keyed.conferencesToCall)
                indexes = [keyed.indexes]
                keyed.indexes = QueueIndexes()  // the register's to change, without a copy
            }
            // An appeal's row names the decision appealed against (6.1), read from its case.
            for appeal in parts.appeals.values { if case .case(let id) = appeal.subject { caseNumbers.insert(id.number) } }
            var places: [SnapshotIndex.Place] = []
            for number in caseNumbers {
                guard let place = records.place(ofCase: number) else { return nil }
                places.append(place)
            }
            for place in records.cases(of: touched) where !caseNumbers.contains(place.id) { places.append(place) }
            places.sort { $0.id < $1.id }
            owners.formUnion(places.map(\.owner))
            owners.formUnion(touched)
            for entry in parts.registerEntries.values { if case .person(let id) = entry.subject { owners.insert(id.number) } }
            var customerPlaces: [SnapshotIndex.Place] = []
            customerPlaces.reserveCapacity(owners.count)
            for number in owners.sorted() {
                if let place = records.place(ofCustomer: number) {
                    customerPlaces.append(place)
                } else if !touched.contains(number) {
                    return nil  // a case's or an entry's customer the snapshot lacks: not this path's to explain
                }
            }
            let customers = try records.customers(at: customerPlaces)
            let cases = try records.cases(at: places)
            // The views of the cases read whole are worked out from them (the same as the index's until the journal after it).
            if indexes != nil { for value in cases { indexes![0].note(value) } }
            // Handed over, not shared: the register changes them where they lie.
            return Register(parts: parts, customers: consume customers, cases: consume cases, indexes: consume indexes)
        } catch {
            return nil
        }
    }

    /// What the register keeps of the index's views (`QueueIndexes`), keyed, and the cases whose
    /// complex status waits on a conference to be called (5.1.1: read whole, for their services);
    /// nil when a view's customer has no name beside it. The names in the rows the views make are
    /// the index's, not read from the customers.
    static func deciders(_ index: SnapshotIndex) -> (indexes: QueueIndexes, conferencesToCall: [Int])? {
        var names: [CustomerID: String] = [:], views: [CaseID: DeciderView] = [:], conferencesToCall: [Int] = []
        names.reserveCapacity(index.names.count)
        views.reserveCapacity(index.views.count)
        for name in index.names { names[CustomerID(number: name.customer)] = name.name }
        for view in index.views {
            guard names[view.customer] != nil else { return nil }
            views[view.id] = view
            if view.conferenceToCall != nil { conferencesToCall.append(view.id.number) }
        }
        return (QueueIndexes(views: views, names: names), conferencesToCall)
    }

    /// The numbers of the customers `events` touch, directly or through their cases, register
    /// entries, appeals and conferences (as `RecordChanges.closed(over:)` closes them), including
    /// those the events add; nil when an event concerns every record or names one that neither
    /// the snapshot nor an earlier event holds.
    static func customersTouched(by events: [Event], records: SnapshotRecords) -> Set<Int>? {
        let parts = records.parts
        var appealSubjects = parts.appeals.mapValues(\.subject)
        var conferenceCases = parts.conferences.mapValues(\.caseID)
        var entryPeople: [RegisterEntryID: CustomerID] = [:]
        for entry in parts.registerEntries.values { if case .person(let id) = entry.subject { entryPeople[entry.id] = id } }
        var caseOwners: [CaseID: CustomerID] = [:]
        var touched = Set<Int>()
        for event in events {
            // Records the journal adds, for the events after that name them.
            switch event {
            case .caseOpened(let e): caseOwners[e.id] = e.customer
            case .appealLodged(let e): appealSubjects[e.id] = e.subject
            case .conferenceCalled(let e): conferenceCases[e.id] = e.caseID
            case .registerEntryProposed(let e): if case .person(let id) = e.subject { entryPeople[e.id] = id }
            default: break
            }
            var changes = RecordChanges()
            changes.note(event)
            guard !changes.everything else { return nil }
            for id in changes.appeals {
                switch appealSubjects[id] {
                case .case(let caseID): changes.cases.insert(caseID)
                case .registerEntry(let entry): changes.entries.insert(entry)
                case nil: return nil
                }
            }
            for id in changes.conferences {
                guard let caseID = conferenceCases[id] else { return nil }
                changes.cases.insert(caseID)
            }
            // A property's entry concerns no customer.
            for id in changes.entries { if let person = entryPeople[id] { changes.customers.insert(person) } }
            for id in changes.cases {
                guard let owner = caseOwners[id]?.number ?? records.place(ofCase: id.number)?.owner else { return nil }
                touched.insert(owner)
            }
            touched.formUnion(changes.customers.map(\.number))
        }
        return touched
    }
}
