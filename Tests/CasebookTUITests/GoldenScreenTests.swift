import CasebookCore
import Foundation
import Testing
@testable import CasebookTUI

/// Each screen rendered headlessly and compared with files in Golden/: its text (tig's method) and
/// its styles, one letter of `StyleRole.code` per cell (ratatui's buffer comparison), so that a
/// restriction no longer drawn as one, or a selection lost, fails as surely as a changed word.
/// Run with CASEBOOK_UPDATE_GOLDEN=1 to write the files after a deliberate change, then read the diff.
@Suite struct GoldenScreenTests {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.appendingPathComponent("Golden").path
    }()

    func check(_ name: String, _ model: AppModel, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let buffer = View.render(model)
        let text = buffer.text + "\n"
        // Each style row under its text row, marked, so that a diff reads as the screen.
        let styles = zip(buffer.lines, buffer.styleLines).map { "  " + $0 + "\n| " + $1 }.joined(separator: "\n") + "\n"
        let path = Self.folder + "/" + name + ".txt", stylePath = Self.folder + "/" + name + ".styles"
        if ProcessInfo.processInfo.environment["CASEBOOK_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try styles.write(toFile: stylePath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == expected, "\(name) differs from Golden/\(name).txt:\n\(text)", sourceLocation: sourceLocation)
        let expectedStyles = try String(contentsOfFile: stylePath, encoding: .utf8)
        #expect(styles == expectedStyles, "\(name)'s styles differ from Golden/\(name).styles:\n\(styles)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func cases(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down)
        try check("cases-\(width)x\(height)", model)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func personWithAnAccentedName(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("2"))
        model.type("zoe")
        model.press(.enter, .enter)
        try check("people-zoe-\(width)x\(height)", model)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func personOnTheRegister(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("2"))
        model.type("mia hughes")
        model.press(.enter)
        try check("people-register-preview-\(width)x\(height)", model)
        model.press(.enter)
        try check("people-register-open-\(width)x\(height)", model)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func register(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("3"), .down, .down)
        try check("register-\(width)x\(height)", model)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func queues(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("4"))
        try check("queues-\(width)x\(height)", model)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func conferences(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("5"), .enter)
        try check("conferences-\(width)x\(height)", model)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func caseDetailWithRestrictions(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("/"))
        model.type("CASE-0023")
        model.press(.enter, .enter)
        try check("case-restricted-\(width)x\(height)", model)
    }

    @Test func belowTheMinimum() throws {
        try check("too-small-50x10", sampleModel(width: 50, height: 10))
        try check("too-small-63x24", sampleModel(width: 63, height: 24))
    }

    @Test func help() throws {
        var model = sampleModel()
        model.press(.character("?"))
        try check("help-80x24", model)
    }

    @Test func switchActor() throws {
        var model = sampleModel()
        model.press(.character("u"))
        try check("switch-actor-80x24", model)
    }
}

extension GoldenScreenTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func reports(width: Int, height: Int) throws {
        var model = sampleModel(width: width, height: height)
        model.press(.character("6"))
        try check("reports-\(width)x\(height)", model)
    }
}
