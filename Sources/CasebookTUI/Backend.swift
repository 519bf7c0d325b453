/// Where frames go and keys come from: ncurses on a real terminal, or a script in tests.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Draws the frame (only what changed reaches a real terminal).
    func draw(_ buffer: CellBuffer)
    /// The next key, or nil when `milliseconds` pass without one.
    func readKey(timeout milliseconds: Int) -> Key?
    /// A signal asked the program to stop (SIGINT, SIGTERM, SIGHUP).
    var stopRequested: Bool { get }
    /// Restores the terminal; safe to call more than once.
    func shutdown()
    /// Hands the terminal to another program (an editor) until `resume`.
    func suspend()
    /// Takes the terminal back and repaints all of it on the next draw.
    func resume()
}

/// A terminal in memory: keys from a script, frames kept for inspection (tig's and ratatui's test backends).
public final class HeadlessBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public var keys: [Key]
    public private(set) var frames: [CellBuffer] = []
    public var stopRequested = false
    /// Called when the script runs out, before the backend reports no key (to simulate time passing).
    public var onIdle: (() -> Void)?
    /// When true, an empty script reads as a quiet 100 ms (nil) instead of stopping, until onIdle stops it.
    public var idleReturnsNil = false
    private var idleReads = 0
    public private(set) var isShutDown = false

    public init(width: Int, height: Int, keys: [Key] = []) {
        size = (width, height)
        self.keys = keys
    }

    public func draw(_ buffer: CellBuffer) { frames.append(buffer) }

    public func readKey(timeout milliseconds: Int) -> Key? {
        if keys.isEmpty {
            onIdle?()
            if keys.isEmpty && !idleReturnsNil { stopRequested = true }
            if idleReturnsNil {
                idleReads += 1
                if idleReads > 50 { stopRequested = true }
            }
            return keys.isEmpty ? nil : keys.removeFirst()
        }
        return keys.removeFirst()
    }

    public func shutdown() { isShutDown = true }
    /// How many times the terminal was handed to another program.
    public private(set) var suspensions = 0
    public private(set) var isSuspended = false
    public func suspend() { suspensions += 1; isSuspended = true }
    public func resume() { isSuspended = false }

    public var lastFrame: CellBuffer? { frames.last }
}
