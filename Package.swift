// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ackfix",
    products: [
        .executable(name: "ackfix", targets: ["ackfix"]),
        .library(name: "AckfixCore", targets: ["AckfixCore"]),
        .executable(name: "ackfix-gen", targets: ["ackfix-gen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The only door to libxml2. Named CLibXML2, not libxml2: Apple SDKs ship a module of that name.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "AckfixCore", dependencies: ["CLibXML2"],
            // The parser's callbacks mutate handler state millions of times per deposit; the runtime
            // exclusivity checks on those class properties cost more than the parse itself.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .executableTarget(
            name: "ackfix",
            dependencies: [
                "AckfixCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ackfix-gen", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "AckfixCoreTests", dependencies: ["AckfixCore"]),
        // Runs the built `ackfix` binary, as users do (and `ackfix-gen` for the property tests).
        .testTarget(name: "AckfixCLITests", dependencies: ["ackfix", "ackfix-gen"], exclude: ["Golden"]),
    ]
)
