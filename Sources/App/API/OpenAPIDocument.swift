import Domain
import Foundation
import Spreadsheet

/// The OpenAPI 3.1 description of /api/v1. A test checks that every API route is here and
/// everything here is a route, so the two cannot drift apart.
enum OpenAPIDocument {
    struct Operation {
        let method: String
        let path: String
        let summary: String
        let request: String?
        let response: String?
        let status: Int
        let query: [String]
    }

    static let resources: [(path: String, name: String, schema: String, draft: String, query: [String])] = [
        ("/units", "单位", "OrgUnit", "UnitDraft", ["includeArchived"]),
        ("/positioning-targets", "目标定位", "PositioningTarget", "TargetDraft", ["year"]),
        ("/plans", "计划", "Plan", "PlanDraft", ["year"]),
        ("/work-points", "工作要点", "WorkPoint", "WorkPointDraft", ["planId"]),
        ("/tasks", "任务和节点", "Task", "TaskDraft", ["year", "planId", "workPointId", "unitId", "leaderId", "status", "light", "q"]),
    ]

    static var operations: [Operation] {
        var ops: [Operation] = [
            .init(method: "get", path: "/openapi.json", summary: "本接口文档（OpenAPI 3.1）", request: nil, response: nil, status: 200, query: []),
            .init(method: "get", path: "/me", summary: "当前用户、角色与权限", request: nil, response: "Me", status: 200, query: []),
            .init(method: "get", path: "/audit", summary: "审计日志（审计管理员）", request: nil, response: "AuditPage", status: 200, query: ["entityType", "entityId", "username", "limit", "offset"]),
            .init(method: "get", path: "/tasks/{id}/reports", summary: "任务的交账记录（含佐证材料），新的在前", request: nil, response: "ReportList", status: 200, query: []),
            .init(method: "post", path: "/tasks/{id}/reports", summary: "为本单位任务交账（本期；逾期照收并标注）", request: "ReportDraft", response: "Report", status: 201, query: []),
            .init(method: "post", path: "/reports/{id}/review", summary: "督查室审核报告：通过或退回（须带version，他人已审返回409）", request: "ReviewBody", response: "Report", status: 200, query: []),
            .init(method: "get", path: "/orders", summary: "督办单列表，新的在前", request: nil, response: "OrderPage", status: 200, query: ["open", "unitId", "taskId", "limit", "offset"]),
            .init(method: "get", path: "/orders/{id}", summary: "督办单及其办理过程", request: nil, response: "Order", status: 200, query: []),
            .init(method: "post", path: "/orders/{id}/act", summary: "督办单办理一步：下发、签收、反馈、核查办结、退回、撤销（须带version）", request: "OrderAct", response: "Order", status: 200, query: []),
            .init(method: "get", path: "/notifications", summary: "本人的站内通知，新的在前", request: nil, response: "NotificationList", status: 200, query: []),
            .init(method: "get", path: "/assessment/schemes", summary: "考核方案列表（期间、单位类别、版本）", request: nil, response: "AssessmentSchemeList", status: 200, query: []),
            .init(method: "post", path: "/assessment/schemes", summary: "新建考核方案（期间如2026-Q2或2026、单位类别；不带definition时按模板）", request: "AssessmentSchemeCreate", response: "AssessmentSchemeFull", status: 201, query: []),
            .init(method: "get", path: "/assessment/schemes/{id}", summary: "考核方案及其定义（督查室、领导）", request: nil, response: "AssessmentSchemeFull", status: 200, query: []),
            .init(method: "put", path: "/assessment/schemes/{id}", summary: "保存考核方案为新版本（须带version；分值之和、判断矩阵CR等不符返回422）", request: "AssessmentSchemeSave", response: "AssessmentSchemeFull", status: 200, query: []),
            .init(method: "post", path: "/assessment/schemes/{id}/preview", summary: "试算：按已保存的方案或请求中的方案（what-if）和当前数据计算，不保存", request: "AssessmentPreview", response: "SchemeResult", status: 200, query: []),
            .init(method: "post", path: "/assessment/schemes/{id}/publish", summary: "发布结果：冻结方案版本与数据快照为新的结果版本，列出与上一版的变化（须带version与after）", request: "AssessmentPublish", response: "AssessmentResult", status: 201, query: []),
            .init(method: "get", path: "/assessment/schemes/{id}/result", summary: "已发布的考核结果（默认最新版；责任单位只得到本单位得分卡）", request: nil, response: "AssessmentResult", status: 200, query: ["version"]),
            .init(method: "post", path: "/assessment/schemes/{id}/marks", summary: "录入评议分、数据、加分、扣分或一票否决（须写理由）", request: "AssessmentMark", response: "AssessmentMarkStored", status: 201, query: []),
            .init(method: "get", path: "/enterprises", summary: "一企一档列表与检索（名称、信用代码或拼音首字母；产业链、梯度、规模、包联单位筛选；分页）", request: nil, response: "EnterprisePage", status: 200,
                  query: ["q", "chain", "tier", "scale", "unit", "year", "limit", "offset"]),
            .init(method: "post", path: "/enterprises", summary: "登记企业（统一社会信用代码逐位校验，重复返回409）", request: "EnterpriseDraft", response: "Created", status: 201, query: []),
            .init(method: "get", path: "/enterprises/{id}", summary: "企业档案：基本信息、历年数据、培育梯度", request: nil, response: "EnterpriseRecord", status: 200, query: []),
            .init(method: "get", path: "/indicators", summary: "本区指标（代码、名称、频次、来源、计算口径）", request: nil, response: "IndicatorList", status: 200, query: []),
            .init(method: "get", path: "/indicators/{id}/values", summary: "指标一年各期的目标与实际（填报、导入或系统计算；系统计算的附计算依据）", request: nil, response: "IndicatorValues", status: 200, query: ["year"]),
            .init(method: "get", path: "/appeals", summary: "企业诉求列表，新的在前（企业账号只见本企业的，责任单位只见本单位主办、协办或登记的）", request: nil, response: "AppealPage", status: 200,
                  query: ["status", "category", "unitId", "overdue", "q", "limit", "offset"]),
            .init(method: "post", path: "/appeals", summary: "提出（企业账号）或登记（走访、12345等）诉求；须有联系电话，返回查询码", request: "AppealDraft", response: "AppealFiled", status: 201, query: []),
            .init(method: "get", path: "/appeals/statistics", summary: "诉求统计：全区、各主办单位、各类别的按期率、办结率、满意率、平均办理工作日", request: nil, response: "AppealStatistics", status: 200, query: ["year"]),
            .init(method: "get", path: "/appeals/{id}", summary: "一件诉求及其办理过程", request: nil, response: "AppealDetail", status: 200, query: []),
            .init(method: "post", path: "/appeals/{id}/act", summary: "办理一步：分派、签收办理、答复、确认评价（仅企业本身）、重新办理、办结、不予受理（须带version）", request: "AppealAct", response: "Appeal", status: 200, query: []),
            .init(method: "get", path: "/province/zones", summary: "全省园区比拼（省级观察员）：各园区年度任务按期率、完成率、在办督办单、诉求满意率及名次（只读）", request: nil, response: "ProvinceZones", status: 200, query: ["year"]),
            .init(method: "get", path: "/policies", summary: "政策文件及条款（每条款当前符合条件的企业数）", request: nil, response: "PolicyList", status: 200, query: []),
            .init(method: "get", path: "/clauses/{id}/matches", summary: "条款的符合条件企业（逐项依据与测算金额）和差一项条件的企业（缺什么）", request: nil, response: "ClauseMatches", status: 200, query: []),
            .init(method: "get", path: "/enterprises/{id}/policies", summary: "企业可享政策（免申即享候选）与差一项条件的条款", request: nil, response: "FirmPolicies", status: 200, query: []),
            .init(method: "get", path: "/hazards", summary: "安全隐患：等级、责任单位与责任人、整改期限、状态、逾期工作日", request: nil, response: "HazardList", status: 200, query: ["year", "status"]),
            .init(method: "get", path: "/safety/statistics", summary: "一年的隐患整改率、按期整改率、逾期与重大隐患（全区与各责任单位），事故与否决事故数", request: nil, response: "SafetyStatistics", status: 200, query: ["year"]),
            .init(method: "get", path: "/reforms", summary: "改革项目库：品牌目标、阶段进度、下一节点、滞后节点、被采纳或推广的成果", request: nil, response: "ReformList", status: 200, query: []),
            .init(method: "get", path: "/finance/statistics", summary: "金融助企纾困按月统计：新增需求、对接、放款、未获贷、满足率、纾困措施", request: nil, response: "FinanceStatistics", status: 200, query: ["year"]),
            .init(method: "post", path: "/tasks/import", summary: "导入任务分解表（请求体为 .xlsx 或 CSV 文件本身）：dryRun=true 只预览并返回fingerprint；否则一次全部导入，任何一行有误返回422并逐行列出（单元格位置），带fingerprint且预览后数据已变返回409", request: "TaskSheetFile", response: "TaskSheetOutcome", status: 201, query: ["year", "dryRun", "fingerprint"]),
            .init(method: "get", path: "/calendar/{year}", summary: "一年的工作日历（法定节假日、调休、本区调整）；未录入国务院安排的年份附警告", request: nil, response: "CalendarYear", status: 200, query: []),
        ]
        for r in resources {
            ops += [
                .init(method: "get", path: r.path, summary: "\(r.name)列表（分页、筛选）", request: nil, response: r.schema + "Page", status: 200, query: r.query + ["limit", "offset"]),
                .init(method: "post", path: r.path, summary: "新建\(r.name)", request: r.draft, response: r.schema, status: 201, query: []),
                .init(method: "get", path: r.path + "/{id}", summary: "查看\(r.name)", request: nil, response: r.schema, status: 200, query: []),
                .init(method: "patch", path: r.path + "/{id}", summary: "修改\(r.name)（须带version，版本不符返回409）", request: r.draft + "WithVersion", response: r.schema, status: 200, query: []),
                .init(method: "post", path: r.path + "/{id}/archive", summary: "归档\(r.name)（须带version）", request: "Version", response: nil, status: 204, query: []),
            ]
        }
        return ops
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static var int: [String: Any] { ["type": "integer"] }
    static var str: [String: Any] { ["type": "string"] }
    static var date: [String: Any] { ["type": "string", "format": "date"] }
    static func nullable(_ s: [String: Any]) -> [String: Any] { ["oneOf": [s, ["type": "null"]]] }
    static func array(_ s: [String: Any]) -> [String: Any] { ["type": "array", "items": s] }
    static func object(_ props: [String: [String: Any]], required: [String] = []) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "properties": props]
        if !required.isEmpty { o["required"] = required }
        return o
    }
    static func enumeration(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }
    static func page(_ item: String) -> [String: Any] {
        object(["items": array(ref(item)), "total": int, "limit": int, "offset": int], required: ["items", "total", "limit", "offset"])
    }

    static var schemas: [String: Any] {
        let taskFields: [String: [String: Any]] = [
            "workPointId": int, "kind": enumeration(TaskItem.Kind.allCases.map(\.rawValue)), "title": ["type": "string", "maxLength": TextLimits.title],
            "ownerUnitId": int, "coUnitIds": array(int), "responsiblePerson": str, "deliverable": str, "acceptanceStandard": str,
            "weight": ["type": "number", "minimum": 0, "maximum": 100], "plannedStart": date, "deadline": date,
            "durationDays": ["type": "integer", "minimum": 0], "predecessorIds": array(int), "percentDone": ["type": "integer", "minimum": 0, "maximum": 100],
            "status": enumeration(TaskItem.Status.allCases.map(\.rawValue)), "doneOn": date,
        ]
        var task = taskFields
        task["id"] = int; task["planId"] = int; task["seq"] = int; task["archived"] = ["type": "boolean"]; task["version"] = int
        task["light"] = enumeration(Light.allCases.map(\.rawValue)); task["lightName"] = str; task["doneOn"] = nullable(date)
        let unitFields: [String: [String: Any]] = ["name": str, "shortName": str, "kind": enumeration(OrgUnit.Kind.allCases.map(\.rawValue)), "sortOrder": int]
        let planFields: [String: [String: Any]] = ["year": int, "seq": int, "name": str, "goal": str, "leaderId": nullable(int), "leadUnitId": nullable(int), "coUnitIds": array(int)]
        let wpFields: [String: [String: Any]] = ["planId": int, "seq": int, "title": str, "goal": str, "leadUnitId": nullable(int)]
        let targetFields: [String: [String: Any]] = ["year": int, "kind": enumeration(PositioningTarget.Kind.allCases.map(\.rawValue)), "statement": str, "indicatorId": nullable(int)]
        func entity(_ f: [String: [String: Any]], archived: Bool = true) -> [String: Any] {
            var p = f; p["id"] = int; p["version"] = int
            if archived { p["archived"] = ["type": "boolean"] }
            return object(p, required: ["id", "version"])
        }
        func withVersion(_ f: [String: [String: Any]]) -> [String: Any] { var p = f; p["version"] = int; return object(p, required: ["version"]) }
        var s: [String: Any] = [
            "Error": object(["error": object(["code": str, "message": str, "field": nullable(str)], required: ["code", "message"]),
                             "errors": array(object(["line": int, "column": str, "message": str, "cell": nullable(str)], required: ["line", "column", "message"]))],
                            required: ["error"]),
            "TaskSheetOutcome": object([
                "year": int, "dryRun": ["type": "boolean"], "fingerprint": str, "newPlans": array(str), "newWorkPoints": array(str),
                "created": array(object(["line": int, "id": nullable(int), "title": str, "plannedStart": str, "deadline": str], required: ["line", "title", "plannedStart", "deadline"])),
                "updated": array(object(["line": int, "id": int, "fields": array(object(["field": str, "before": str, "after": str], required: ["field", "before", "after"]))],
                                        required: ["line", "id", "fields"])),
                "unchanged": int, "notes": array(str),
            ], required: ["year", "dryRun", "fingerprint", "newPlans", "newWorkPoints", "created", "updated", "unchanged", "notes"]),
            "Version": object(["version": int], required: ["version"]),
            "Me": object(["id": int, "username": str, "displayName": str, "zoneId": int, "unitId": nullable(int), "roles": array(str), "permissions": array(str)]),
            "AuditEntry": object(["id": int, "zoneId": nullable(int), "at": str, "userId": nullable(int), "username": str,
                                  "action": enumeration(AuditEntry.Action.allCases.map(\.rawValue)), "entityType": str, "entityId": nullable(int),
                                  "before": nullable(str), "after": nullable(str)]),
            "AuditPage": page("AuditEntry"),
            "CalendarYear": object(["year": int, "hasOfficialData": ["type": "boolean"], "notice": nullable(str), "workdays": int, "warnings": array(str),
                                    "days": array(object(["date": date, "kind": enumeration(["workday", "weekend", "holiday", "makeup_workday"]),
                                                          "name": nullable(str), "workday": ["type": "boolean"]]))]),
            "OrgUnit": entity(unitFields), "UnitDraft": object(unitFields, required: ["name"]), "UnitDraftWithVersion": withVersion(unitFields),
            "Plan": entity(planFields), "PlanDraft": object(planFields, required: ["name", "year"]), "PlanDraftWithVersion": withVersion(planFields),
            "WorkPoint": entity(wpFields), "WorkPointDraft": object(wpFields, required: ["planId", "title"]), "WorkPointDraftWithVersion": withVersion(wpFields),
            "PositioningTarget": entity(targetFields, archived: false), "TargetDraft": object(targetFields, required: ["kind", "year", "statement"]),
            "TargetDraftWithVersion": withVersion(targetFields),
            "Task": object(task, required: ["id", "version", "title", "deadline", "light"]),
            "TaskDraft": object(taskFields, required: ["workPointId", "title", "ownerUnitId", "deadline"]), "TaskDraftWithVersion": withVersion(taskFields),
        ]
        for r in resources { s[r.schema + "Page"] = page(r.schema) }
        let reportText: [String: [String: Any]] = ["progress": str, "problems": str, "nextSteps": str, "coordination": str]
        var draft = reportText; draft["percentDone"] = ["type": "integer", "minimum": 0, "maximum": 100]
        s["ReportDraft"] = object(draft, required: ["percentDone", "progress"])
        var report = draft
        for k in ["id", "taskId", "unitId", "version"] { report[k] = int }
        report["periodKey"] = str; report["periodDue"] = date; report["submittedAt"] = str; report["submittedByName"] = str
        report["late"] = ["type": "boolean"]; report["status"] = enumeration(["submitted", "accepted", "returned"])
        report["reviewedAt"] = nullable(str); report["reviewedByName"] = nullable(str); report["reviewReason"] = nullable(str)
        report["evidence"] = array(object(["id": int, "reportId": int, "sha256": str, "filename": str, "kind": enumeration(EvidenceKind.allCases.map(\.rawValue)),
                                           "size": int, "uploadedAt": str]))
        s["Report"] = object(report, required: ["id", "taskId", "periodKey", "status", "version"])
        s["ReportList"] = array(ref("Report"))
        s["ReviewBody"] = object(["version": int, "decision": enumeration(["accept", "return"]), "reason": str], required: ["version", "decision"])
        s["Order"] = object(["id": int, "taskId": nullable(int), "appealId": nullable(int), "hazardId": nullable(int), "receivingUnitId": int, "issuingUnit": str, "level": enumeration(EscalationLevel.allCases.map(\.code)),
                             "levelName": str, "source": enumeration(["manual", "auto"]), "reason": str, "requiredActions": str, "replyWorkdays": int,
                             "deduction": ["type": "number"], "leadersCopied": array(str), "status": enumeration(OrderStatus.allCases.map(\.rawValue)),
                             "statusName": str, "issuedOn": nullable(date), "replyDue": nullable(date), "answer": str, "version": int,
                             "events": array(object(["at": str, "action": str, "actorName": str, "fromStatus": str, "toStatus": str, "text": str]))],
                            required: ["id", "status", "version"])
        s["OrderPage"] = page("Order")
        s["OrderAct"] = object(["version": int, "action": enumeration(OrderAction.allCases.map(\.rawValue)), "text": str], required: ["version", "action"])
        let num: [String: Any] = ["type": "number"]
        let rule = object(["kind": enumeration(ItemRule.Kind.allCases.map(\.rawValue)), "target": num, "cap": num, "step": num, "per": num,
                           "satisfactory": num, "unacceptable": num], required: ["kind"])
        let item = object(["key": str, "name": str, "source": enumeration(ItemSource.allCases.map(\.rawValue)), "ref": int, "points": num, "rule": rule,
                           "lowerIsBetter": ["type": "boolean"]], required: ["key", "name", "source", "points", "rule"])
        s["AssessmentScheme"] = object([
            "items": array(item), "weighting": enumeration(AssessmentScheme.Weighting.allCases.map(\.rawValue)), "pairwise": array(array(num)),
            "aggregation": enumeration(AssessmentScheme.Aggregation.allCases.map(\.rawValue)),
            "adjustments": array(object(["key": str, "name": str, "kind": enumeration(Adjustment.Kind.allCases.map(\.rawValue)), "cap": num], required: ["key", "name", "kind", "cap"])),
            "bonusCap": num, "deductionCap": num,
            "vetoes": array(object(["key": str, "name": str, "gradeCap": str], required: ["key", "name", "gradeCap"])),
            "grades": array(object(["name": str, "min": num, "quota": num], required: ["name", "min"])), "decimals": ["type": "integer", "minimum": 0, "maximum": 4],
        ], required: ["items", "weighting", "aggregation", "adjustments", "vetoes", "grades", "decimals"])
        let schemeFields: [String: [String: Any]] = ["id": int, "period": str, "category": enumeration(OrgUnit.Kind.allCases.map(\.rawValue)), "name": str, "version": int]
        s["AssessmentSchemeList"] = array(object(schemeFields, required: ["id", "period", "category", "name", "version"]))
        var full = schemeFields; full["definition"] = ref("AssessmentScheme")
        s["AssessmentSchemeFull"] = object(full, required: ["id", "period", "category", "name", "version", "definition"])
        s["AssessmentSchemeCreate"] = object(["period": ["type": "string", "pattern": "^[0-9]{4}(-Q[1-4])?$"], "category": enumeration(OrgUnit.Kind.allCases.map(\.rawValue)),
                                              "name": str, "definition": ref("AssessmentScheme")], required: ["period", "category"])
        s["AssessmentSchemeSave"] = object(["version": int, "definition": ref("AssessmentScheme")], required: ["version", "definition"])
        s["AssessmentPreview"] = object(["definition": ref("AssessmentScheme")])
        s["AssessmentPublish"] = object(["version": int, "after": int, "note": str], required: ["version", "after"])
        let sourceRef = object(["kind": enumeration(["task", "report", "order", "indicator", "mark"]), "id": int, "label": str])
        let scorecard = object([
            "unitId": int, "unitName": str, "base": num, "bonus": num, "deduction": num, "total": num, "rank": int, "grade": str, "gradeNote": str,
            "items": array(object(["key": str, "name": str, "source": str, "points": num, "measure": num, "detail": str, "rule": str, "earned": num,
                                   "note": str, "sources": array(sourceRef)])),
            "adjustments": array(object(["key": str, "name": str, "kind": str, "counted": num, "note": str,
                                         "entries": array(object(["key": str, "points": num, "reason": str, "markId": int]))])),
            "vetoes": array(object(["key": str, "reason": str, "markId": int])),
        ], required: ["unitId", "unitName", "total", "rank", "grade", "items"])
        s["Scorecard"] = scorecard
        s["SchemeResult"] = object(["itemPoints": array(num), "consistencyRatio": num, "scorecards": array(ref("Scorecard")), "notes": array(str)],
                                   required: ["itemPoints", "scorecards", "notes"])
        s["AssessmentResult"] = object(["resultVersion": int, "schemeVersion": int, "publishedAt": str, "publishedByName": str, "note": str, "asOf": date,
                                        "scorecards": array(ref("Scorecard")), "notes": array(str),
                                        "changes": array(object(["unitId": int, "unitName": str, "totalBefore": num, "totalAfter": num, "rankBefore": int,
                                                                 "rankAfter": int, "gradeBefore": str, "gradeAfter": str]))],
                                       required: ["resultVersion", "schemeVersion", "scorecards", "changes"])
        s["AssessmentMark"] = object(["unitId": int, "kind": enumeration(AssessmentMeasures.MarkFact.Kind.allCases.map(\.rawValue)), "key": str, "points": num, "reason": str],
                                     required: ["unitId", "kind", "key", "reason"])
        s["AssessmentMarkStored"] = object(["id": int, "unitId": int, "kind": str, "key": str, "points": num, "reason": str, "enteredByName": str,
                                            "enteredAt": str, "afterPublication": ["type": "boolean"]], required: ["id", "unitId", "kind", "key"])
        let yearSchema = object(["year": int, "revenue": num, "mainRevenue": num, "rdExpense": num, "highTechRevenue": num, "tax": num, "totalAssets": num,
                                 "employees": int, "rdStaff": int, "aboveScale": ["type": "boolean"], "inventionPatents": int, "utilityPatents": int, "designPatents": int],
                                required: ["year", "aboveScale"])
        let enterpriseFields: [String: [String: Any]] = ["creditCode": ["type": "string", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"], "name": str, "address": str,
                                                         "industryCode": str, "chain": str, "foundedOn": date, "servingUnitId": int, "visitingOfficial": str]
        s["EnterpriseDraft"] = object(enterpriseFields, required: ["creditCode", "name"])
        var enterprise = enterpriseFields
        enterprise["id"] = int; enterprise["initials"] = str; enterprise["archived"] = ["type": "boolean"]; enterprise["version"] = int
        s["Enterprise"] = object(enterprise, required: ["id", "creditCode", "name", "version"])
        s["EnterprisePage"] = object(["items": array(object(["id": int, "creditCode": str, "name": str, "chain": str, "industryCode": str, "servingUnitId": int,
                                                             "tiers": array(str), "year": yearSchema], required: ["id", "creditCode", "name"])),
                                      "total": int, "limit": int, "offset": int], required: ["items", "total", "limit", "offset"])
        s["EnterpriseRecord"] = object(["enterprise": ref("Enterprise"), "years": array(yearSchema),
                                        "tiers": array(object(["kind": enumeration(EnterpriseTier.Kind.allCases.map(\.rawValue)), "certificate": str, "grantedOn": date, "expiresOn": date],
                                                              required: ["kind", "grantedOn"]))], required: ["enterprise", "years", "tiers"])
        let due = object(["assign": date, "answer": date, "resolve": date], required: ["assign", "answer", "resolve"])
        let appealDraft: [String: [String: Any]] = ["firmName": str, "creditCode": str, "contactName": str, "contactPhone": str,
                                                    "category": enumeration(AppealCategory.allCases.map(\.rawValue)), "channel": enumeration(AppealChannel.allCases.map(\.rawValue)),
                                                    "title": str, "description": str]
        s["AppealDraft"] = object(appealDraft, required: ["contactPhone", "category", "title", "description"])
        s["AppealFiled"] = object(["id": int, "trackingCode": str], required: ["id", "trackingCode"])
        let rate: [String: Any] = ["type": "number"]
        s["ProvinceZones"] = object(["year": int, "items": array(object([
            "rank": int, "zoneId": int, "code": str, "name": str, "tasks": int, "done": int, "overdue": int, "onTimeRate": rate, "doneRate": rate,
            "openOrders": int, "appealsRated": int, "satisfactionRate": nullable(rate)],
            required: ["rank", "zoneId", "code", "name", "tasks", "done", "overdue", "onTimeRate", "doneRate", "openOrders", "appealsRated"]))],
            required: ["year", "items"])
        var appeal = appealDraft
        appeal["id"] = int; appeal["enterpriseId"] = int; appeal["status"] = enumeration(AppealStatus.allCases.map(\.rawValue)); appeal["leadUnitId"] = int
        appeal["coUnitIds"] = array(int); appeal["receivedOn"] = date; appeal["due"] = due; appeal["assignedOn"] = date; appeal["answeredOn"] = date
        appeal["closedOn"] = date; appeal["answer"] = str; appeal["satisfaction"] = enumeration(Satisfaction.allCases.map(\.rawValue)); appeal["reopenCount"] = int
        appeal["trackingCode"] = str; appeal["version"] = int; appeal["submittedBy"] = int
        s["Appeal"] = object(appeal, required: ["id", "status", "category", "receivedOn", "due", "version"])
        s["AppealPage"] = page("Appeal")
        s["AppealDetail"] = object(["appeal": ref("Appeal"), "events": array(object(["at": str, "action": str, "actorName": str, "fromStatus": str, "toStatus": str, "text": str]))],
                                   required: ["appeal", "events"])
        s["AppealAct"] = object(["version": int, "action": enumeration(AppealAction.allCases.map(\.rawValue)), "text": str, "leadUnitId": int, "coUnitIds": array(int),
                                 "satisfaction": enumeration(Satisfaction.allCases.map(\.rawValue))], required: ["version", "action"])
        let figures = object(["key": nullable(str), "total": int, "open": int, "overdueOpen": int, "closed": int, "declined": int, "onTimeRate": nullable(num),
                              "resolutionRate": nullable(num), "satisfactionRate": nullable(num), "averageWorkdays": nullable(num)], required: ["total"])
        s["AppealStatistics"] = object(["year": int, "zone": figures, "byUnit": array(figures), "byCategory": array(figures)], required: ["year", "zone", "byUnit", "byCategory"])
        s["PolicyList"] = array(object(["id": int, "title": str, "issuer": str, "documentNumber": str, "issuedOn": date,
                                        "clauses": array(object(["id": int, "number": str, "title": str, "kind": enumeration(PolicyClause.Kind.allCases.map(\.rawValue)), "year": int,
                                                                 "condition": str, "amountRule": str, "annualBudget": nullable(num), "qualifying": nullable(int)], required: ["id", "title", "condition"]))],
                                       required: ["id", "title", "clauses"]))
        let firmMatch = object(["enterpriseId": int, "name": str, "lines": array(str), "missing": array(str), "amount": nullable(num), "amountExplanation": str],
                               required: ["enterpriseId", "name", "lines", "missing"])
        s["ClauseMatches"] = object(["clauseId": int, "qualifying": array(firmMatch), "near": array(firmMatch)], required: ["clauseId", "qualifying", "near"])
        let clauseMatch = object(["clauseId": int, "title": str, "lines": array(str), "missing": array(str), "amount": nullable(num), "amountExplanation": str],
                                 required: ["clauseId", "title", "lines", "missing"])
        s["FirmPolicies"] = object(["enterpriseId": int, "qualifying": array(clauseMatch), "near": array(clauseMatch)], required: ["enterpriseId", "qualifying", "near"])
        s["HazardList"] = array(object(["id": int, "enterpriseId": int, "unitId": nullable(int), "description": str, "level": enumeration(HazardLevel.allCases.map(\.rawValue)),
                                        "foundOn": date, "deadline": date, "responsiblePerson": str, "status": enumeration(HazardStatus.allCases.map(\.rawValue)),
                                        "verifiedOn": nullable(date), "overdueWorkdays": nullable(int)], required: ["id", "level", "status", "deadline"]))
        let safetyFigures = object(["unitId": nullable(int), "found": int, "foundMajor": int, "verified": int, "verifiedOnTime": int, "overdue": int, "openMajor": int,
                                    "rectificationRate": nullable(num), "onTimeRate": nullable(num)], required: ["found", "verified"])
        s["SafetyStatistics"] = object(["year": int, "zone": safetyFigures, "byUnit": array(safetyFigures), "accidents": int, "vetoAccidents": int],
                                       required: ["year", "zone", "byUnit", "accidents", "vetoAccidents"])
        s["ReformList"] = array(object(["id": int, "title": str, "kind": str, "target": str, "leadUnitId": int, "taskId": nullable(int), "stagesDone": int, "stages": int,
                                        "nextStage": nullable(str), "nextDeadline": nullable(date), "lateStages": array(str), "outcomes": array(str)],
                                       required: ["id", "title", "target", "stagesDone", "stages"]))
        let financeMonth = object(["month": nullable(int), "filed": int, "askedWan": num, "matched": int, "granted": int, "grantedWan": num, "declined": int,
                                   "satisfactionRate": nullable(num), "measures": int, "measureWan": num], required: ["filed", "granted"])
        s["FinanceStatistics"] = object(["year": int, "months": array(financeMonth), "total": financeMonth], required: ["year", "months", "total"])
        s["Created"] = object(["id": int], required: ["id"])
        s["IndicatorList"] = array(object(["id": int, "code": str, "name": str, "unit": str, "frequency": str, "source": str, "formula": str], required: ["id", "code", "name"]))
        s["IndicatorValues"] = array(object(["period": str, "target": num, "actual": num, "status": str, "detail": str], required: ["period"]))
        s["NotificationList"] = array(object(["id": int, "title": str, "body": str, "link": str, "createdAt": str, "readAt": nullable(str)]))
        return s
    }

    static let queryDescriptions: [String: String] = [
        "limit": "每页条数，1–500，默认50", "offset": "跳过条数", "year": "年度", "planId": "计划编号", "workPointId": "工作要点编号",
        "unitId": "单位编号（责任或配合）", "leaderId": "分管领导的用户编号", "status": "状态（任务、诉求或隐患的状态码）", "light": "红黄绿灯状态", "q": "名称包含",
        "includeArchived": "包含已归档", "entityType": "对象类型", "entityId": "对象编号", "username": "操作人",
        "open": "true：在办；false：已办结或撤销", "taskId": "任务编号", "version": "结果版本（默认最新）",
        "chain": "产业链", "tier": "培育梯度（techSME、hnte、gazelle、srdi、littleGiant、listed）", "scale": "above（规上）或below（规下）", "unit": "包联单位编号",
        "category": "诉求类别", "overdue": "true：只看逾期在办的",
        "dryRun": "true：只预览，不写入", "fingerprint": "预览返回的fingerprint：导入前数据若已变则返回409",
    ]

    /// The ranges the server enforces on numeric query parameters (`queryInt`, `ListPage`).
    static let queryRanges: [String: ClosedRange<Int>] = ["limit": 1...500, "offset": 0...10_000_000, "year": 2000...2100, "version": 1...Int(Int32.max)]

    /// Operations whose body may be left out (the preview then uses the saved scheme).
    static let optionalBodies: Set<String> = ["post /assessment/schemes/{id}/preview"]

    static func queryParameter(_ name: String) -> [String: Any] {
        let schema: [String: Any]
        if name == "includeArchived" || name == "open" || name == "dryRun" { schema = ["type": "boolean"] }
        else if ["status", "light", "q", "entityType", "username", "chain", "tier", "scale", "fingerprint"].contains(name) { schema = str }
        else if let range = queryRanges[name] { schema = ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound] }
        else { schema = int }
        return ["name": name, "in": "query", "required": false, "description": queryDescriptions[name] ?? name, "schema": schema]
    }

    static func errorResponse(_ text: String) -> [String: Any] {
        ["description": text, "content": ["application/json": ["schema": ref("Error")]]]
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var o: [String: Any] = ["summary": op.summary, "operationId": op.method + op.path.replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "{", with: "").replacingOccurrences(of: "}", with: "").replacingOccurrences(of: "-", with: "_")
                .replacingOccurrences(of: ".", with: "_")]
            var params: [[String: Any]] = op.query.map(queryParameter)
            if op.path.contains("{id}") { params.append(["name": "id", "in": "path", "required": true, "schema": int]) }
            if op.path.contains("{year}") { params.append(["name": "year", "in": "path", "required": true, "schema": ["type": "integer", "minimum": 2000, "maximum": 2100]]) }
            if !params.isEmpty { o["parameters"] = params }
            if op.request == "TaskSheetFile" {
                o["requestBody"] = ["required": true, "content": [
                    XLSXWriter.contentType: ["schema": ["type": "string", "format": "binary"]],
                    "text/csv": ["schema": ["type": "string"]],
                ]]
            } else if let r = op.request {
                o["requestBody"] = ["required": !optionalBodies.contains("\(op.method) \(op.path)"), "content": ["application/json": ["schema": ref(r)]]]
            }
            var responses: [String: Any] = [:]
            if let r = op.response {
                responses[String(op.status)] = ["description": "成功", "content": ["application/json": ["schema": ref(r)]]]
            } else {
                responses[String(op.status)] = ["description": "成功"]
            }
            if op.request == "TaskSheetFile", let r = op.response {
                responses["200"] = ["description": "预览（dryRun=true），未写入", "content": ["application/json": ["schema": ref(r)]]]
            }
            if op.path != "/openapi.json" {
                responses["401"] = errorResponse("未登录或令牌无效")
                responses["403"] = errorResponse("无权限")
                responses["400"] = errorResponse("请求格式错误（字段类型、JSON格式、查询参数）")
            }
            if op.path.contains("{id}") { responses["404"] = errorResponse("不存在或不属于本区") }
            if op.request != nil {
                responses["422"] = errorResponse("不符合业务规则（field 指出字段）"); responses["409"] = errorResponse("版本冲突或名称重复")
                responses["415"] = errorResponse(op.request == "TaskSheetFile" ? "请求体不是 .xlsx 或 text/csv" : "请求体不是 application/json（或缺少请求体）")
            }
            if op.path != "/openapi.json" { responses["429"] = errorResponse("请求过于频繁（GUATU_RATE_API），见 Retry-After") }
            o["responses"] = responses
            if op.path != "/openapi.json" { o["security"] = [["bearer": [String]()], ["session": [String]()]] }
            paths[ApiController.base + op.path, default: [:]][op.method] = o
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "挂图作战 Guatu API", "version": "1.0.0",
                     "description": "高新区目标任务管理平台的JSON接口。认证：Authorization: Bearer 令牌（在“API令牌”页面创建），或浏览器会话（写操作须带X-CSRF-Token）。错误统一为 {\"error\":{\"code\",\"message\",\"field\"}}。"],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"],
                                    "session": ["type": "apiKey", "in": "cookie", "name": "guatu_session"]],
            ],
        ]
    }

    static let json: Data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
}
