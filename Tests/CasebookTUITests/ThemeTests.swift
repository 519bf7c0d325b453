import Foundation
import Testing
@testable import CasebookTUI

@Suite struct ThemeTests {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Themes").path
    }()

    @Test(arguments: ThemeFile.builtInNames)
    func bundledThemesParse(name: String) throws {
        let text = try String(contentsOfFile: Self.folder + "/\(name).toml", encoding: .utf8)
        let theme = try ThemeFile.parse(text, file: name).get()
        #expect(theme.name == name)
        // Selection and emphasis never rest on colour alone.
        #expect(theme.style(.selection).reverse || theme.style(.selection).bold)
        #expect(theme.style(.danger).bold)
    }

    @Test func monochromeUsesNoColour() throws {
        let text = try String(contentsOfFile: Self.folder + "/monochrome.toml", encoding: .utf8)
        let theme = try ThemeFile.parse(text, file: "monochrome").get()
        #expect(!theme.usesColour)
        #expect(theme.styles.values.allSatisfy { $0.foreground == .default && $0.background == .default })
    }

    @Test func noColorChoosesMonochrome() throws {
        let (theme, problem) = try ThemeFile.choose("high-contrast", noColor: true).get()
        #expect(theme.name == "monochrome")
        #expect(problem == nil)
    }

    /// The binary carries the built-in themes as they are in Themes/, so that a copy of it alone works.
    @Test(arguments: ThemeFile.builtInNames)
    func builtInThemesAreCarriedInTheBinary(name: String) throws {
        #expect(ThemeFile.builtInText(name) == (try String(contentsOfFile: Self.folder + "/\(name).toml", encoding: .utf8)))
        let (theme, problem) = try ThemeFile.choose(name, noColor: false, read: { _ in nil }).get()
        #expect(theme.name == name)
        #expect(problem == nil)
    }

    @Test func aMalformedFileNamesTheFileAndLine() {
        let broken = "name = \"broken\"\n\n[roles.selection]\nreverse = tru\n"
        guard case .failure(let problem) = ThemeFile.parse(broken, file: "/tmp/broken.toml") else {
            Issue.record("parsed a broken file")
            return
        }
        #expect(problem.line == 4)
        #expect(problem.description.contains("/tmp/broken.toml (line 4)"))
        #expect(problem.description.contains("default theme is used"))
    }

    @Test func unknownRolesAndColoursNameTheirLine() {
        let role = "name = \"x\"\n[roles.selection]\nreverse = true\n[roles.sparkle]\nbold = true\n"
        guard case .failure(let first) = ThemeFile.parse(role, file: "x.toml") else { Issue.record("accepted"); return }
        #expect(first.line == 4)
        #expect(first.reason.contains("'sparkle' is not a role"))
        let colour = "[roles.danger]\nbold = true\nforeground = \"purpel\"\n"
        guard case .failure(let second) = ThemeFile.parse(colour, file: "x.toml") else { Issue.record("accepted"); return }
        #expect(second.line == 3)
    }

    @Test func anUnknownThemeIsRefusedAndABrokenFileFallsBackToTheDefault() throws {
        guard case .failure(let unknown) = ThemeFile.choose("sparkly", folders: [Self.folder + "/nowhere"], noColor: false) else {
            Issue.record("an unknown theme was accepted")
            return
        }
        #expect(unknown.description.contains("There is no theme 'sparkly'"))
        #expect(unknown.description.contains("default, high-contrast, light, monochrome"))
        let path = NSTemporaryDirectory() + "casebook-broken-\(getpid()).toml"
        try "[roles.selection\nreverse = true\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (fallback, message) = try ThemeFile.choose(path, noColor: false).get()
        #expect(fallback == .standard)
        #expect(message?.contains("line 1") == true)
        #expect(throws: ThemeFile.Unknown.self) { try ThemeFile.choose(path + ".missing.toml", noColor: false).get() }
    }
}

@Suite struct WidthTests {
    @Test func namesInAnyScriptRenderAtTheirTrueWidth() {
        #expect(DisplayWidth.of("山田太郎") == 8)
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("Zoe\u{0308}") == 3)
        #expect(DisplayWidth.of("محمد") == 4)
        #expect(DisplayWidth.of("Łucja Dąbrowska") == 15)
        #expect(DisplayWidth.of("김민준") == 6)
        #expect(DisplayWidth.truncate("山田太郎", to: 5) == "山田…")
        #expect(DisplayWidth.pad("山田", to: 6) == "山田  ")
    }

    @Test func wideCharactersTakeTwoCellsInTheBuffer() {
        var buffer = CellBuffer(width: 10, height: 1)
        let used = buffer.put("王芳 Li", x: 0, y: 0)
        #expect(used == 7)
        #expect(buffer[0, 0].text == "王" && buffer[0, 0].width == 2)
        #expect(buffer[1, 0].width == 0)
        #expect(buffer.lines == ["王芳 Li"])
        var clipped = CellBuffer(width: 3, height: 1)
        clipped.put("王芳", x: 0, y: 0)
        #expect(clipped.lines == ["王"], "a wide character that does not fit is not split")
    }

    @Test func aNonUTF8TerminalGetsASCIIBorders() {
        var model = sampleModel(width: 120, height: 30)
        model.useASCII = true
        model.press(.character("?"))
        let screen = model.screen
        #expect(screen.contains("+-"))
        #expect(screen.contains("|"))
        #expect(!screen.contains("│") && !screen.contains("┌"))
        #expect(screen.contains("> CASE-0001") || screen.contains(">"))
    }
}
