// swift-tools-version: 6.0
import PackageDescription

/// Modules point one way:
/// FormulaSyntax ← SpreadsheetEngine ← ModelFormat ← WorkbookExport ← finmodel (CLI).
/// Only XLSXWriter talks to the C library (CXLSXWriter); WorkbookExport sees its Swift API.
let package = Package(
  name: "finmodel",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "finmodel", targets: ["finmodel"]),
    .library(name: "ModelFormat", targets: ["ModelFormat"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "FormulaSyntax"),
    .target(
      name: "SpreadsheetEngine", dependencies: ["FormulaSyntax"],
      // The engine keeps its cells in arrays owned by a class; Swift's dynamic exclusivity
      // checks on those accesses measured at ~40% of all instructions of a recalculation
      // (callgrind, 100,000-cell chain). The engine never overlaps accesses, so release builds
      // skip the runtime check; debug builds (and the test suite) keep it.
      swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
    ),
    .target(name: "ModelFormat", dependencies: ["FormulaSyntax", "SpreadsheetEngine"]),
    .systemLibrary(
      name: "CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .target(name: "XLSXWriter", dependencies: ["CXLSXWriter"]),
    .target(
      name: "WorkbookExport",
      dependencies: ["FormulaSyntax", "SpreadsheetEngine", "ModelFormat", "XLSXWriter"]
    ),
    .executableTarget(
      name: "finmodel",
      dependencies: [
        "ModelFormat", "SpreadsheetEngine", "WorkbookExport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Benchmark driver (scripts/bench/run.sh): incremental-edit timings, memory per cell, export.
    .executableTarget(
      name: "finmodel-bench",
      dependencies: ["FormulaSyntax", "ModelFormat", "SpreadsheetEngine", "WorkbookExport"]
    ),
    .testTarget(
      name: "FinModelTests",
      dependencies: ["FormulaSyntax", "SpreadsheetEngine", "ModelFormat", "WorkbookExport", "XLSXWriter"],
      resources: [.copy("Golden")]
    ),
  ]
)
