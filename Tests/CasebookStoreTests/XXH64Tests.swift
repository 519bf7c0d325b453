@testable import CasebookStore
import Testing

struct XXH64Tests {
    // Reference digests from the xxHash project's implementation (Python `xxhash.xxh64`).
    @Test(arguments: [
        ("", "ef46db3751d8e999"),
        ("abc", "44bc2cf5ad770999"),
        ("Casebook search index, 37 bytes long!", "afaabd685264f11c"),
    ])
    func matchesTheReferenceImplementation(text: String, digest: String) {
        #expect(XXH64.hex(Array(text.utf8)) == digest)
    }

    @Test func coversEveryTailLength() {
        // 768 bytes: whole 32-byte stripes; then the 8-, 4- and 1-byte tails on the way down.
        let bytes = (0..<3).flatMap { _ in (0...255).map(UInt8.init) }
        #expect(XXH64.hex(bytes) == "8e03c838c596036f")
        var seen = Set<String>()
        for count in 0...40 { seen.insert(XXH64.hex(Array(bytes.prefix(count)))) }
        #expect(seen.count == 41)
    }

    @Test func slicesHashLikeTheirBytes() {
        let bytes = Array("xxabcxx".utf8)
        #expect(bytes[2..<5].withUnsafeBytes { XXH64.hex($0) } == "44bc2cf5ad770999")
    }
}
