import CasebookCore

extension Store {
    /// One step of a batch: a command, who gives it, and the day it is given on.
    public struct Step: Sendable {
        public var command: Command
        public var actor: Login
        public var today: Day

        public init(_ command: Command, as actor: Login, on today: Day) {
            self.command = command
            self.actor = actor
            self.today = today
        }
    }

    /// Validates and records many commands under one lock with one write and one fdatasync: for
    /// building sample and synthetic registers. Every command goes through the same domain rules as
    /// `execute`; the first refusal stops the batch and nothing of it is written.
    @discardableResult
    public func executeBatch(_ steps: [Step]) throws(StoreError) -> [Outcome] {
        guard readOnlyReason == nil, let lock else { throw .readOnly(readOnlyReason ?? "the store has no lock") }
        try lock.acquire(timeout: options.lockTimeout, holder: options.holder)
        defer { lock.release() }
        try catchUp(repairing: true)
        var working = register
        // Many steps: each new customer is looked up among the others, not compared with them all.
        if steps.count > 100 { working.indexCustomersForDuplicates() }
        var outcomes: [Outcome] = []
        var entries: [(JournalEntry, Login)] = []
        for (index, step) in steps.enumerated() {
            let context = settings.context(actor: step.actor, today: step.today)
            switch working.execute(step.command, in: context) {
            case .failure(let refusal):
                throw .badInput("step \(index + 1) of the batch was refused: \(refusal)")
            case .success(let outcome):
                for event in outcome.events {
                    working.apply(event, by: step.actor)
                    entries.append((.domain(event), step.actor))
                }
                outcomes.append(outcome)
            }
        }
        try append(entries)
        return outcomes
    }
}
