import Foundation

/// 统一社会信用代码 (GB 32100-2015): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V);
/// the 18th is a check character: 31 − (Σ value × weight mod 31), weights 3^(i) mod 31 for positions 1–17, with
/// 31 written as "0".
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17, or nil when one of them is not allowed.
    public static func checkCharacter(_ first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        let r = 31 - sum % 31
        return alphabet[r == 31 ? 0 : r]
    }

    /// The code in upper case without spaces, or a message saying what is wrong with it.
    public static func validated(_ raw: String, field: String = "creditCode") throws -> String {
        let code = raw.uppercased().filter { !$0.isWhitespace }
        guard code.count == 18 else {
            throw ValidationError(field: field, "统一社会信用代码应为18位，填写的“\(raw)”为\(code.count)位")
        }
        if let bad = code.first(where: { !alphabet.contains($0) }) {
            throw ValidationError(field: field, "统一社会信用代码不能含有“\(bad)”（不使用I、O、Z、S、V及小写字母以外的字符）")
        }
        let expected = checkCharacter(String(code.prefix(17)))!
        guard code.last == expected else {
            throw ValidationError(field: field, "统一社会信用代码“\(code)”校验位不符（按前17位应为“\(expected)”），请核对是否抄错")
        }
        return code
    }
}
