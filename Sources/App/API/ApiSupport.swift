import Domain
import Foundation
import Persistence
import Vapor

/// A page of a list: the items and where they sit in the whole.
struct ListPage<T: Encodable>: Encodable {
    let items: [T]
    let total: Int
    let limit: Int
    let offset: Int
}

/// The version a PATCH or archive is based on (optimistic locking).
struct VersionBody: Decodable { let version: Int }

/// A task as the API shows it: its fields plus its light today.
struct TaskDTO: Encodable {
    let task: TaskItem
    let light: Light
    func encode(to encoder: any Encoder) throws {
        try task.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(light, forKey: .light)
        try c.encode(light.chineseName, forKey: .lightName)
    }
    enum Keys: String, CodingKey { case light, lightName }
}

struct MeDTO: Encodable {
    let id: Int
    let username: String
    let displayName: String
    let zoneId: Int
    let unitId: Int?
    let roles: [String]
    let permissions: [String]
}

enum ApiJSON {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        // No .sortedKeys: sorting every object's keys cost a few percent of a list request.
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()
}

extension Request {
    func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        Response(status: status, headers: ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"],
                 body: .init(data: try ApiJSON.encoder.encode(value)))
    }

    /// Decodes a JSON body, answering 415 for another type and 400 naming the field for a bad one.
    func body<T: Decodable>(_ type: T.Type) throws -> T {
        guard let ct = headers.contentType, ct.type == "application", ct.subType == "json" else {
            throw AppError(.unsupportedMediaType, "unsupported_media_type", "请求体须为JSON（Content-Type: application/json）")
        }
        guard let data = body.data, data.readableBytes > 0 else { throw AppError.badRequest("请求体为空") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: data))
        } catch let e as DecodingError {
            if case .dataCorrupted(let ctx) = e, ctx.codingPath.isEmpty, let field = AppError.numberNotAnInteger(in: data) {
                // Foundation's decoder calls valid JSON invalid when a number does not fit an integer field, naming no field.
                throw AppError.badRequest("字段类型错误，应为整数（64位以内，不带小数）", field: field)
            }
            throw AppError.decoding(e)
        }
    }

    /// An optional integer query parameter; a present but malformed one is a 400 naming it.
    func queryInt(_ name: String, in range: ClosedRange<Int> = 0...Int.max) throws -> Int? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let v = Int(raw), range.contains(v) else {
            throw AppError.badRequest("参数\(name)须为\(range.lowerBound)到\(range.upperBound == Int.max ? "∞" : String(range.upperBound))之间的整数", field: name)
        }
        return v
    }

    func queryEnum<E: RawRepresentable>(_ name: String, _ type: E.Type) throws -> E? where E.RawValue == String {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let v = E(rawValue: raw) else { throw AppError.badRequest("参数\(name)的取值无效：\(raw)", field: name) }
        return v
    }

    /// limit (1...500, default 50) and offset.
    func paging() throws -> (limit: Int, offset: Int) {
        (try queryInt("limit", in: 1...500) ?? 50, try queryInt("offset", in: 0...10_000_000) ?? 0)
    }
}
