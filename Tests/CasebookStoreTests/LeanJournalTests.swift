import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

/// The journal's lean reader gives exactly what the full decoder gives, for every line it takes,
/// and leaves to the full decoder every line it is not sure of.
@Suite struct LeanJournalTests {
    func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n")).map { $0 }
    }

    func lean(_ line: ArraySlice<UInt8>) -> JournalLine? { line.withUnsafeBytes { JournalLine.leanDecode($0) } }

    @Test func everyLineTheLeanReaderTakesReadsAsTheFullDecoderReadsIt() throws {
        let folder = TemporaryFolder()
        let (store, today) = try syntheticStore(folder, cases: 150, seed: 11)
        // Texts the lean reader must leave alone, and optional fields both given and left out.
        _ = try store.execute(.addCustomer(name: "Zoë \"Quotes\" O’Brien", address: "1 Line Break Road", postcode: "ST4 9FJ",
                                           email: "z@example.org", phone: nil, adjustments: "Large print\nNo calls\tafter 5pm"),
                              actor: SyntheticRegister.admin, today: today)
        var taken = 0, total = 0
        var types = Set<String>()
        for line in lines(journalBytes(folder)) {
            total += 1
            let full = try JournalLine.decodeFully(line)
            guard let quick = lean(line) else { continue }
            taken += 1
            types.insert(quick.entry.type)
            #expect(quick == full, "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(Double(taken) > Double(total) * 0.9, "the lean reader took \(taken) of \(total) lines")
        #expect(types.isSuperset(of: ["contact-logged", "check-confirmed", "case-opened", "customer-added", "classification-proposed",
                                      "decision-recorded", "restriction-added", "letter-sent"]))
    }

    /// A valid line of `type` with `payload`, hashed as the store would.
    func line(type: String, payload: String) -> ArraySlice<UInt8> {
        var text = "{\"v\":1,\"seq\":2,\"at\":\"2026-01-01T00:00:00.000Z\",\"actor\":\"oadams\",\"type\":\"\(type)\",\"payload\":\(payload)"
        text += ",\"prev\":\"\(JournalLine.genesisHash)\""
        let bytes = Array(text.utf8)
        return ArraySlice(bytes + Array(",\"hash\":\"\(JournalLine.sha256Hex(bytes + [UInt8(ascii: "}")]))\"}".utf8))
    }

    static let contact = #"{"behaviours":[],"caseID":"CASE-0001","channel":"email","date":"2025-11-07","kind":"routine","number":2,"significantNewInformation":false,"summary":"S","underReadAndFile":false}"#

    @Test func aPlainLineIsTakenAndReadRight() throws {
        let plain = line(type: "contact-logged", payload: Self.contact)
        let quick = try #require(lean(plain))
        #expect(quick == (try JournalLine.decodeFully(plain)))
        #expect(try JournalLine.decode(plain) == quick)
    }

    @Test(arguments: [
        // An escape in a text, an unknown field, a field twice, a fraction, null where a value is needed,
        // a letter case the records never use, a missing field, a type it does not read.
        Self.contact.replacingOccurrences(of: #""S""#, with: #""S\"q""#),
        Self.contact.replacingOccurrences(of: #""number":2"#, with: #""number":2,"extra":1"#),
        Self.contact.replacingOccurrences(of: #""number":2"#, with: #""number":2,"number":3"#),
        Self.contact.replacingOccurrences(of: #""number":2"#, with: #""number":2.0"#),
        Self.contact.replacingOccurrences(of: #""summary":"S""#, with: #""summary":null"#),
        Self.contact.replacingOccurrences(of: #""channel":"email""#, with: #""channel":"EMAIL""#),
        Self.contact.replacingOccurrences(of: #""kind":"routine","#, with: ""),
    ])
    func anythingUnusualIsLeftToTheFullDecoder(payload: String) {
        let unusual = line(type: "contact-logged", payload: payload)
        #expect(lean(unusual) == nil)
        // Whatever the full decoder makes of it is the answer (a record, or why it cannot be read).
        let full = Result { () throws(JournalLine.Damage) in try JournalLine.decodeFully(unusual) }
        let both = Result { () throws(JournalLine.Damage) in try JournalLine.decode(unusual) }
        #expect(full == both)
    }

    @Test(arguments: [#"{"case":{"_0":"CASE-0001"},"appeal":{"_0":"APL-0001"}}"#, #"{"case":{"_0":"CASE-0001","_1":"x"}}"#,
                      #"{"case":{}}"#, #"{}"#, #"{"letter":{"_0":"CASE-0001"}}"#])
    func aLetterSubjectOtherThanOneCaseWithOneValueIsLeftToTheFullDecoder(subject: String) {
        let letter = line(type: "letter-sent", payload: #"{"kind":"decision","sentOn":"2025-01-30","subject":"# + subject + "}")
        #expect(lean(letter) == nil)
        let full = Result { () throws(JournalLine.Damage) in try JournalLine.decodeFully(letter) }
        #expect(full == Result { () throws(JournalLine.Damage) in try JournalLine.decode(letter) })
    }

    @Test func optionalFieldsLeftOutOrNullReadAsAbsent() throws {
        for address in ["", #","address":null"#] {
            let payload = #"{"id":"CUST-0009","name":"N""# + address + #","email":null}"#
            let added = line(type: "customer-added", payload: payload)
            let quick = try #require(lean(added))
            #expect(quick == (try JournalLine.decodeFully(added)))
        }
    }

    @Test func theParserReadsPlainJSONAndRefusesTheRest() {
        func parse(_ text: String) -> LeanJSON? { Array(text.utf8).withUnsafeBytes { LeanJSON.parse($0) } }
        #expect(parse(#" { "a" : [ 1 , -2, true, false, null, "x" ] , "b":{} } "#) != nil)
        #expect(parse("[]") == .array([]))
        #expect(parse("-0") == .integer(0))
        for bad in ["", "{", "[1,]", "{\"a\"}", "01", "1e3", "\"a", "\"a\\n\"", "tru", "{\"a\":1}x", "9999999999999999999999"] {
            #expect(parse(bad) == nil, "\(bad)")
        }
    }
}

/// A journal long enough to be decoded on several cores, read whole and in small blocks.
@Suite struct LongJournalTests {
    @Test func aLongJournalReplaysToTheRegisterThatWroteIt() throws {
        let folder = TemporaryFolder()
        let (store, _) = try syntheticStore(folder, cases: 250, seed: 4)
        #expect(store.sequence > 2_000)
        var options = Store.Options()
        options.useSnapshots = false
        for block in [options.journalBlock, 4_096] {
            options.journalBlock = block
            let replayed = try Store.open(at: folder.store, options: options)
            #expect(replayed.register == store.register)
            #expect(replayed.sequence == store.sequence && replayed.readOnlyReason == nil)
        }
        // Damage deep inside (read on another core): the first bad record is named, nothing after it applied.
        var bytes = journalBytes(folder)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        bytes[lineStarts[1_499] + 30] ^= 1
        writeJournal(folder, bytes)
        let damaged = try Store.open(at: folder.store, options: options)
        #expect(damaged.readOnlyReason?.contains("record 1500") == true)
        #expect(damaged.sequence == 1_499)
    }
}
