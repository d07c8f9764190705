// swift-tools-version: 6.0
import PackageDescription

/// `.ci/portable` sets `ZHIBU_PORTABLE=1` to build the binary that needs nothing but glibc:
/// tcmalloc then comes from its static archive (GNU ld's `-l:` names the file), as libcmark and
/// libqrencode do through the pkg-config files that script writes.
let portable = Context.environment["ZHIBU_PORTABLE"] == "1"

let package = Package(
    name: "zhibu",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zhibu", targets: ["ZhibuCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // serve's HTTP/1.1: SwiftNIO's server pipeline, and nothing of Foundation's networking,
        // so the portable binary links no libcurl (a small server that proxied through
        // FoundationNetworking did).
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        .target(name: "CSystemShims"),
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // The only code that touches libqrencode: QR codes of the portal for the boards.
        .target(name: "ZhibuQR", dependencies: ["CQRencode"]),
        .target(name: "ZhibuMarkdown", dependencies: ["CCmark"]),
        // The built-in templates, compiled into the binary; a site's Templates/ overrides them.
        .target(
            name: "ZhibuTemplates", path: "Templates", sources: ["_embed/DefaultTemplates.swift"],
            resources: [
                .embedInCode("layout.mustache"), .embedInCode("home.mustache"),
                .embedInCode("org.mustache"), .embedInCode("record.mustache"),
                .embedInCode("record-item.mustache"), .embedInCode("record-year.mustache"),
                .embedInCode("scorecard-row.mustache"), .embedInCode("open-item.mustache"),
                .embedInCode("due-item.mustache"), .embedInCode("child-item.mustache"),
                .embedInCode("notice-item.mustache"), .embedInCode("post-item.mustache"),
                .embedInCode("system-item.mustache"), .embedInCode("waiver-item.mustache"),
                .embedInCode("seat-item.mustache"), .embedInCode("group-item.mustache"),
                .embedInCode("source-item.mustache"), .embedInCode("month-item.mustache"),
                .embedInCode("tree-item.mustache"), .embedInCode("matrix-row.mustache"),
                .embedInCode("system.mustache"), .embedInCode("posts.mustache"),
                .embedInCode("page.mustache"), .embedInCode("notfound.mustache"),
                .embedInCode("status.mustache"), .embedInCode("zhibu.css"),
                .embedInCode("search.mustache"), .embedInCode("search.js"),
                .embedInCode("board.mustache"), .embedInCode("board-slide.mustache"),
                .embedInCode("board.css"),
                .embedInCode("board.js"), .embedInCode("overview.mustache"),
                .embedInCode("matrix.mustache"),
                .embedInCode("notice.mustache"), .embedInCode("table-sort.js"),
            ]),
        .target(name: "ZhibuModel"),
        // The fill engine: templates, typed values, shapes and placeholders, escaping. Its
        // public face is `TemplateLibrary`, `TemplateRenderer`, `TemplateValues` and `Fragment`.
        .target(
            name: "ZhibuTemplating",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "ZhibuRules", dependencies: ["ZhibuModel"]),
        .target(
            name: "ZhibuKit",
            dependencies: [
                "ZhibuModel", "ZhibuRules", "ZhibuMarkdown", "ZhibuTemplates", "ZhibuTemplating",
                "ZhibuQR", "CSystemShims", "ZhibuCITemplates",
                // For libyaml, which Yams bundles as its module CYaml (a target of Yams with no
                // product of its own): zhibu composes libyaml's events itself.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The CI templates of ci/, compiled in: `zhibu init` writes a site's workflows from
        // the same files the repository ships and lints.
        .target(
            name: "ZhibuCITemplates", path: "ci", sources: ["_embed/CITemplates.swift"],
            resources: [
                .embedInCode("github-pages.yml"), .embedInCode("zhibu.gitlab-ci.yml"),
                .embedInCode("github-pages-sharded.yml"),
                .embedInCode("zhibu-sharded.gitlab-ci.yml"),
            ]
        ),
        // zhibu serve: the only module that knows the HTTP library.
        .target(
            name: "ZhibuServer",
            dependencies: [
                "ZhibuKit", "ZhibuModel", "ZhibuTemplating",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "ZhibuCLI",
            dependencies: [
                "ZhibuKit", "ZhibuModel", "ZhibuServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A build allocates millions of small strings and arrays from every core at once.
            // Linked against tcmalloc (Debian libgoogle-perftools-dev) instead of glibc's malloc,
            // render to memory takes about 15 % less time in bench/run.py. macOS keeps its own.
            linkerSettings: [
                .linkedLibrary(
                    portable ? ":libtcmalloc_minimal.a" : "tcmalloc_minimal",
                    .when(platforms: [.linux]))
            ],
            // `zhibu version`: the commit and the build date, written at build time.
            plugins: ["BuildInfo"]
        ),
        // bench/search_scale.py: the search index of a site ten times the largest one built,
        // for what a query downloads at 10⁶ records. Not part of the product.
        .executableTarget(
            name: "ZhibuSearchScale", dependencies: ["ZhibuKit", "ZhibuModel"],
            path: "bench/search-scale"),
        .testTarget(name: "ZhibuMarkdownTests", dependencies: ["ZhibuMarkdown"]),
        .testTarget(name: "ZhibuModelTests", dependencies: ["ZhibuModel"]),
        .testTarget(
            name: "ZhibuTemplatingTests",
            dependencies: [
                "ZhibuTemplating", .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "ZhibuKitTests",
            dependencies: [
                "ZhibuKit", "ZhibuModel", "ZhibuRules", "ZhibuTemplates", "ZhibuTemplating",
                "ZhibuQR",
                // The reference that zhibu's own YAML composer is checked against.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "ZhibuCLITests",
            dependencies: ["ZhibuCLI", "ZhibuRules"]
        ),
    ]
)
