import Foundation

/// `count` values, the one at each index made by `make`, on every core when there are many (each
/// value stands alone), handed back in index order without being copied or moved again.
package func inOrder<Value: Sendable>(count: Int, atLeast perBlock: Int = 4_096, _ make: @Sendable (Int) -> Value) -> [Value] {
    guard count >= 2 * perBlock else { return (0..<count).map(make) }
    // Many more blocks than cores, so that no core is left waiting long on the last one.
    let blocks = min((count + perBlock - 1) / perBlock, 16 * ProcessInfo.processInfo.activeProcessorCount)
    return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
        // Each slot is written once, by the one block that holds its index: no two threads share one.
        nonisolated(unsafe) let base = buffer.baseAddress
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            for index in (count * block / blocks)..<(count * (block + 1) / blocks) { (base! + index).initialize(to: make(index)) }
        }
        initialized = count
    }
}
