// swift-tools-version:6.0
import PackageDescription

// Linux only (Glibc, /proc, inotify, renameat2). Dependencies point one way: rectify (CLI) → RectifyServe (preview server) → RectifyCore → leaf modules
// (RectifyMarkdown, RectifyFrontMatter, RectifyTheme) → the C libraries (cmark-gfm, libyaml).
/// The packages Rectify's dependencies bring in, pinned too (SwiftPM takes a version pinned
/// here over any range they ask for, or fails if the two cannot agree).
let pinnedIndirectly: [(url: String, version: Version)] = [
    ("https://github.com/swift-server/async-http-client.git", "1.37.0"),
    ("https://github.com/apple/swift-algorithms.git", "1.2.1"),
    ("https://github.com/apple/swift-asn1.git", "1.7.4"),
    ("https://github.com/apple/swift-async-algorithms.git", "1.1.4"),
    ("https://github.com/apple/swift-atomics.git", "1.3.0"),
    ("https://github.com/apple/swift-certificates.git", "1.21.1"),
    ("https://github.com/apple/swift-collections.git", "1.6.0"),
    ("https://github.com/apple/swift-configuration.git", "1.4.0"),
    ("https://github.com/apple/swift-crypto.git", "4.5.2"),
    ("https://github.com/apple/swift-distributed-tracing.git", "1.7.3"),
    ("https://github.com/apple/swift-http-structured-headers.git", "1.7.0"),
    ("https://github.com/apple/swift-http-types.git", "1.8.0"),
    ("https://github.com/apple/swift-log.git", "1.16.2"),
    ("https://github.com/apple/swift-metrics.git", "2.13.0"),
    ("https://github.com/apple/swift-nio.git", "2.101.3"),
    ("https://github.com/apple/swift-nio-extras.git", "1.35.2"),
    ("https://github.com/apple/swift-nio-http2.git", "1.46.0"),
    ("https://github.com/apple/swift-nio-ssl.git", "2.37.6"),
    ("https://github.com/apple/swift-nio-transport-services.git", "1.28.0"),
    ("https://github.com/apple/swift-numerics.git", "1.1.1"),
    ("https://github.com/apple/swift-service-context.git", "1.5.1"),
    ("https://github.com/swift-server/swift-service-lifecycle.git", "2.13.0"),
    ("https://github.com/apple/swift-system", "1.8.1"),
]

let package = Package(
    name: "Rectify",
    products: [
        .executable(name: "rectify", targets: ["rectify"]),
        .library(name: "RectifyCore", targets: ["RectifyCore"]),
    ],
    // Every package, those the ones below bring in included, at the exact version the tests
    // ran with: Package.resolved cannot be kept in git (mirrors of these packages carry other
    // commit ids), so the versions are pinned here. The highest swift-tools-version among
    // them (6.2: hummingbird, swift-nio's neighbours) is the lowest Swift the CI recipes may
    // name; `RecipeVersionTests` checks that.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ] + pinnedIndirectly.map { .package(url: $0.url, exact: $0.version) },
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
