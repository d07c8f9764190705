// swift-tools-version: 6.0
import PackageDescription

/// A measurement, not part of zhibu: what composing front matter costs through Yams, against
/// libyaml's events alone and a lean tree built from them (`bench/README.md`). It led zhibu to
/// compose libyaml's events itself (`YAMLComposer`); kept as the record of why, in a package
/// of its own so that zhibu's build does not carry it.
let package = Package(
    name: "YAMLCompose",
    dependencies: [.package(url: "https://github.com/jpsim/Yams", exact: "6.2.2")],
    targets: [
        .executableTarget(
            name: "YAMLCompose", dependencies: [.product(name: "Yams", package: "Yams")])
    ]
)
