import Foundation
import TOMLKit

/// Themes as TOML files (Themes/ in the source tree, carried inside the binary, or a file of the
/// user's own): each semantic role mapped to colours and attributes.
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

    /// A built-in theme's TOML, as the binary carries it (from Themes/ when it was built).
    public static func builtInText(_ name: String) -> String? {
        EmbeddedFiles.files["Themes/\(name).toml"].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Why no theme could be chosen.
    public struct Unknown: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The theme to use: NO_COLOR chooses monochrome; else `name`: a built-in theme's name, a
    /// theme in one of the user's `folders` (CASEBOOK_THEMES), or a path to a `.toml` file, read
    /// with `read` (as the user, on a protected install). A name that is none of these is refused;
    /// a file that cannot be used gives the default theme and a message saying what was wrong.
    public static func choose(_ name: String?, folders: [String] = [], noColor: Bool,
                              read: (String) -> [UInt8]? = { FileManager.default.contents(atPath: $0).map(Array.init) })
        -> Result<(theme: Theme, problem: String?), Unknown> {
        let wanted = noColor ? "monochrome" : (name ?? "default")
        let isPath = wanted.hasSuffix(".toml") || wanted.contains("/")
        let text: String, file: String
        if !isPath, let builtIn = builtInText(wanted) {
            (text, file) = (builtIn, wanted)
        } else if let path = (isPath ? [wanted] : folders.map { "\($0)/\(wanted).toml" }).first(where: { read($0) != nil }),
                  let bytes = read(path) {
            (text, file) = (String(decoding: bytes, as: UTF8.self), path)
        } else {
            return .failure(Unknown(description: isPath
                ? "The theme file \(wanted) cannot be read. Name a .toml file you can read, or one of the built-in themes: "
                    + "\(builtInNames.joined(separator: ", "))."
                : "There is no theme '\(wanted)'. The themes are \(builtInNames.joined(separator: ", ")), or name a .toml "
                    + "file of your own (see Themes/ in Casebook's source for the format)."))
        }
        switch parse(text, file: file) {
        case .success(let theme): return .success((theme, nil))
        case .failure(let problem): return .success((noColor ? .monochrome : .standard, problem.description))
        }
    }
}
