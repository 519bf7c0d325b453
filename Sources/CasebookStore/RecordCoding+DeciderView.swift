import CasebookCore

// What a case puts before decision-makers (`DeciderView`), as a snapshot's index keeps it for
// every case that has one: what a Head of Service's or a Director's queue reads alone, instead of
// whole cases (`Store.queueRead`).

extension DeciderView {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        writer.id(customer)
        writer.optional(pending) { writer, pending in
            writer.day(pending.proposedOn)
            writer.symbol(pending.proposedBy)
            writer.symbols(pending.categories.sorted())
            writer.int(Int(pending.outstandingChecks))
        }
        writer.optional(status) { writer, status in
            writer.symbol(status.decidedBy)
            writer.symbol(status.proposedBy)
            writer.day(status.decisionDate)
            writer.day(status.threeYearReview)
            writer.optional(status.unansweredRequest) { $0.day($1) }
        }
        writer.optional(conferenceToCall) { $0.day($1) }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> DeciderView {
        typealias Failure = RecordReader.Failure
        return DeciderView(
            id: try reader.id(), customer: try reader.id(),
            pending: try reader.optional { reader throws(Failure) in
                let (on, by, categories) = (try reader.day(), try reader.symbol(), Set(try reader.symbols(reader.categories)))
                guard let checks = UInt8(exactly: try reader.int()) else { throw Failure(description: "a count of checks out of range") }
                return Pending(proposedOn: on, proposedBy: by, categories: categories, outstandingChecks: checks)
            },
            status: try reader.optional { reader throws(Failure) in
                StatusInForce(decidedBy: try reader.symbol(), proposedBy: try reader.symbol(), decisionDate: try reader.day(),
                              threeYearReview: try reader.day(), unansweredRequest: try reader.optional { reader throws(Failure) in try reader.day() })
            },
            conferenceToCall: try reader.optional { reader throws(Failure) in try reader.day() })
    }
}
