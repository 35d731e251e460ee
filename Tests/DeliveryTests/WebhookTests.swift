import Foundation
import XCTest
@testable import Delivery

final class WebhookTests: XCTestCase {
    private let dingURL = "https://oapi.dingtalk.com/robot/send?access_token=abc123"
    private let wecomURL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-1"

    private func json(_ data: Data) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: DingTalk signature

    // Expected values computed independently with Python's hmac module, e.g.:
    //   python3 -c 'import hmac,hashlib,base64,urllib.parse; ts="1700000000000"; s="SEC0123456789abcdef";
    //     print(urllib.parse.quote_plus(base64.b64encode(hmac.new(s.encode(),(ts+"\n"+s).encode(),hashlib.sha256).digest())))'
    //   -> TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D
    // (same one-liner with ts="1700000000033", s="SECabc" and with ts="1700000000123", s="SEC密钥test").
    func testDingTalkSignMatchesPythonHMAC() {
        XCTAssertEqual(Webhooks.dingTalkSign(timestamp: 1_700_000_000_000, secret: "SEC0123456789abcdef"),
                       "TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D")
        // has "+" in its base64
        XCTAssertEqual(Webhooks.dingTalkSign(timestamp: 1_700_000_000_033, secret: "SECabc"),
                       "5vBFcmGRXsNFSZ7pOvt%2BFPDf6t47Zqlmn8XtzEX1M5A%3D")
        // a non-ASCII secret is used as UTF-8
        XCTAssertEqual(Webhooks.dingTalkSign(timestamp: 1_700_000_000_123, secret: "SEC密钥test"),
                       "YaHcVSK%2FqDrugGJYomfEljPVdlRrSRtx7gO4MPDjT5o%3D")
    }

    func testDingTalkSignedURLCarriesTimestampAndSign() {
        let m = OutgoingMessage(subject: "提醒", text: "任务即将到期")
        let r = Webhooks.request(kind: .dingtalk, url: dingURL, secret: "SEC0123456789abcdef", message: m,
                                 now: Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(r.url, dingURL + "&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D")

        let ms = Webhooks.request(kind: .dingtalk, url: dingURL, secret: "SECabc", message: m,
                                  now: Date(timeIntervalSince1970: 1_700_000_000.033))
        XCTAssertEqual(ms.url, dingURL + "&timestamp=1700000000033&sign=5vBFcmGRXsNFSZ7pOvt%2BFPDf6t47Zqlmn8XtzEX1M5A%3D")

        // no secret (or an empty one): the URL is left alone
        XCTAssertEqual(Webhooks.request(kind: .dingtalk, url: dingURL, secret: nil, message: m, now: Date()).url, dingURL)
        XCTAssertEqual(Webhooks.request(kind: .dingtalk, url: dingURL, secret: "", message: m, now: Date()).url, dingURL)
        // WeCom has no signing: a secret is ignored
        XCTAssertEqual(Webhooks.request(kind: .wecom, url: wecomURL, secret: "SECabc", message: m, now: Date()).url, wecomURL)
    }

    // MARK: JSON shapes

    func testWeComTextAndMarkdownShapes() throws {
        let text = Webhooks.request(kind: .wecom, url: wecomURL, secret: nil,
                                    message: OutgoingMessage(subject: "到期提醒", text: "“月度检查”明天到期"), now: Date())
        XCTAssertEqual(text.contentType, "application/json")
        XCTAssertEqual(String(decoding: text.body, as: UTF8.self),
                       #"{"msgtype":"text","text":{"content":"到期提醒\n“月度检查”明天到期"}}"#)

        let md = Webhooks.request(kind: .wecom, url: wecomURL, secret: nil,
                                  message: OutgoingMessage(subject: "到期提醒", text: "纯文本", markdown: "> 月度检查 **明天**到期"),
                                  now: Date())
        let o = try json(md.body)
        XCTAssertEqual(o["msgtype"] as? String, "markdown")
        XCTAssertEqual(Set(o.keys), ["msgtype", "markdown"])
        let inner = try XCTUnwrap(o["markdown"] as? [String: Any])
        XCTAssertEqual(inner as? [String: String], ["content": "**到期提醒**\n\n> 月度检查 **明天**到期"])
    }

    func testDingTalkTextAndMarkdownShapes() throws {
        let text = Webhooks.request(kind: .dingtalk, url: dingURL, secret: nil,
                                    message: OutgoingMessage(subject: "", text: "只有正文"), now: Date())
        XCTAssertEqual(text.contentType, "application/json")
        let t = try json(text.body)
        XCTAssertEqual(t["msgtype"] as? String, "text")
        XCTAssertEqual(t["text"] as? [String: String], ["content": "只有正文"])

        let md = Webhooks.request(kind: .dingtalk, url: dingURL, secret: "SECabc",
                                  message: OutgoingMessage(subject: "到期提醒", text: "纯文本", markdown: "#### 月度检查\n- 明天到期"),
                                  now: Date())
        let o = try json(md.body)
        XCTAssertEqual(Set(o.keys), ["msgtype", "markdown"])
        XCTAssertEqual(o["msgtype"] as? String, "markdown")
        XCTAssertEqual(o["markdown"] as? [String: String],
                       ["title": "到期提醒", "text": "**到期提醒**\n\n#### 月度检查\n- 明天到期"])
    }

    // MARK: Truncation

    func testWeComTextIsCutOnACharacterBoundaryWithinTheLimit() throws {
        let long = String(repeating: "中", count: 1000)  // 3000 bytes
        let r = Webhooks.request(kind: .wecom, url: wecomURL, secret: nil,
                                 message: OutgoingMessage(subject: "", text: long), now: Date())
        let content = try XCTUnwrap((try json(r.body))["text"] as? [String: String])["content"]!
        XCTAssertLessThanOrEqual(content.utf8.count, 2048)
        XCTAssertEqual(content.utf8.count, 681 * 3 + 3)  // 681 whole characters + "…"
        XCTAssertTrue(content.hasSuffix("…"))
        XCTAssertTrue(long.hasPrefix(String(content.dropLast())))
    }

    func testWeComMarkdownLimitIs4096Bytes() throws {
        let md = "a" + String(repeating: "汉", count: 2000)  // 6001 bytes: the cut can't fall on a multiple of 3
        let r = Webhooks.request(kind: .wecom, url: wecomURL, secret: nil,
                                 message: OutgoingMessage(subject: "", text: "", markdown: md), now: Date())
        let content = try XCTUnwrap((try json(r.body))["markdown"] as? [String: String])["content"]!
        XCTAssertLessThanOrEqual(content.utf8.count, 4096)
        XCTAssertEqual(content.utf8.count, 1 + 1364 * 3 + 3)
        XCTAssertTrue(md.hasPrefix(String(content.dropLast())))
    }

    func testTruncationKeepsWholeGraphemesAndLeavesShortTextAlone() {
        let family = "👨‍👩‍👧"  // one Character, 18 bytes
        XCTAssertEqual(family.utf8.count, 18)
        XCTAssertEqual(Webhooks.truncateUTF8("ab" + family, maxBytes: 20), "ab" + family)      // fits exactly
        XCTAssertEqual(Webhooks.truncateUTF8("ab" + family + "c", maxBytes: 20), "ab…")        // never half an emoji
        XCTAssertEqual(Webhooks.truncateUTF8(String(repeating: "中", count: 10), maxBytes: 10), "中中…")
        let exact = String(repeating: "字", count: 682) + "ab"  // 2048 bytes: not cut
        XCTAssertEqual(Webhooks.truncateUTF8(exact, maxBytes: 2048), exact)
        XCTAssertEqual(Webhooks.truncateUTF8("abcdef", maxBytes: 2), "")
    }

    // MARK: Responses

    func testOkResponsePasses() throws {
        for kind in WebhookKind.allCases {
            XCTAssertNoThrow(try Webhooks.checkResponse(kind: kind, status: 200, body: Data(#"{"errcode":0,"errmsg":"ok"}"#.utf8)))
        }
    }

    func testNonZeroErrcodeThrowsWithErrmsg() {
        XCTAssertThrowsError(try Webhooks.checkResponse(kind: .wecom, status: 200,
                             body: Data(#"{"errcode":93000,"errmsg":"invalid webhook url, hint: [1]"}"#.utf8))) { e in
            let d = e as? DeliveryError
            XCTAssertEqual(d?.kind, .webhook)
            XCTAssertEqual(d?.code, 93000)
            XCTAssertTrue(d?.message.contains("invalid webhook url") ?? false, "\(e)")
            XCTAssertTrue(d?.message.contains("WeCom") ?? false, "\(e)")
        }
        XCTAssertThrowsError(try Webhooks.checkResponse(kind: .dingtalk, status: 200,
                             body: Data(#"{"errcode":310000,"errmsg":"sign not match"}"#.utf8))) { e in
            XCTAssertEqual((e as? DeliveryError)?.code, 310000)
            XCTAssertEqual((e as? DeliveryError)?.message,
                           "DingTalk robot refused the message: errcode 310000, sign not match")
        }
    }

    func testHTTPErrorsAndOddBodiesThrow() {
        XCTAssertThrowsError(try Webhooks.checkResponse(kind: .wecom, status: 502, body: Data("Bad Gateway".utf8))) { e in
            XCTAssertEqual((e as? DeliveryError)?.code, 502)
            XCTAssertEqual((e as? DeliveryError)?.message, "WeCom robot answered HTTP 502: Bad Gateway")
        }
        XCTAssertThrowsError(try Webhooks.checkResponse(kind: .dingtalk, status: 200, body: Data("<html>".utf8))) { e in
            XCTAssertEqual((e as? DeliveryError)?.kind, .webhook)
        }
        XCTAssertThrowsError(try Webhooks.checkResponse(kind: .dingtalk, status: 200, body: Data(#"{"errmsg":"ok"}"#.utf8)))
    }
}
