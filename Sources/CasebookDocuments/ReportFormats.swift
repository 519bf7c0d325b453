import CasebookCore
/// The report as plain text with bars, as CSV, and as a printable HTML page whose charts are
/// inline SVG (no network, no JavaScript).
extension Report {
    public var title: String { "Unacceptable behaviour register: report for \(from.british) to \(to.british)" }

    public func text(barWidth: Int = 30) -> String {
        var lines = [title, ""]
        for section in sections {
            lines.append(section.title)
            let top = max(1, section.rows.map(\.value).max() ?? 1)
            let labelWidth = min(48, section.rows.map { $0.label.count }.max() ?? 0)
            for row in section.rows {
                let bar = String(repeating: "#", count: row.value == 0 ? 0 : max(1, row.value * barWidth / top))
                let label = row.label.count > labelWidth ? String(row.label.prefix(labelWidth)) : row.label
                lines.append("  " + label + String(repeating: " ", count: labelWidth - label.count) + "  "
                    + String(repeating: " ", count: max(0, 5 - String(row.value).count)) + "\(row.value)  " + bar)
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    public var csv: String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : text
        }
        var lines = ["section,label,value"]
        for section in sections {
            for row in section.rows { lines.append("\(field(section.title)),\(field(row.label)),\(row.value)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var html: String {
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.append(character)
                }
            }
            return out
        }
        var body = ""
        for section in sections {
            let top = max(1, section.rows.map(\.value).max() ?? 1)
            let rowHeight = 22, labelWidth = 260, barSpace = 360
            let height = section.rows.count * rowHeight + 8
            var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barSpace + 60)\" height=\"\(height)\" "
                + "role=\"img\" aria-label=\"\(escape(section.title))\">"
            for (index, row) in section.rows.enumerated() {
                let y = index * rowHeight + 4
                let width = row.value == 0 ? 0 : max(2, row.value * barSpace / top)
                svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(escape(row.label))</text>"
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"14\" fill=\"#1f4e79\"/>"
                svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" font-size=\"12\">\(row.value)</text>"
            }
            svg += "</svg>"
            var table = "<table><thead><tr><th>\(escape(section.title))</th><th>Number</th></tr></thead><tbody>"
            for row in section.rows { table += "<tr><td>\(escape(row.label))</td><td>\(row.value)</td></tr>" }
            table += "</tbody></table>"
            body += "<section><h2>\(escape(section.title))</h2>\(svg)\(table)</section>\n"
        }
        return """
            <!doctype html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            @page { size: A4; margin: 18mm; }
            body { font-family: Arial, Helvetica, sans-serif; color: #111; max-width: 180mm; margin: auto; }
            h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 1.4em; }
            section { break-inside: avoid; }
            table { border-collapse: collapse; margin-top: 0.5em; font-size: 10pt; }
            th, td { border: 1px solid #999; padding: 2px 8px; text-align: left; } td + td { text-align: right; }
            </style></head><body>
            <h1>\(escape(title))</h1>
            \(body)</body></html>

            """
    }
}
