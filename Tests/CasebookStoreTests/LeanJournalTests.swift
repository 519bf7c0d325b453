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

    func lean(_ line: ArraySlice<UInt8>) -> JournalLine? {
        let digest = JournalLine.digest(of: line.dropLast(JournalLine.hashSuffixLength))
        return line.withUnsafeBytes { JournalLine.leanDecode($0, digest: digest) }
    }

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
                                      "decision-recorded", "restriction-added", "letter-sent", "restriction-ended",
                                      "register-entry-proposed", "register-entry-approved", "appeal-lodged", "appeal-decided"]), "\(types)")
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
                      #"{"case":{}}"#, #"{}"#, #"{"letter":{"_0":"CASE-0001"}}"#,
                      #"{"case":{"registerEntry":{"_0":"REG-0001"}}}"#, #"{"case":{"_0":"CASE-0001"}"#])
    func aLetterSubjectOtherThanOneCaseWithOneValueIsLeftToTheFullDecoder(subject: String) {
        let letter = line(type: "letter-sent", payload: #"{"kind":"decision","sentOn":"2025-01-30","subject":"# + subject + "}")
        #expect(lean(letter) == nil)
        let full = Result { () throws(JournalLine.Damage) in try JournalLine.decodeFully(letter) }
        #expect(full == Result { () throws(JournalLine.Damage) in try JournalLine.decode(letter) })
    }

    /// Every optional field of the types the reader takes, given: read as the full decoder reads them.
    @Test(arguments: [
        ("restriction-added", #"{"adjustmentReason":"A","caseID":"CASE-0001","details":"D","escalationReason":"E","from":"2025-01-02","laterChange":true,"number":2,"reason":"R","recordedOn":"2025-01-03","statutoryBasis":"S","type":"named-officer"}"#),
        ("restriction-ended", #"{"caseID":"CASE-0001","laterChange":false,"number":1,"on":"2025-01-02","reason":"R","recordedOn":"2025-01-03"}"#),
        ("register-entry-proposed", #"{"communication":"C","facts":"F","id":"REG-0001","on":"2025-01-02","restrictions":"R","subject":{"person":{"_0":"CUST-0001"}}}"#),
        ("register-entry-approved", #"{"date":"2025-01-02","id":"REG-0001","notToldReason":"Risk to staff"}"#),
        ("appeal-lodged", #"{"against":"A","deadline":"2025-01-20","grounds":"G","id":"APL-0001","lateReason":"L","outcomeDue":"2025-02-01","received":"2025-01-21","subject":{"registerEntry":{"_0":"REG-0001"}}}"#),
        ("appeal-decided", #"{"added":[3,4],"date":"2025-01-02","ended":[],"id":"APL-0001","outcome":"varied","reason":"R"}"#),
        ("appeal-decided", #"{"added":null,"date":"2025-01-02","id":"APL-0001","outcome":"upheld","reason":"R"}"#),
    ])
    func everyOptionalFieldGivenIsReadAsTheFullDecoderReadsIt(type: String, payload: String) throws {
        let given = line(type: type, payload: payload)
        let quick = try #require(lean(given))
        #expect(quick == (try JournalLine.decodeFully(given)))
    }

    @Test(arguments: [
        ("register-entry-proposed", #"{"communication":"C","facts":"F","id":"REG-0001","on":"2025-01-02","subject":{"property":{"text":"1 Road"}}}"#),
        ("appeal-lodged", #"{"grounds":"G","id":"APL-0001","outcomeDue":"2025-02-01","received":"2025-01-21","subject":{"appeal":{"_0":"APL-0002"}}}"#),
        ("appeal-decided", #"{"added":[3,"4"],"date":"2025-01-02","id":"APL-0001","outcome":"varied","reason":"R"}"#),
    ])
    func subjectsAndListsItDoesNotReadAreLeftToTheFullDecoder(type: String, payload: String) {
        let unusual = line(type: type, payload: payload)
        #expect(lean(unusual) == nil)
        let full = Result { () throws(JournalLine.Damage) in try JournalLine.decodeFully(unusual) }
        #expect(full == Result { () throws(JournalLine.Damage) in try JournalLine.decode(unusual) })
    }

    @Test func optionalFieldsLeftOutOrNullReadAsAbsent() throws {
        for address in ["", #""address":null,"#, #""address":{"text":"1 Road"},"#, #""address":{"postcode":null,"text":"1 Road"},"#] {
            let payload = "{" + address + #""email":null,"id":"CUST-0009","name":"N"}"#
            let added = line(type: "customer-added", payload: payload)
            let quick = try #require(lean(added), "\(payload)")
            #expect(quick == (try JournalLine.decodeFully(added)))
        }
    }

    /// Fields in another order than the store writes them, space between tokens, a value of the
    /// wrong kind: the full decoder reads them (and may well accept them), never the lean reader.
    @Test(arguments: [
        #"{"id":"CUST-0009","name":"N","address":null}"#, #"{ "id":"CUST-0009","name":"N"}"#, #"{"id" : "CUST-0009","name":"N"}"#,
        #"{"id":"CUST-0009","name":"N"} "#, #"{"id":"CUST-0009","name":7}"#, #"{"address":{"text":"1 Road","postcode":null},"id":"CUST-0009","name":"N"}"#,
        #"{"address":{},"id":"CUST-0009","name":"N"}"#, #"{"id":"CUST-0009","name":"N","phone":"1","phone":"2"}"#,
    ])
    func anOrderOrSpacingTheStoreNeverWritesIsLeftToTheFullDecoder(payload: String) {
        let unusual = line(type: "customer-added", payload: payload)
        #expect(lean(unusual) == nil)
        let full = Result { () throws(JournalLine.Damage) in try JournalLine.decodeFully(unusual) }
        #expect(full == Result { () throws(JournalLine.Damage) in try JournalLine.decode(unusual) })
    }

    /// A summary read eight bytes at a time still stops at a quote, an escape or a control
    /// character wherever it falls, and reads a plain one of any length whole.
    @Test func aLongTextIsReadWholeAndAnEscapeAnywhereInItIsSeen() throws {
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 40] {
            let plain = String(repeating: "a", count: length)
            let given = line(type: "contact-logged", payload: Self.contact.replacingOccurrences(of: #""S""#, with: "\"\(plain)\""))
            let quick = try #require(lean(given), "\(length)")
            #expect(quick == (try JournalLine.decodeFully(given)))
            // At each place: an escaped backslash, an escaped quote, a raw tab, a raw control character.
            for position in 0..<length {
                for odd in [#"\\"#, #"\""#, "\t", "\u{01}"] {
                    let spoilt = String(plain.prefix(position)) + odd + String(plain.dropFirst(position + 1))
                    let unusual = line(type: "contact-logged", payload: Self.contact.replacingOccurrences(of: #""S""#, with: "\"\(spoilt)\""))
                    #expect(lean(unusual) == nil, "\(length) \(position) \(odd.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    /// A string is read eight bytes at a time, then straight to its first quote, backslash or
    /// control byte: the same as reading it byte by byte, whatever bytes it holds and wherever.
    @Test func aStringReadsAsItWouldByteByByte() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xC3, 0xDC, 0xE2, 0xFF]
            + Array("abcxyz019".utf8)
        func plainly(_ bytes: [UInt8]) -> [UInt8]? {
            guard bytes.first == UInt8(ascii: "\"") else { return nil }
            for (index, byte) in bytes.enumerated().dropFirst() {
                if byte == UInt8(ascii: "\"") { return Array(bytes[1..<index]) }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            }
            return nil
        }
        for _ in 0..<5_000 {
            // Mostly plain letters, so that strings run long before something unusual.
            let body = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : UInt8(ascii: "q")
            }
            let bytes = [UInt8(ascii: "\"")] + body
            let read = bytes.withUnsafeBytes { raw -> [UInt8]? in
                var reader = LeanReader(raw)
                return reader.raw().map { Array($0) }
            }
            #expect(read == plainly(bytes), "\(bytes)")
        }
    }

    /// An enum case read by its bytes is the case `init(rawValue:)` gives for the same text, and
    /// nothing else is one.
    @Test func anEnumCaseReadByItsBytesIsTheOneItsRawValueNames() {
        func check<Value: CaseIterable & RawRepresentable & Sendable & Equatable>(_: Value.Type) where Value.RawValue == String {
            let cases = RawCases<Value>()
            var texts = Value.allCases.map(\.rawValue)
            texts += texts.flatMap { [String($0.dropLast()), $0 + "s", $0.uppercased(), " " + $0, $0 + "\u{301}", "\u{212A}" + $0] }
            texts += ["", "-", "caf\u{E9}", "\u{212A}"]
            for text in texts {
                let bytes = Array(text.utf8)
                #expect(bytes.withUnsafeBytes { cases.value(of: $0) } == Value(rawValue: text), "\(text.debugDescription)")
            }
        }
        check(Behaviour.self)
        check(Channel.self)
        check(ContactKind.self)
        check(CheckItem.self)
        check(CasebookCore.Category.self)
        check(RestrictionType.self)
        check(LongCases.self)
        check(LetterKind.self)
    }

    @Test func theReaderTakesPlainTokensAndRefusesTheRest() {
        func read<Value>(_ text: String, _ body: (inout LeanReader) -> Value?) -> Value? {
            Array(text.utf8).withUnsafeBytes { bytes in
                var reader = LeanReader(bytes)
                guard let value = body(&reader), reader.atEnd else { return nil }
                return value
            }
        }
        #expect(read("-0") { $0.integer() } == 0)
        #expect(read("1234") { $0.integer() } == 1234)
        for bad in ["", "01", "1e3", "1.5", "-", "9999999999999999999999"] { #expect(read(bad) { $0.integer() } == nil, "\(bad)") }
        #expect(read(#""plain""#) { $0.string() } == "plain")
        #expect(read(#""Zoë""#) { $0.string() } == "Zoë")
        for bad in [#""a"#, #""a\n""#, "\"a\tb\"", "a"] { #expect(read(bad) { $0.string() } == nil, "\(bad)") }
        let invalid = [UInt8(ascii: "\""), 0xFF, UInt8(ascii: "\"")]
        #expect(invalid.withUnsafeBytes { bytes in var reader = LeanReader(bytes); return reader.string() } == nil, "not UTF-8")
        #expect(read(#"["email","face-to-face"]"#) { $0.list(Channel.init(rawValue:)) } == [.email, .faceToFace])
        #expect(read("[]") { $0.list(Channel.init(rawValue:)) } == [])
        for bad in [#"["email",]"#, #"["email""#, #"["nope"]"#, "[1]"] { #expect(read(bad) { $0.list(Channel.init(rawValue:)) } == nil, "\(bad)") }
        #expect(read("true") { $0.bool() } == true)
        #expect(read("tru") { $0.bool() } == nil)
        // Fields: in order, each once, an optional one left out or null.
        func fields(_ text: String) -> String? {
            read(text) { reader -> String? in
                guard reader.begin(), reader.field("a"), let a = reader.integer(), let b = reader.optional("b", { $0.integer() }),
                      reader.field("c"), let c = reader.integer(), reader.end() else { return nil }
                return "\(a) \(b.map(String.init) ?? "-") \(c)"
            }
        }
        #expect(fields(#"{"a":1,"b":2,"c":3}"#) == "1 2 3")
        #expect(fields(#"{"a":1,"c":3}"#) == "1 - 3")
        #expect(fields(#"{"a":1,"b":null,"c":3}"#) == "1 - 3")
        for bad in [#"{"a":1,"c":3,"b":2}"#, #"{"b":2,"a":1,"c":3}"#, #"{"a":1,"b":2,"b":2,"c":3}"#, #"{"a":1, "c":3}"#, #"{"a":1,"c":3,}"#,
                    #"{"a":1,"b":"2","c":3}"#, #"{"a":1,"c":3}}"#] {
            #expect(fields(bad) == nil, "\(bad)")
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

/// Raw values around the 32 bytes a lean reader's table keeps in words, and longer.
private enum LongCases: String, CaseIterable, Sendable {
    case thirtyOne = "a-raw-value-of-thirty-one-bytes"
    case thirtyTwo = "a-raw-value-of-thirty-two-bytes!"
    case thirtyThree = "a-raw-value-of-thirty-three-bytes"
    case longer = "a-raw-value-far-longer-than-thirty-two-bytes"
    case longerStill = "a-raw-value-far-longer-than-thirty-two-bytes-and-then-some"
}
