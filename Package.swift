// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "zhibu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zhibu", targets: ["ZhibuCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .target(name: "ZhibuMarkdown", dependencies: ["CCmark"]),
        .target(name: "ZhibuModel"),
        .target(name: "ZhibuRules", dependencies: ["ZhibuModel"]),
        .target(
            name: "ZhibuKit",
            dependencies: [
                "ZhibuModel", "ZhibuRules", "ZhibuMarkdown",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "ZhibuCLI",
            dependencies: [
                "ZhibuKit", "ZhibuModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ZhibuMarkdownTests", dependencies: ["ZhibuMarkdown"]),
        .testTarget(name: "ZhibuModelTests", dependencies: ["ZhibuModel"]),
        .testTarget(
            name: "ZhibuKitTests",
            dependencies: ["ZhibuKit", "ZhibuModel", "ZhibuRules"]
        ),
        .testTarget(
            name: "ZhibuCLITests",
            dependencies: ["ZhibuCLI", "ZhibuRules"]
        ),
    ]
)
