import Plot

public struct ErrorPage: Sendable {
    public var status: Int
    public var message: String
    public init(status: Int, message: String) { self.status = status; self.message = message }
    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "出错了", context: ctx, body: .group(
            .h1(.text(Self.title(status))),
            .p(.class("errorbox"), .text(message)),
            .p(.a(.href(SiteURL.home.path), .text("返回首页")))
        ))
    }
    static func title(_ status: Int) -> String {
        switch status {
        case 400, 422: return "提交的内容有误"
        case 401: return "请先登录"
        case 403: return "没有权限"
        case 404: return "页面不存在"
        case 409: return "数据已被他人修改"
        case 429: return "请求过于频繁"
        default: return "系统错误"
        }
    }
}
