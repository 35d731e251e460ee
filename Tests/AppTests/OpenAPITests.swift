@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("OpenAPI文档与路由一致")
struct OpenAPITests {
    @Test("每条 /api/v1 路由都在文档里，文档里的每个操作都是路由")
    func inStep() async throws {
        try await withGuatu { app in
            var routes = Set<String>()
            for r in app.routes.all where r.path.first?.description == "api" {
                let path = "/" + r.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }.joined(separator: "/")
                routes.insert("\(r.method.rawValue.lowercased()) \(path)")
            }
            var b = Browser(app)
            let res = try await b.get("/api/v1/openapi.json")
            #expect(res.status == .ok)
            let doc = try res.json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, ops) in paths { for method in ops.keys { documented.insert("\(method) \(path)") } }
            #expect(routes.subtracting(documented).isEmpty, "routes without documentation: \(routes.subtracting(documented).sorted())")
            #expect(documented.subtracting(routes).isEmpty, "documented but no route: \(documented.subtracting(routes).sorted())")
            // Every $ref points at a schema that exists.
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let text = res.text
            var missing: [String] = []
            var rest = text[...]
            while let r = rest.range(of: "#/components/schemas/") {
                let after = rest[r.upperBound...]
                let name = String(after.prefix { $0 != "\"" })
                if schemas[name] == nil { missing.append(name) }
                rest = after
            }
            #expect(missing.isEmpty, "dangling refs: \(missing)")
        }
    }
}
