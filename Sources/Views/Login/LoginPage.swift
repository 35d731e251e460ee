import Plot

public struct LoginPage: Sendable {
    public var username: String
    public var error: String?
    public var csrfToken: String
    public var next: String?
    public init(username: String = "", error: String? = nil, csrfToken: String, next: String? = nil) {
        self.username = username; self.error = error; self.csrfToken = csrfToken; self.next = next
    }

    public func render() -> String {
        Layout.render(title: "登录", context: PageContext(userName: nil, csrfToken: csrfToken), body: .div(.class("login"),
            .h1("登录挂图作战平台"),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .form(.method(.post), .action(SiteURL.login.path), .class("edit"),
                UI.csrf(csrfToken),
                .unwrap(next) { .input(.type(.hidden), .name("next"), .value(attr($0))) },
                UI.field("用户名", name: "username", error: FormErrors(), UI.textInput("username", username, required: true)),
                UI.field("密码", name: "password", error: FormErrors(), UI.textInput("password", "", type: "password", required: true)),
                UI.submit("登录")
            )
        ))
    }
}
