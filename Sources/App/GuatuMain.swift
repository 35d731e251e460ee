import Foundation
import Logging
import Vapor

/// The program: reads configuration, sets up the app, runs the command line.
public enum GuatuMain {
    public static func run() async -> Int32 {
        var args = CommandLine.arguments
        // `serve --demo` is ours: load the demo zone before serving.
        var demo = false
        if args.count > 1, args[1] == "serve", let i = args.firstIndex(of: "--demo") {
            args.remove(at: i)
            demo = true
        }
        let config: GuatuConfig
        do {
            config = try GuatuConfig.read(ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return 2
        }
        if args.count > 1, args[1] == "restore" { return RestoreCommand.run(args, config: config) }
        let direct = args.count > 1 && DirectCommands.names.contains(args[1])
        do {
            var env = try Environment.detect(arguments: direct ? [args[0]] : args)
            if direct {
                // Their stdout is a contract: logs go to stderr, and only warnings.
                LoggingSystem.bootstrap { label in
                    var h = StreamLogHandler.standardError(label: label)
                    h.logLevel = .warning
                    return h
                }
            } else if config.jsonLogs {
                let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? (env.isRelease ? .notice : .info)
                LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: level) }
            } else {
                try LoggingSystem.bootstrap(from: &env)
            }
            let app = try await Application.make(env)
            do {
                try await configure(app, config: config)
                if direct {
                    let status = await DirectCommands.run(app, args)
                    try await app.asyncShutdown()
                    return status
                }
                if demo {
                    if try await DemoLoader.load(app) { } else { app.logger.notice("演示数据已存在 (demo zone already loaded)") }
                    DemoLoader.printAccounts(app.console)
                }
                try await app.execute()
                if args.count > 1, args[1] == "serve", args.contains("--help") || args.contains("-h") {
                    app.console.print("       --demo 载入演示数据“示范高新区”（若尚未载入）并打印演示账号 (load the demo zone first)")
                }
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
            return 0
        } catch {
            FileHandle.standardError.write(Data("错误 (error): \(error)\n".utf8))
            return 1
        }
    }
}
