import CasebookCore

// A case's outline, as a snapshot keeps it beside its piece of cases (`Snapshot.outlinePieces`),
// in RecordCoding's form: what `casebook list` reads instead of whole cases.

extension CaseOutline {
    func write(to writer: inout RecordWriter) {
        writer.id(id)
        writer.id(customer)
        writer.string(customerName)
        writer.string(title)
        writer.array(serviceAreas) { $0.symbol($1.name) }
        writer.symbols(categories.sorted())
        writer.symbol(stage)
        writer.optional(dues.always) { $0.day($1) }
        writer.array(dues.later) { writer, row in
            writer.day(row.from)
            writer.day(row.due)
        }
    }

    static func read(from reader: inout RecordReader) throws(RecordReader.Failure) -> CaseOutline {
        typealias Failure = RecordReader.Failure
        return CaseOutline(
            id: try reader.id(), customer: try reader.id(), customerName: try reader.string(), title: try reader.string(),
            serviceAreas: try reader.array { reader throws(Failure) in ServiceArea(written: try reader.symbol()) },
            categories: Set(try reader.symbols(reader.categories)), stage: try reader.symbol(CaseStage.self),
            dues: DueSchedule(always: try reader.optional { reader throws(Failure) in try reader.day() },
                              later: try reader.array { reader throws(Failure) in
                                  DueSchedule.Later(from: try reader.day(), due: try reader.day())
                              }))
    }
}
