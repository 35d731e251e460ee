// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "guatu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "guatu", targets: ["guatu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        // Pure domain: Foundation only. Calendar, scheduling, lights, validation rules.
        .target(name: "Domain"),
        // Fluent models, migrations and stores. No Vapor.
        .target(name: "Persistence", dependencies: [
            "Domain",
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Typed HTML pages (Plot). No Fluent, no Vapor.
        .target(name: "Views", dependencies: [
            "Domain",
            .product(name: "Plot", package: "Plot"),
        ]),
        // .xlsx writer (Office Open XML). Foundation + ZIPFoundation only.
        .target(name: "Spreadsheet", dependencies: [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Reminder delivery: SMTP (SwiftNIO) and WeCom/DingTalk robot payloads. No Vapor.
        .target(name: "Delivery", dependencies: [
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The Vapor application: configuration, routes, controllers, API, commands.
        .target(name: "App", dependencies: [
            "Domain", "Persistence", "Views", "Spreadsheet", "Delivery",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
        ]),
        .executableTarget(name: "guatu", dependencies: ["App"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "DeliveryTests", dependencies: [
            "Delivery",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "SpreadsheetTests", dependencies: [
            "Spreadsheet",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "AppTests", dependencies: [
            "App", "Domain", "Persistence", "Views",
            .product(name: "VaporTesting", package: "vapor"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
