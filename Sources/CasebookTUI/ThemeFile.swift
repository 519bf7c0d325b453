import Foundation
import TOMLKit

/// Themes as TOML files (Themes/ in the source tree, or a store's own `themes/` folder): each
/// semantic role mapped to colours and attributes.
public enum ThemeFile {
    public static let builtInNames = ["default", "high-contrast", "light", "monochrome"]

    /// What is wrong with a theme file, naming the file and line.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int?
        public let reason: String

        public var description: String {
            "The theme \(file)\(line.map { " (line \($0))" } ?? "") cannot be used: \(reason). The default theme is used instead."
        }
    }

    public static func parse(_ text: String, file: String) -> Result<Theme, Problem> {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return .failure(Problem(file: file, line: error.source.begin.line, reason: error.description))
        } catch {
            return .failure(Problem(file: file, line: nil, reason: "\(error)"))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(of needle: String, after start: Int = 0) -> Int? {
            lines.indices.dropFirst(start).first { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(needle) }.map { $0 + 1 }
        }
        var theme = Theme(name: table["name"]?.string ?? file, usesColour: table["colour"]?.bool ?? true, styles: [:])
        guard let roles = table["roles"]?.table else {
            return .failure(Problem(file: file, line: nil, reason: "it has no [roles.NAME] sections"))
        }
        for name in roles.keys {
            let section = line(of: "[roles.\(name)]") ?? 1
            guard let role = StyleRole(rawValue: name) else {
                return .failure(Problem(file: file, line: section, reason: "'\(name)' is not a role (the roles are "
                    + StyleRole.allCases.map(\.rawValue).joined(separator: ", ") + ")"))
            }
            guard let entries = roles[name]?.table else {
                return .failure(Problem(file: file, line: section, reason: "roles.\(name) must be a table"))
            }
            var style = Style()
            for key in entries.keys {
                let at = line(of: key, after: section) ?? section
                switch key {
                case "foreground", "background":
                    guard let text = entries[key]?.string, let colour = Colour(rawValue: text) else {
                        return .failure(Problem(file: file, line: at, reason: "\(key) must be one of "
                            + Colour.allCases.map(\.rawValue).joined(separator: ", ")))
                    }
                    if key == "foreground" { style.foreground = colour } else { style.background = colour }
                case "bold", "reverse", "underline", "dim":
                    guard let value = entries[key]?.bool else {
                        return .failure(Problem(file: file, line: at, reason: "\(key) must be true or false"))
                    }
                    switch key {
                    case "bold": style.bold = value
                    case "reverse": style.reverse = value
                    case "underline": style.underline = value
                    default: style.dim = value
                    }
                default:
                    return .failure(Problem(file: file, line: at, reason: "'\(key)' is not a style setting (foreground, "
                        + "background, bold, reverse, underline, dim)"))
                }
            }
            theme.styles[role] = style
        }
        return .success(theme)
    }

    /// The theme to use: NO_COLOR chooses monochrome; else `name` (a theme's name, or a path to a
    /// .toml file) looked up in `folders`. A missing or malformed file gives the default theme and
    /// a message saying what was wrong.
    public static func choose(_ name: String?, folders: [String], noColor: Bool) -> (theme: Theme, problem: String?) {
        let wanted = noColor ? "monochrome" : (name ?? "default")
        let candidates = wanted.hasSuffix(".toml") ? [wanted] : folders.map { "\($0)/\(wanted).toml" }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            let fallback: Theme = wanted == "monochrome" ? .monochrome : .standard
            if wanted == "default" || wanted == "monochrome" { return (fallback, nil) }
            return (.standard, "There is no theme '\(wanted)' (the themes are \(builtInNames.joined(separator: ", "))). "
                + "The default theme is used.")
        }
        switch parse(text, file: path) {
        case .success(let theme): return (theme, nil)
        case .failure(let problem): return (noColor ? .monochrome : .standard, problem.description)
        }
    }
}
