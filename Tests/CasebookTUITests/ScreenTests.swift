import CasebookCore
import Testing
@testable import CasebookTUI

@Suite struct ScreenTests {
    @Test func printSample() {
        var model = sampleModel(width: 120, height: 40)
        print(model.screen)
        model.press(.character("2"))
        model.type("zoe")
        model.press(.enter, .enter)
        print(model.screen)
        model = sampleModel()
        print(model.screen)
        model.press(.character("4"))
        print(model.screen)
    }
}
