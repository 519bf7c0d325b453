import Foundation

/// `count` values, the one at each index made by `make`, on every core when there are many (each
/// value stands alone), handed back in index order without being copied or moved again.
package func inOrder<Value: Sendable>(count: Int, atLeast perBlock: Int = 4_096, _ make: @Sendable (Int) -> Value) -> [Value] {
    guard count >= 2 * perBlock else { return (0..<count).map(make) }
    let blocks = min((count + perBlock - 1) / perBlock, 4 * ProcessInfo.processInfo.activeProcessorCount)
    return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        let slots = Slots(base: base)
        // Each slot is written once, by the one block that holds its index.
        DispatchQueue.concurrentPerform(iterations: blocks) { block in
            for index in (count * block / blocks)..<(count * (block + 1) / blocks) { slots.set(index, make(index)) }
        }
        initialized = count
    }
}

/// Uninitialised slots that several threads fill, no two the same slot.
private struct Slots<Value>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Value>

    func set(_ index: Int, _ value: consuming Value) { (base + index).initialize(to: value) }
}
