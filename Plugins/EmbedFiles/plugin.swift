import Foundation
import PackagePlugin

/// Puts files of the source tree inside a target's code at build time, so that the release binary
/// copied alone to another machine still has them: the themes (CasebookTUI) and the sample
/// register (casebook). The generated `EmbeddedFiles` maps each file's path in the package to its
/// bytes (base64: a string literal compiles in no time, an array literal of bytes does not).
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let names: [String]
        switch target.name {
        case "CasebookTUI":
            let themes = root.appending(path: "Themes")
            names = try FileManager.default.contentsOfDirectory(atPath: themes.path).filter { $0.hasSuffix(".toml") }.sorted()
                .map { "Themes/" + $0 }
        case "casebook":
            let letters = root.appending(path: "SampleData/store/letters")
            let kept = ((try? FileManager.default.contentsOfDirectory(atPath: letters.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            names = ["SampleData/reference-date", "SampleData/store/casebook-store", "SampleData/store/head",
                     "SampleData/store/journal.jsonl", "SampleData/store/settings.json"] + kept.map { "SampleData/store/letters/" + $0 }
        default:
            return []
        }
        let inputs = names.map { root.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [.buildCommand(displayName: "Embedding \(names.count) files in \(target.name)",
                              executable: try context.tool(named: "embed-files").url,
                              arguments: [output.path, root.path] + names,
                              inputFiles: inputs, outputFiles: [output])]
    }
}
