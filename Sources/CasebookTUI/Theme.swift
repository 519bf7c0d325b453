/// A terminal colour (the eight ANSI colours, or the terminal's own default).
public enum Colour: String, Sendable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white

    var cursesValue: Int {
        switch self {
        case .default: -1
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        }
    }
}

/// How one role looks.
public struct Style: Equatable, Sendable {
    public var foreground: Colour = .default
    public var background: Colour = .default
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(foreground: Colour = .default, background: Colour = .default, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// Semantic roles mapped to colours and attributes. Meaning never rests on colour alone: every
/// role that matters also has words or markers on screen.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var usesColour: Bool
    public var styles: [StyleRole: Style]

    public func style(_ role: StyleRole) -> Style { styles[role] ?? Style() }

    public static let standard = Theme(name: "default", usesColour: true, styles: [
        .selection: Style(reverse: true), .heading: Style(bold: true), .restriction: Style(foreground: .yellow, bold: true),
        .danger: Style(foreground: .red, bold: true), .overdue: Style(foreground: .red), .muted: Style(dim: true),
        .status: Style(reverse: true), .tab: Style(), .activeTab: Style(reverse: true, underline: true),
        .border: Style(foreground: .blue), .key: Style(bold: true), .suggestion: Style(foreground: .cyan),
    ])

    /// Bold, reverse and underline only (htop's MONOCHROME); chosen by NO_COLOR.
    public static let monochrome = Theme(name: "monochrome", usesColour: false, styles: [
        .selection: Style(reverse: true), .heading: Style(bold: true), .restriction: Style(bold: true),
        .danger: Style(bold: true, underline: true), .overdue: Style(underline: true), .muted: Style(dim: true),
        .status: Style(reverse: true), .activeTab: Style(reverse: true, underline: true), .key: Style(bold: true),
    ])
}
