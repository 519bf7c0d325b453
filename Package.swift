// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Casebook",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CasebookCore", targets: ["CasebookCore"]),
    ],
    targets: [
        // The policy's domain: records, rules, commands -> events, the register, queues,
        // the working-day calendar. Pure Swift: no I/O, no terminal.
        .target(name: "CasebookCore"),
        .testTarget(name: "CasebookCoreTests", dependencies: ["CasebookCore"]),
    ],
    swiftLanguageModes: [.v6]
)
