// swift-tools-version: 6.0
import PackageDescription

/// A measurement, not part of zhibu: what composing front matter costs through Yams, against
/// libyaml's events alone and a lean tree built from them (`bench/README.md`). Its own
/// package, so that zhibu's build never imports Yams' bundled libyaml.
let package = Package(
    name: "YAMLCompose",
    dependencies: [.package(url: "https://github.com/jpsim/Yams", exact: "6.2.2")],
    targets: [
        .executableTarget(
            name: "YAMLCompose", dependencies: [.product(name: "Yams", package: "Yams")])
    ]
)
