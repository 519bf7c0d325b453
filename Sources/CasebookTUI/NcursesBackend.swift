import CNcurses
import Foundation

/// The one place that talks to ncurses. Wide characters, colours by role, SIGINT/SIGTERM/SIGHUP
/// read from a signalfd (so every exit path restores the terminal), Esc within 25 ms, resize.
public final class NcursesBackend: TerminalBackend {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var screen: OpaquePointer?
    private var previous: CellBuffer?
    private var signalFD: Int32 = -1
    private var oldMask = sigset_t()
    private let theme: Theme
    public private(set) var stopRequested = false
    /// The signal that asked the program to stop, so that it can exit with 128 + its number.
    public private(set) var stopSignal: Int32?
    private var active = false
    public let useASCII: Bool

    public init(theme: Theme) throws {
        self.theme = theme
        setlocale(LC_ALL, "")
        let codeset = String(cString: cb_codeset())
        useASCII = codeset.uppercased() != "UTF-8"
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        // Signals are read from a file descriptor, never handled asynchronously: blocked before
        // ncurses starts so that its handlers are not installed for them.
        var mask = sigset_t()
        sigemptyset(&mask)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, signal) }
        pthread_sigmask(SIG_BLOCK, &mask, &oldMask)
        // Resize and suspend must reach ncurses even if whoever started us had them blocked.
        var needed = sigset_t()
        sigemptyset(&needed)
        for signal in [SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&needed, signal) }
        pthread_sigmask(SIG_UNBLOCK, &needed, nil)
        signalFD = signalfd(-1, &mask, Int32(SFD_NONBLOCK | SFD_CLOEXEC))
        // A terminal that cannot move its cursor cannot show screens: say so, and what to use instead.
        if term == "dumb" || term == "unknown" {
            pthread_sigmask(SIG_SETMASK, &oldMask, nil)
            if signalFD >= 0 { close(signalFD) }
            throw Failure(description: "TERM=\(term) cannot show Casebook's screens (it cannot move the cursor). Use the command "
                + "line instead ('casebook find NAME', 'casebook show ID', 'casebook queue'), or set TERM to your terminal's type, "
                + "such as xterm-256color.")
        }
        // newterm, unlike initscr, returns nil on an unknown TERM instead of exiting.
        guard !term.isEmpty, let screen = newterm(nil, cb_stdout(), cb_stdin()) else {
            pthread_sigmask(SIG_SETMASK, &oldMask, nil)
            if signalFD >= 0 { close(signalFD) }
            throw Failure(description: term.isEmpty
                ? "TERM is not set, so Casebook cannot drive this terminal. Set it (for example TERM=xterm-256color)."
                : "The terminal type '\(term)' is not known to this system. Set TERM to one it knows, such as xterm-256color or tmux-256color.")
        }
        self.screen = screen
        set_term(screen)
        active = true
        cbreak()
        noecho()
        nonl()
        keypad(cb_stdscr(), true)
        // Ctrl-C arrives as a key, in order with what was typed before it (a signal would overtake it,
        // and the terminal would throw the typed-ahead input away): a changed form asks first.
        var modes = termios()
        if tcgetattr(STDIN_FILENO, &modes) == 0 {
            withUnsafeMutableBytes(of: &modes.c_cc) { $0[Int(VINTR)] = 0 }  // _POSIX_VDISABLE
            tcsetattr(STDIN_FILENO, TCSANOW, &modes)
            def_prog_mode()
        }
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        if theme.usesColour, has_colors() {
            start_color()
            use_default_colors()
            for (index, role) in StyleRole.allCases.enumerated() {
                let style = theme.style(role)
                init_pair(Int16(index + 1), Int16(style.foreground.cursesValue), Int16(style.background.cursesValue))
            }
        }
        curs_set(1)
        clear()
    }

    deinit { shutdown() }

    public var size: (width: Int, height: Int) { (Int(cb_cols()), Int(cb_lines())) }

    public func draw(_ buffer: CellBuffer) {
        let sameSize = previous.map { $0.width == buffer.width && $0.height == buffer.height } ?? false
        if !sameSize { clear() }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.width == 0 { continue }
                if sameSize, let previous, previous[x, y] == cell { continue }
                let text = useASCII && !cell.text.allSatisfy(\.isASCII) ? ASCIIFallback.cell(cell.text, width: cell.width) : cell.text
                var wide = Array(text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
                let (attributes, pair) = attributes(for: cell.role)
                _ = cb_put(Int32(y), Int32(x), &wide, attributes, pair)
            }
        }
        if let cursor = buffer.cursor {
            move(Int32(cursor.y), Int32(cursor.x))
        }
        refresh()
        previous = buffer
    }

    private func attributes(for role: StyleRole) -> (UInt32, Int16) {
        let style = theme.style(role)
        var attributes = CB_A_NORMAL
        if style.bold { attributes |= CB_A_BOLD }
        if style.reverse { attributes |= CB_A_REVERSE }
        if style.underline { attributes |= CB_A_UNDERLINE }
        if style.dim { attributes |= CB_A_DIM }
        let pair = theme.usesColour ? Int16((StyleRole.allCases.firstIndex(of: role) ?? 0) + 1) : 0
        return (attributes, pair)
    }

    public func readKey(timeout milliseconds: Int) -> Key? {
        // Ctrl-C (SIGINT) is a key the model answers (a changed form asks first); SIGTERM and SIGHUP stop.
        if interrupted() { return .control("c") }
        if pendingSignal() { return nil }
        timeout(Int32(milliseconds))
        var code: wint_t = 0
        let result = cb_get(&code)
        if interrupted() { return .control("c") }
        if pendingSignal() { return nil }
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return Self.functionKey(Int32(code)) }
        return Self.characterKey(UInt32(code))
    }

    private var interruptPending = false

    private func interrupted() -> Bool {
        _ = pendingSignal()
        defer { interruptPending = false }
        return interruptPending
    }

    private func pendingSignal() -> Bool {
        guard signalFD >= 0 else { return stopRequested }
        var info = signalfd_siginfo()
        let count = read(signalFD, &info, MemoryLayout<signalfd_siginfo>.size)
        if count == MemoryLayout<signalfd_siginfo>.size {
            if Int32(info.ssi_signo) == SIGINT {
                interruptPending = true
            } else {
                stopRequested = true
                stopSignal = Int32(info.ssi_signo)
            }
        }
        return stopRequested
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_RESIZE: .resize
        default:
            (1...12).first { cb_key_f(Int32($0)) == code }.map { .function($0) }
        }
    }

    static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .control(Character(UnicodeScalar(value + 96)!))
        default:
            guard let scalar = UnicodeScalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    public func suspend() {
        guard active else { return }
        def_prog_mode()
        endwin()
    }

    public func resume() {
        guard active else { return }
        reset_prog_mode()
        previous = nil  // whatever the other program drew is gone on the next frame
        refresh()
    }

    public func shutdown() {
        guard active else { return }
        active = false
        // A terminal without an alternate screen (linux, vt100) would keep the last frame: leave it clear.
        erase()
        refresh()
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        if signalFD >= 0 { close(signalFD) }
        signalFD = -1
        pthread_sigmask(SIG_SETMASK, &oldMask, nil)
    }
}
