// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Casebook",
    products: [
        .library(name: "CasebookCore", targets: ["CasebookCore"]),
        .library(name: "CasebookStore", targets: ["CasebookStore"]),
        .library(name: "CasebookTUI", targets: ["CasebookTUI"]),
        .executable(name: "casebook", targets: ["casebook"]),
    ],
    dependencies: [
        // The command line: subcommands, options, generated --help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 for the journal's hash chain and snapshot checksums (on Linux a journal line's hash
        // calls its BoringSSL module directly, with no allocation: LineDigest.swift).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Letter templates, shipped as defaults and overridable per store.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Colour themes as TOML files; its parse errors carry line and column.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Reading the spreadsheets a council brings its existing register in from (`casebook import`):
        // RFC 4180 quoting and line breaks inside values, row by row, with no resources to ship.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The policy's domain: records, rules, commands -> events, the register, queues,
        // the working-day calendar. Pure Swift: no I/O, no terminal.
        .target(name: "CasebookCore"),
        // What Casebook writes for people to read: letters (their text, parts and Mustache templates),
        // the governance report's formats, the subject access document. Between the domain and the front ends.
        .target(name: "CasebookDocuments", dependencies: [
            "CasebookCore",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // A large, deterministic register made of the front ends' own commands, for benchmarks, tests
        // and `casebook generate`: not part of the domain, so in a target of its own.
        .target(name: "CasebookSynthetic", dependencies: ["CasebookCore"]),
        // The flat-file store: journal, lock, snapshots, quarantine, verification.
        .target(name: "CasebookStore", dependencies: [
            "CasebookCore", "CasebookDocuments",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        // ncursesw, with a shim for what Swift cannot import (no pkgConfig: SwiftPM drops its flags).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The terminal front end: model-update-view over a cell buffer; all curses calls in one backend.
        .target(name: "CasebookTUI", dependencies: [
            "CasebookCore", "CasebookDocuments", "CasebookStore", "CNcurses",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], plugins: ["EmbedFiles"]),
        // The executable: the command-line contract of DESIGN.md. The sample register is inside it
        // (EmbedFiles), so that the release binary runs `casebook demo` wherever it is copied.
        .executableTarget(name: "casebook", dependencies: [
            "CasebookCore", "CasebookDocuments", "CasebookStore", "CasebookTUI", "CasebookSynthetic",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["EmbedFiles"]),
        // Puts files of the source tree (themes, the sample register) inside a target at build time.
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        // Speed and memory at register scale: swift run -c release casebook-bench
        .executableTarget(name: "casebook-bench", dependencies: ["CasebookCore", "CasebookStore", "CasebookTUI", "CasebookSynthetic"]),
        .testTarget(name: "CasebookCoreTests", dependencies: ["CasebookCore", "CasebookDocuments", "CasebookSynthetic"]),
        .testTarget(name: "CasebookStoreTests", dependencies: ["CasebookStore", "CasebookCore", "CasebookDocuments", "CasebookSynthetic"]),
        // The golden screens are read from the source tree (#filePath), not shipped as resources.
        .testTarget(name: "CasebookTUITests", dependencies: ["CasebookTUI", "CasebookCore", "CasebookDocuments", "CasebookStore"],
                    exclude: ["Golden"]),
        .testTarget(name: "CasebookCLITests", dependencies: ["CasebookCore", "CasebookDocuments", "CasebookStore", "casebook"]),
    ],
    swiftLanguageModes: [.v6]
)
