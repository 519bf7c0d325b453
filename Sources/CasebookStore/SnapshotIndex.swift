import CasebookCore

/// The last piece of a snapshot: where each customer and each case begins, and the symbols of
/// each piece, so that one record can be read alone without the hundred thousand before it.
struct SnapshotIndex: Equatable {
    struct Place: Equatable {
        /// The record's id number; for a case, `owner` is its customer's.
        var id: Int
        var owner: Int
        /// The piece (1 and 2 customers, 3 to 6 cases) and the record's first byte within it.
        var piece: Int
        var offset: Int
    }

    /// Each customer or case piece's symbols, in the order they were first written.
    var symbols: [[String]] = []
    /// In id order.
    var customers: [Place] = []
    var cases: [Place] = []
    /// For each member of staff (by login), the numbers of the cases whose rows may reach their
    /// queue on some day (`Register.queueMembers(of:)`), in order: what a member's queue reads
    /// alone (`Store.queueRead`).
    var queues: [String: [Int]] = [:]
    /// What each case that waits on a decision-maker puts before them (`DeciderView`), in id
    /// order: what a Head of Service's or a Director's queue reads alone, instead of whole cases.
    var views: [DeciderView] = []
    /// The numbers of the cases with a reminder not yet closed, in order: read whole beside the views.
    var reminding: [Int] = []
    /// The name of each customer of a view, in customer order: the rows the views make name the
    /// customer without the customer being read.
    var names: [Name] = []

    struct Name: Equatable {
        var customer: Int
        var name: String
    }

    /// How much of the index a read needs: each section takes those before it.
    enum Sections: Int, Comparable {
        /// Where each customer and case is, and each piece's symbols.
        case places
        /// The members' queue lists.
        case queues
        /// The decision-makers' views of cases, the cases with open reminders, and the views' customers' names.
        case views

        static func < (a: Sections, b: Sections) -> Bool { a.rawValue < b.rawValue }
    }

    func write(to writer: inout RecordWriter) {
        writer.array(symbols) { writer, table in writer.array(table) { $0.string($1) } }
        for places in [customers, cases] {
            writer.array(places) { writer, place in
                writer.int(place.id)
                writer.int(place.owner)
                writer.int(place.piece)
                writer.int(place.offset)
            }
        }
        writer.array(queues.keys.sorted()) { writer, login in
            writer.string(login)
            writer.array(queues[login]!) { $0.int($1) }
        }
        writer.array(views) { $1.write(to: &$0) }
        writer.array(reminding) { $0.int($1) }
        writer.array(names) { writer, name in
            writer.int(name.customer)
            writer.string(name.name)
        }
    }

    /// The index, as far as `wanted`: the sections after it, last in the piece, are left unread.
    static func read(from reader: inout RecordReader, _ wanted: Sections = .views) throws(RecordReader.Failure) -> SnapshotIndex {
        typealias Failure = RecordReader.Failure
        var index = SnapshotIndex()
        index.symbols = try reader.array { reader throws(Failure) in try reader.array { reader throws(Failure) in try reader.string() } }
        func places(_ reader: inout RecordReader) throws(Failure) -> [Place] {
            try reader.array { reader throws(Failure) in
                Place(id: try reader.int(), owner: try reader.int(), piece: try reader.int(), offset: try reader.int())
            }
        }
        index.customers = try places(&reader)
        index.cases = try places(&reader)
        guard wanted >= .queues else { return index }
        let queues = try reader.array { reader throws(Failure) in
            (try reader.string(), try reader.array { reader throws(Failure) in try reader.int() })
        }
        index.queues = Dictionary(queues, uniquingKeysWith: { first, _ in first })
        guard index.queues.count == queues.count else { throw Failure(description: "a member's queue is listed twice") }
        guard wanted >= .views else { return index }
        try index.readViews(from: &reader)
        return index
    }

    /// The last section: the decision-makers' views, the cases with open reminders and the views' customers' names.
    mutating func readViews(from reader: inout RecordReader) throws(RecordReader.Failure) {
        typealias Failure = RecordReader.Failure
        views = try reader.array(DeciderView.read)
        reminding = try reader.array { reader throws(Failure) in try reader.int() }
        names = try reader.array { reader throws(Failure) in Name(customer: try reader.int(), name: try reader.string()) }
    }

    /// The place of the record numbered `id` in `places` (in id order).
    static func place(of id: Int, in places: [Place]) -> Place? {
        var low = 0, high = places.count
        while low < high {
            let middle = (low + high) / 2
            if places[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < places.count && places[low].id == id ? places[low] : nil
    }
}
