import CasebookCore
import Testing
@testable import CasebookTUI

/// Key handling, from the registry.
@Suite struct UpdateTests {
    @Test func tabsByNumberAndArrows() {
        var model = sampleModel()
        model.press(.character("3"))
        #expect(model.tab == .register)
        model.press(.right)
        #expect(model.tab == .queues)
        model.press(.left, .left)
        #expect(model.tab == .people)
        // On People letters are typed into the search; arrows still change screens.
        model.press(.character("["))
        #expect(model.tab == .people && model.filters[.people] == "[")
        model.press(.escape, .escape, .left, .left)
        #expect(model.tab == .reports)
    }

    @Test func movementStaysInRangeAndInView() {
        var model = sampleModel(width: 80, height: 24)
        model.press(.end)
        #expect(model.lists[.cases]?.selected == model.count(.cases) - 1)
        #expect(model.screen.contains("▸ CASE-0041"))
        model.press(.down)
        #expect(model.lists[.cases]?.selected == model.count(.cases) - 1)
        model.press(.home, .up)
        #expect(model.lists[.cases]?.selected == 0)
        model.press(.pageDown)
        #expect(model.lists[.cases]?.selected == model.listHeight - 1)
    }

    @Test func qClosesTheDetailBeforeQuitting() {
        var model = sampleModel()
        model.press(.enter)
        #expect(model.detailOpen)
        model.press(.character("q"))
        #expect(!model.detailOpen && !model.quit)
        model.press(.character("q"))
        #expect(model.quit)
    }

    @Test func sortCyclesAndKeepsFilters() {
        var model = sampleModel()
        model.press(.character("s"))
        #expect(model.caseSort == .customer)
        #expect(model.rows.cases[model.selectedIndex(.cases)!].customer == "Agnieszka Kowalczyk")
        model.press(.character("s"), .character("s"))
        #expect(model.caseSort == .due)
        #expect(model.selectedID(in: .cases) == "CASE-0033")  // the earliest due date first
    }

    @Test func filteringIgnoresCaseAndAccentsAndEscClears() {
        var model = sampleModel()
        model.press(.character("/"))
        model.type("LUCJA")
        #expect(model.count(.cases) == 2)  // Łucja Dąbrowska's two cases
        #expect(model.selectedID(in: .cases) == "CASE-0013")
        model.press(.escape)
        #expect(!model.filtering)
        #expect(model.count(.cases) == model.rows.cases.count)
    }

    @Test func thePaletteRunsACommandByName() {
        var model = sampleModel()
        model.press(.character(":"))
        model.type("queue")
        model.press(.enter)
        #expect(model.tab == .queues)
        #expect(model.overlay == nil)
    }

    @Test func helpIsGeneratedFromTheRegistry() {
        var model = sampleModel(width: 120, height: 50)
        model.press(.character("?"))
        let screen = model.screen
        for binding in Registry.applicable(sampleModel()) { #expect(screen.contains(binding.summary), "\(binding.name)") }
        model.press(.character("x"))
        #expect(model.overlay == nil)
    }

    @Test func statusBarHintsComeFromTheRegistry() {
        let model = sampleModel(width: 140, height: 30)
        let status = View.render(model).lines.last ?? ""
        for hint in Registry.applicable(model).compactMap(\.hint) { #expect(status.contains(hint)) }
        #expect(status.contains("Helen Banks (head-of-service)"))
    }

    @Test func theCursorFollowsTheSelectedRow() {
        var model = sampleModel()
        model.press(.down, .down)
        let buffer = View.render(model)
        #expect(buffer.cursor?.y == 4)
        #expect(buffer.lines[4].hasPrefix("▸ CASE-0003"))
    }

    @Test func tooSmallStillQuitsWithQ() {
        var model = sampleModel(width: 40, height: 10)
        model.press(.character("2"))
        #expect(model.tab == .cases, "nothing but q works when too small")
        model.press(.character("q"))
        #expect(model.quit)
    }
}

@Suite struct NarrowingTests {
    @Test func typingNarrowsAndBackspaceWidensToTheSameResults() {
        var typed = sampleModel()
        typed.press(.character("2"))
        typed.type("a")
        let wide = typed.count(.people)
        typed.type("n")
        let narrowed = typed.visible[.people]
        typed.press(.backspace)
        #expect(typed.count(.people) == wide)
        var fresh = sampleModel()
        fresh.press(.character("2"))
        fresh.type("an")
        #expect(fresh.visible[.people] == narrowed)
        #expect(narrowed?.isEmpty == false)
    }
}

@Suite struct SwitchActorJumpTests {
    @Test func aLetterJumpsToAName() {
        var model = sampleModel()
        model.press(.character("u"), .character("d"))
        guard case .switchActor(let state)? = model.overlay else { Issue.record("no list"); return }
        #expect(model.switchableStaff[state.selected].name == "Dalvinder Kaur")
        let effects = model.press(.enter)
        #expect(effects == [.switchActor("dkaur")])
    }
}

@Suite struct FoldedTextTests {
    @Test func byteMatchingAgreesWithCharacters() {
        let texts = ["zoe brown cust-0001 12 mill lane", "", "lodz l", "山田太郎 st4 2ar"]
        for text in texts {
            for query in ["zoe", "brown zoe", "st42ar", "mill lane", "", "x", "山田", "st4 2ar"] {
                let words = query.split(separator: " ").map(String.init)
                #expect(FoldedText.contains(text, all: words.map { Array($0.utf8) }) == words.allSatisfy(text.contains), "\(text) / \(query)")
            }
        }
    }
}
