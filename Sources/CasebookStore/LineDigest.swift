#if canImport(CCryptoBoringSSL)
import CCryptoBoringSSL
#else
import Crypto
#endif

extension RecordHash {
    /// The SHA-256 of `content` followed by the one byte `last`, as a journal line's hash is worked
    /// out (its bytes up to `,"hash":`, closed with `}`), without copying the line.
    ///
    /// A replay works out a million of these. Where swift-crypto is built on BoringSSL (Linux), its
    /// hash is called with the state on the stack: swift-crypto's `SHA256()` allocates a context
    /// object for each hash, one allocation per journal line. The digest is the same either way
    /// (`RecordHashTests` holds the two to the same answers at every length around a block).
    static func sha256(of content: UnsafeRawBufferPointer, closedWith last: UInt8) -> RecordHash {
        #if canImport(CCryptoBoringSSL)
        var state = SHA256_CTX()
        var last = last
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        CCryptoBoringSSL_SHA256_Init(&state)
        if let base = content.baseAddress { CCryptoBoringSSL_SHA256_Update(&state, base, content.count) }
        CCryptoBoringSSL_SHA256_Update(&state, &last, 1)
        withUnsafeMutableBytes(of: &digest) { out in
            _ = CCryptoBoringSSL_SHA256_Final(out.baseAddress!.assumingMemoryBound(to: UInt8.self), &state)
        }
        return withUnsafeBytes(of: digest) { RecordHash(bigEndianBytes: $0.baseAddress!) }
        #else
        var hasher = SHA256()
        hasher.update(bufferPointer: content)
        withUnsafeBytes(of: last) { hasher.update(bufferPointer: $0) }
        return RecordHash(hasher.finalize())
        #endif
    }
}
