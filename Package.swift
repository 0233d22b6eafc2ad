// swift-tools-version:6.0
import PackageDescription

// Linux only (Glibc, /proc, inotify, renameat2). Dependencies point one way: rectify (CLI) → RectifyServe (preview server) → RectifyCore → leaf modules
// (RectifyMarkdown, RectifyFrontMatter, RectifyTheme) → the C libraries (cmark-gfm, libyaml).
let package = Package(
    name: "Rectify",
    products: [
        .executable(name: "rectify", targets: ["rectify"]),
        .library(name: "RectifyCore", targets: ["RectifyCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CAtomicSwap"),
        .target(name: "RectifySystem"),
        .target(name: "RectifyMarkdown", dependencies: ["CCmarkGFM", "RectifySystem"]),
        .target(name: "RectifyFrontMatter", dependencies: ["CYAML"]),
        .target(name: "RectifyTheme", dependencies: ["RectifySystem", .product(name: "Mustache", package: "swift-mustache")],
                swiftSettings: crossModule),
        .target(
            name: "RectifyCore",
            dependencies: [
                "RectifyMarkdown", "RectifyFrontMatter", "RectifyTheme", "RectifySystem", "CAtomicSwap", "CXLSXWriter",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "RectifyServe", dependencies: [
            "RectifyCore",
            "RectifySystem",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
        ]),
        .executableTarget(
            name: "rectify",
            dependencies: ["RectifyCore", "RectifyServe", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "RectifyMarkdownTests", dependencies: ["RectifyMarkdown"]),
        .testTarget(name: "RectifyServeTests", dependencies: ["RectifyServe"]),
        .testTarget(name: "RectifyThemeTests", dependencies: ["RectifyTheme"]),
        .testTarget(name: "RectifyCLITests", dependencies: ["rectify", "RectifyMarkdown"]),
        .testTarget(
            name: "RectifyCoreTests",
            dependencies: ["RectifyCore", "RectifyFrontMatter"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

/// The theme module lets its callers in other modules inline and specialize its generic code
/// (the view contracts' shape walks, made for the core's view types): about 5% less CPU for
/// a build of 10,000 items (docs/performance.md). The other modules gained nothing measurable.
var crossModule: [SwiftSetting] { [.unsafeFlags(["-cross-module-optimization"])] }
