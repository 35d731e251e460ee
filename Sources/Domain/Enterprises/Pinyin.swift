import Foundation

/// 拼音首字母 for search: "科创投资集团" → "kctzjt". ICU's Han-to-Latin transliteration, one syllable per character;
/// letters and digits in the name are kept, other characters dropped. Polyphones take ICU's reading.
public enum Pinyin {
    public static func initials(_ text: String) -> String {
        guard let latin = text.applyingTransform(.mandarinToLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) else {
            return text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        var out = ""
        for word in latin.split(whereSeparator: { $0 == " " || $0 == "-" }) {
            if let first = word.first(where: { $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                if first.isNumber { out += word.filter(\.isNumber) } else { out.append(Character(first.lowercased())) }
            }
        }
        return out
    }
}
