import CasebookCore
import CasebookSynthetic
import Testing

/// A replay puts off what each case derives (which cases may be waiting, which have reminders,
/// what each puts before decision-makers) until its lines are applied; the register it leaves
/// must be the one applying them one by one leaves, at every point it is derived.
@Suite struct PutOffDerivationTests {
    @Test func aReplayWithItsDerivationPutOffLeavesTheSameRegister() throws {
        var register = Register()
        var events: [(actor: Login, event: Event)] = []
        let context = Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!)
        for event in try register.perform(.initialise(name: "Admin"), in: context).events { events.append((SyntheticRegister.admin, event)) }
        let synthetic = SyntheticRegister(cases: 200, seed: 11)
        for step in synthetic {
            let outcome = try register.perform(step.command, in: Context(actor: step.actor, today: step.today))
            for event in outcome.events { events.append((step.actor, event)) }
        }
        let today = synthetic.referenceDate, calendar = WorkingDayCalendar()
        // Derived at points along the way (as verify derives where it compares), and at the end.
        // On one core, and on two (as a large register is).
        for (stops, twoCoresFrom) in [([events.count], 4_096), ([events.count / 3, events.count / 2, events.count], 4_096),
                                      ([events.count / 3, events.count], 0)] {
            var replayed = Register()
            replayed.putOffDerivedViews()
            var applied = 0
            for stop in stops {
                while applied < stop {
                    replayed.apply(events[applied].event, by: events[applied].actor)
                    applied += 1
                }
                replayed.derivePutOffViews(onTwoCoresFrom: twoCoresFrom)
                let oneByOne = Register(replaying: events.prefix(stop))
                #expect(replayed == oneByOne, "derived at \(stop) of \(events.count)")
                #expect(replayed.casesMayBeWaiting == oneByOne.casesMayBeWaiting && replayed.deciderViews == oneByOne.deciderViews
                        && replayed.casesWithOpenReminders == oneByOne.casesWithOpenReminders)
                for login in ["hcs", "oadams", nil] as [Login?] {
                    #expect(replayed.queue(on: today, for: login, calendar: calendar) == oneByOne.queue(on: today, for: login, calendar: calendar))
                }
                replayed.putOffDerivedViews()
            }
            replayed.derivePutOffViews()
            #expect(!replayed.deciderViews.isEmpty && !replayed.casesMayBeWaiting.isEmpty)
        }
    }

    @Test func whatIsPutOffIsNotYetDerived() throws {
        var register = Register()
        let context = Context(actor: SyntheticRegister.admin, today: Day("2020-01-01")!)
        _ = try register.perform(.initialise(name: "Admin"), in: context)
        let synthetic = SyntheticRegister(cases: 40, seed: 3)
        var events: [(actor: Login, event: Event)] = []
        var whole = register
        for step in synthetic {
            let outcome = try whole.perform(step.command, in: Context(actor: step.actor, today: step.today))
            for event in outcome.events { events.append((step.actor, event)) }
        }
        register.putOffDerivedViews()
        for (actor, event) in events { register.apply(event, by: actor) }
        // Put off: the views are not there until they are derived.
        #expect(register.deciderViews.isEmpty && !whole.deciderViews.isEmpty)
        register.derivePutOffViews()
        #expect(register.deciderViews == whole.deciderViews)
    }
}
