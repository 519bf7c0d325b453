import Foundation
import Testing

/// The council's list of service areas, kept in the settings by an administrator (16).
@Suite(.serialized) struct SettingsTests {
    @Test func theCouncilsServiceAreasAreKeptAndCheckedAgainst() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let customer = cli.ok(["customer", "add", "--name", "Zoë Brown"])

        let refused = cli.run(["settings", "add-service-area", "environmental-health"], as: "ofarrell")
        #expect(refused.status == 1 && refused.err.contains("Only an administrator"))
        #expect(cli.run(["settings", "add-service-area", "!!!"], as: "admin").status == 2)
        let started = cli.ok(["settings", "add-service-area", "Environmental Health"], as: "admin")
        #expect(started.contains("customer-services, environmental-health, housing, waste"), "started from the areas in use: \(started)")
        #expect(cli.run(["settings", "add-service-area", "housing"], as: "admin").err.contains("already one of the council's"))

        let slip = cli.run(["case", "open", "--customer", customer, "--title", "Noise", "--service", "enviromental-health"])
        #expect(slip.status == 0)
        #expect(slip.err.contains("not one of the council's service areas; did you mean 'environmental-health'?"), "\(slip.err)")
        let listed = cli.run(["case", "open", "--customer", customer, "--title", "Noise", "--service", "environmental-health"])
        #expect(listed.status == 0 && !listed.err.contains("warning"), "\(listed.err)")

        cli.ok(["settings", "remove-service-area", "waste"], as: "admin")
        #expect(cli.run(["settings", "remove-service-area", "waste"], as: "admin").err.contains("is not on the list"))
        let settings = try JSONSerialization.jsonObject(with: Data(cli.ok(["settings", "show"]).utf8)) as? [String: Any]
        #expect(settings?["serviceAreas"] as? [String] == ["customer-services", "environmental-health", "housing"])
        // Who changed the settings, and when, is in the audit.
        #expect(cli.ok(["audit", "--json"], as: "admin").contains("settings"))
    }
}
