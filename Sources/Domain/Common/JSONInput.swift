import Foundation

/// Decoding a file or body a person wrote (a holiday notice, a schedule): every failure becomes a
/// `ValidationError` whose `field` is the JSON path as the author sees it (`holidays[1].makeup_workdays[0]`),
/// with a Chinese message, so a form or the command line can show it as is.
public enum JSONInput {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as ValidationError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw ValidationError(field: path(context.codingPath + [key]), "缺少字段 \(key.stringValue)")
        } catch let DecodingError.typeMismatch(type, context) {
            throw ValidationError(field: path(context.codingPath), "字段类型不正确（应为\(typeName(type))）")
        } catch let DecodingError.valueNotFound(type, context) {
            throw ValidationError(field: path(context.codingPath), "字段不能为 null（应为\(typeName(type))）")
        } catch {
            throw ValidationError(field: "json", "不是有效的 JSON")
        }
    }

    /// `tasks[2].predecessors[1].lag`; "json" for the document itself.
    public static func path(_ path: [any CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue {
                s += "[\(i)]"
            } else {
                s += (s.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return s.isEmpty ? "json" : s
    }

    /// The message for a date that is not a valid ISO `YYYY-MM-DD`.
    static func badDate(_ text: String) -> String { "日期无效：\(text)（应为 YYYY-MM-DD 格式的有效日期）" }

    static func typeName(_ type: Any.Type) -> String {
        if type == Int.self { return "整数" }
        if type == Double.self { return "数字" }
        if type == String.self { return "字符串" }
        if type == Bool.self { return "布尔值" }
        if type is [Any].Type || "\(type)".hasPrefix("Array<") { return "数组" }
        return "对象"
    }
}
