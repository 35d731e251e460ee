import Foundation
import Domain
import Persistence
import Vapor

/// An error with what the user needs: a status, a machine code, a Chinese message, the field at fault.
struct AppError: Error, AbortError {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    let field: String?
    /// Sent with the answer (Retry-After on a 429).
    var headers: HTTPHeaders = [:]
    var reason: String { message }

    init(_ status: HTTPResponseStatus, _ code: String, _ message: String, field: String? = nil) {
        self.status = status; self.code = code; self.message = message; self.field = field
    }

    func retrying(after seconds: Int) -> AppError {
        var e = self
        e.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
        return e
    }

    static let notSignedIn = AppError(.unauthorized, "unauthorized", "请先登录")
    static let forbidden = AppError(.forbidden, "forbidden", "您没有权限执行此操作")
    static func badRequest(_ message: String, field: String? = nil) -> AppError { AppError(.badRequest, "bad_request", message, field: field) }
    static func invalid(_ e: ValidationError) -> AppError { AppError(.unprocessableEntity, "validation_failed", e.message, field: e.field) }

    static let entityNames: [String: String] = [
        "task": "任务", "plan": "计划", "work_point": "工作要点", "unit": "单位", "user": "用户",
        "positioning_target": "目标定位", "api_token": "令牌", "calendar_override": "本区日历调整", "report": "报告",
        "order": "督办单", "instruction": "领导批示", "evidence": "佐证材料", "bulletin": "月通报", "meeting": "调度会",
        "reporting_cycle": "交账周期", "supervision_settings": "督办规则", "notify_settings": "提醒渠道设置",
        "indicator": "指标", "indicator_value": "指标数值", "indicator_year": "指标年度目标", "indicator_rank": "同类排名",
        "assessment_scheme": "考核方案", "assessment_mark": "考核录入", "assessment_result": "考核结果",
        "enterprise": "企业", "enterprise_year": "企业年度数据", "enterprise_tier": "企业认定", "rd_center": "研发机构", "carrier": "孵化载体", "incubation_step": "孵化记录", "key_project": "重点项目", "fiscal_revenue": "财政收入",
        "appeal": "企业诉求", "appeal_file": "诉求附件", "appeal_settings": "诉求办理时限", "policy": "政策文件", "clause": "政策条款", "redemption": "政策兑现申报",
        "hazard": "安全隐患", "hazard_file": "整改佐证", "safety_settings": "整改时限", "reform_item": "改革项目", "reform_settings": "改革加分规则",
        "financing_need": "融资需求", "bank_product": "银行产品", "relief_measure": "纾困措施",
    ]

    /// Maps what the lower layers throw to what the user sees.
    static func from(_ error: any Error) -> AppError? {
        switch error {
        case let e as AppError: return e
        case let e as ValidationError: return .invalid(e)
        case let e as StoreError:
            switch e {
            case .notFound(let entity, let id):
                return AppError(.notFound, "not_found", "\(entityNames[entity] ?? entity)（编号\(id)）不存在")
            case .conflict(let entity, let id, let current):
                return AppError(.conflict, "version_conflict", "\(entityNames[entity] ?? entity)（编号\(id)）已被他人修改（当前版本\(current)），请刷新后再改", field: "version")
            case .invalid(let v): return .invalid(v)
            case .duplicate(let field, let message): return AppError(.conflict, "duplicate", message, field: field)
            }
        case let e as DecodingError: return .decoding(e)
        default: return nil
        }
    }

    static func decoding(_ e: DecodingError) -> AppError {
        func path(_ ctx: DecodingError.Context) -> String? {
            let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? nil : p.replacingOccurrences(of: ".[", with: "[")
        }
        switch e {
        case .typeMismatch(let type, let ctx):
            return badRequest("字段类型错误，应为\(typeName(type))", field: path(ctx))
        case .valueNotFound(let type, let ctx):
            return badRequest("字段不能为null，应为\(typeName(type))", field: path(ctx))
        case .keyNotFound(let key, let ctx):
            let p = (path(ctx).map { $0 + "." } ?? "") + key.stringValue
            return badRequest("缺少字段", field: p)
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty { return badRequest("请求体不是有效的JSON") }
            return badRequest("字段值无效：\(ctx.debugDescription)", field: path(ctx))
        @unknown default:
            return badRequest("请求体无效")
        }
    }

    /// When a body is valid JSON, the path of its first number that no integer field can take (a fraction, or beyond
    /// 64 bits): what Foundation's decoder refused without naming it. Nil when the body is not valid JSON.
    static func numberNotAnInteger(in body: ByteBuffer) -> String? {
        guard let json = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: [.fragmentsAllowed]) else { return nil }
        var fractional: String?
        func visit(_ v: Any, _ path: String) -> String? {
            switch v {
            case let d as [String: Any]:
                for k in d.keys.sorted() { if let p = visit(d[k]!, path.isEmpty ? k : path + "." + k) { return p } }
            case let a as [Any]:
                for (i, x) in a.enumerated() { if let p = visit(x, path + "[\(i)]") { return p } }
            case let n as NSNumber:   // true and false are 1 and 0 here: integers, never picked
                let x = n.doubleValue
                if !(x >= -9.2e18 && x <= 9.2e18) { return path }
                if x != x.rounded(), fractional == nil { fractional = path }
            default: break
            }
            return nil
        }
        return visit(json, "") ?? fractional
    }

    static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is Int.Type: return "整数"
        case is Double.Type: return "数字"
        case is String.Type: return "字符串"
        case is Bool.Type: return "布尔值"
        case is [Int].Type: return "整数数组"
        default: return "\(t)"
        }
    }
}
