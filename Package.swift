// swift-tools-version:6.0
import PackageDescription

/// Numerical kernels (3-D FFTs, thresholding, integration of full detector images) are compiled
/// with optimisation even in debug builds: the tests run them on real-size data, and
/// unoptimised they are 10–30× slower. Debug info, assertions and `@testable` stay on.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "mxtriage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mxtriage", targets: ["mxtriage"]),
        .library(name: "MXGeometry", targets: ["MXGeometry"]),
        .library(name: "MXImages", targets: ["MXImages"]),
        .library(name: "MXReflections", targets: ["MXReflections"]),
        .library(name: "MXSymmetry", targets: ["MXSymmetry"]),
        .library(name: "MXSimulation", targets: ["MXSimulation"]),
        .library(name: "MXSpotFinding", targets: ["MXSpotFinding"]),
        .library(name: "MXRefinement", targets: ["MXRefinement"]),
        .library(name: "MXIndexing", targets: ["MXIndexing"]),
        .library(name: "MXClustering", targets: ["MXClustering"]),
        .library(name: "MXIntegration", targets: ["MXIntegration"]),
        .library(name: "MXExport", targets: ["MXExport"]),
        .library(name: "MXMerging", targets: ["MXMerging"]),
        .library(name: "MXScaling", targets: ["MXScaling"]),
        .library(name: "MXCosym", targets: ["MXCosym"]),
        .library(name: "TriageEngine", targets: ["TriageEngine"]),
        .library(name: "TriageUI", targets: ["TriageUI"]),
        .library(name: "TriageTerminal", targets: ["TriageTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System-library shims: only what Swift cannot import by itself.
        .systemLibrary(
            name: "CCBF", path: "Sources/CCBF", pkgConfig: "hdf5",
            providers: [.apt(["libcbf-dev", "libhdf5-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBZip2", path: "Sources/CBZip2", providers: [.apt(["libbz2-dev"])]),
        .systemLibrary(name: "CCCP4", path: "Sources/CCCP4", providers: [.apt(["libccp4-dev"])]),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncurses-dev"])]),

        .target(name: "MXGeometry", swiftSettings: optimisedInDebug),
        .target(name: "MXImages", dependencies: ["MXGeometry", "CCBF", "CZlib", "CBZip2"], swiftSettings: optimisedInDebug),
        .target(name: "MXReflections", dependencies: ["MXGeometry"], swiftSettings: optimisedInDebug),
        .target(name: "MXSymmetry", dependencies: ["MXGeometry", "CCCP4"], swiftSettings: optimisedInDebug),
        .target(name: "MXSimulation", dependencies: ["MXGeometry", "MXImages", "MXReflections", "MXSymmetry"], swiftSettings: optimisedInDebug),
        .target(name: "MXSpotFinding", dependencies: ["MXGeometry", "MXImages", "MXReflections"], swiftSettings: optimisedInDebug),
        .target(name: "MXRefinement", dependencies: ["MXGeometry", "MXReflections", "MXSymmetry"], swiftSettings: optimisedInDebug),
        .target(name: "MXIndexing", dependencies: ["MXGeometry", "MXReflections", "MXSymmetry", "MXRefinement"], swiftSettings: optimisedInDebug),
        .target(name: "MXClustering", dependencies: ["MXGeometry"], swiftSettings: optimisedInDebug),
        .target(name: "MXIntegration", dependencies: ["MXGeometry", "MXImages", "MXReflections"], swiftSettings: optimisedInDebug),
        .target(name: "MXMerging", dependencies: ["MXGeometry", "MXSymmetry"], swiftSettings: optimisedInDebug),
        .target(name: "MXScaling", dependencies: ["MXGeometry", "MXSymmetry", "MXMerging"], swiftSettings: optimisedInDebug),
        .target(name: "MXCosym", dependencies: ["MXGeometry", "MXSymmetry", "MXMerging"], swiftSettings: optimisedInDebug),
        .target(name: "MXExport", dependencies: ["MXGeometry", "MXReflections", "MXSymmetry", "MXMerging", "CCCP4"]),
        // Timings for `mxtriage bench`, kept out of the science libraries: they run DIALS and
        // dxtbx (Python) for comparison.
        .target(name: "MXBenchmarks", dependencies: ["MXGeometry", "MXImages", "MXReflections", "MXRefinement", "MXSimulation"]),
        .target(
            name: "TriageEngine",
            dependencies: [
                "MXGeometry", "MXImages", "MXReflections", "MXSymmetry", "MXSpotFinding", "MXIndexing", "MXRefinement",
                "MXIntegration", "MXExport", "MXClustering", "MXMerging", "MXScaling", "MXCosym",
            ]),
        .target(name: "TriageUI", dependencies: ["TriageEngine", "MXClustering"]),
        .target(name: "TriageTerminal", dependencies: ["TriageUI", "CNcursesw"]),
        .executableTarget(
            name: "mxtriage",
            dependencies: [
                "MXGeometry", "MXImages", "MXReflections", "MXSymmetry", "MXSimulation", "MXSpotFinding", "MXRefinement", "MXIndexing",
                "MXClustering", "MXIntegration", "MXExport", "MXBenchmarks", "TriageEngine", "TriageUI", "TriageTerminal", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .target(name: "MXTestSupport", dependencies: ["MXGeometry"], path: "Tests/MXTestSupport"),
        .testTarget(name: "MXGeometryTests", dependencies: ["MXGeometry", "MXTestSupport"]),
        .testTarget(name: "MXImagesTests", dependencies: ["MXImages", "MXTestSupport"]),
        .testTarget(name: "MXReflectionsTests", dependencies: ["MXReflections", "MXTestSupport"]),
        .testTarget(name: "MXSymmetryTests", dependencies: ["MXSymmetry", "MXTestSupport", "CCCP4"]),
        .testTarget(name: "MXSimulationTests", dependencies: ["MXSimulation", "MXTestSupport"]),
        .testTarget(name: "MXClusteringTests", dependencies: ["MXClustering", "MXTestSupport"]),
        .testTarget(name: "MXIndexingTests", dependencies: ["MXIndexing", "MXSimulation", "MXTestSupport"]),
        .testTarget(name: "MXRefinementTests", dependencies: ["MXRefinement", "MXBenchmarks", "MXSimulation", "MXTestSupport"]),
        .testTarget(name: "MXSpotFindingTests", dependencies: ["MXSpotFinding", "MXSimulation", "MXTestSupport"]),
        .testTarget(name: "MXIntegrationTests", dependencies: ["MXIntegration", "MXSimulation", "MXTestSupport"]),
        .testTarget(name: "MXExportTests", dependencies: ["MXExport", "MXMerging", "MXSymmetry", "MXTestSupport"]),
        .testTarget(name: "MXScalingTests", dependencies: ["MXScaling", "MXMerging", "MXReflections", "MXSymmetry", "MXTestSupport"]),
        .testTarget(name: "MXMergingTests", dependencies: ["MXMerging", "MXReflections", "MXSymmetry", "MXTestSupport"]),
        .testTarget(name: "MXCosymTests", dependencies: ["MXCosym", "MXSimulation", "MXReflections", "MXTestSupport"]),
        .testTarget(name: "TriageEngineTests", dependencies: ["TriageEngine", "MXSimulation", "MXTestSupport"]),
        .testTarget(name: "TriageUITests", dependencies: ["TriageUI", "MXTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "TriageTerminalTests", dependencies: ["TriageTerminal", "MXTestSupport"]),
        .testTarget(name: "mxtriageTests", dependencies: ["mxtriage", "MXTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
