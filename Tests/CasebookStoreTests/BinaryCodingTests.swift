import CasebookCore
import CasebookSynthetic
import Foundation
import Testing
@testable import CasebookStore

@Suite struct BinaryCodingTests {
    struct Sample: Codable, Equatable {
        var name: String
        var count: Int
        var negative: Int
        var flag: Bool
        var maybe: String?
        var nothing: Day?
        var list: [String]
        var byName: [String: Int]
        var byID: [CaseID: [Int]]
        var set: Set<Category>
        var nested: [Sample]
    }

    @Test func valuesReadBackAsWritten() throws {
        let inner = Sample(name: "", count: 0, negative: -1, flag: false, maybe: nil, nothing: nil, list: [], byName: [:], byID: [:],
                           set: [], nested: [])
        let value = Sample(name: "Zoë 山田", count: 300, negative: -123_456_789, flag: true, maybe: "x", nothing: Day("2026-01-05"),
                           list: ["a", "", "c"], byName: ["b": 2, "a": 1], byID: [CaseID("CASE-0002")!: [1, 2]],
                           set: [.persistent, .complex], nested: [inner, inner])
        let bytes = try BinaryCoding.encode(value)
        #expect(try BinaryCoding.decode(Sample.self, from: bytes) == value)
    }

    @Test func aRegisterReadsBackAsWritten() throws {
        let register = try syntheticRegister(cases: 200)
        #expect(register.cases.count == 200)
        let bytes = try BinaryCoding.encode(register)
        let decoded = try BinaryCoding.decode(Register.self, from: bytes)
        #expect(decoded == register)
    }

    enum Shape: Codable, Equatable {
        case circle(radius: Int)
        case named(String, Day?)
        case none
    }

    struct Holder: Codable, Equatable {
        var shapes: [String: Shape]
        var later: Shape
        var list: [Shape]
    }

    @Test func enumsWithPayloadsInsideDictionariesReadBack() throws {
        let value = Holder(shapes: ["b": .named("x", nil), "a": .circle(radius: 3), "c": .none],
                           later: .named("y", Day("2026-02-02")), list: [.none, .circle(radius: -1)])
        let bytes = try BinaryCoding.encode(value)
        #expect(try BinaryCoding.decode(Holder.self, from: bytes) == value)
        // Field names are written once: a long list costs little more per element than its values.
        let many = try BinaryCoding.encode(Array(repeating: value, count: 100))
        #expect(many.count < bytes.count * 100 * 3 / 5)
    }

    @Test func aSnapshotBodyInPiecesReadsBackWhateverTheSize() throws {
        for cases in [0, 1, 3, 57] {
            let register = try syntheticRegister(cases: cases, seed: 9)
            let body = try Snapshot.encodeBody(register)
            #expect(try Snapshot.decodeBody(body, at: 0) == register, "\(cases) cases")
            #expect(throws: (any Error).self) { try Snapshot.decodeBody(Array(body.dropLast()), at: 0) }
        }
    }

    @Test func truncatedOrExtendedBytesAreRefused() throws {
        let bytes = try BinaryCoding.encode(["a": [1, 2, 3]])
        #expect(throws: (any Error).self) { try BinaryCoding.decode([String: [Int]].self, from: Array(bytes.dropLast())) }
        #expect(throws: (any Error).self) { try BinaryCoding.decode([String: [Int]].self, from: bytes + [0]) }
    }
}
