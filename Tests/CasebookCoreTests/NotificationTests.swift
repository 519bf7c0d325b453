import Testing
@testable import CasebookCore

@Suite struct NotificationTests {
    @Test func needToKnowNotificationsFollowADecision() throws {
        var f = Fixture()
        let open = try f.openCase()
        #expect(f.refusal(.notify(open, recipients: ["sam"]), as: "olivia")?.paragraph == "5.2.4")
        let id = try f.appliedCase(services: ["housing"])
        #expect(f.refusal(.notify(id, recipients: []), as: "olivia")?.field == .to)
        #expect(f.refusal(.notify(id, recipients: ["ghost"]), as: "olivia")?.field == .to)
        let outcome = try f.run(.notify(id, recipients: ["sam", "wasim", "sam"]), as: "olivia")
        #expect(f.register.cases[id]?.notifications.first?.recipients == ["sam", "wasim"])
        // Wasim manages waste, which this housing case does not concern.
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.paragraph == "5.2.4")
    }
}
