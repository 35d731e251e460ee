import Foundation

/// 到期提醒 for titles that must be renewed (高企 every three years, 专精特新 and 小巨人): a reminder when 90 days are
/// left and again when 30 are left, to the unit that serves the firm. The key names the certificate, its expiry and
/// the threshold, so each goes out once.
public enum CertificateReminders {
    public static let thresholds = [90, 30]
    public static let renewable: Set<EnterpriseTier.Kind> = [.hnte, .srdi, .littleGiant]

    public static func due(firms: [(enterprise: Enterprise, tiers: [EnterpriseTier])], today: Day) -> [Reminder] {
        var out: [Reminder] = []
        for f in firms {
            guard let unit = f.enterprise.servingUnitId else { continue }
            let held = f.tiers.filter { renewable.contains($0.kind) }
            for t in held {
                guard let end = t.expiresOn, end >= today else { continue }
                // Renewed already: a later title of the same kind starting by the expiry.
                if held.contains(where: { $0.kind == t.kind && $0.grantedOn > t.grantedOn }) { continue }
                let left = today.days(to: end)
                guard let threshold = thresholds.filter({ left <= $0 }).min() else { continue }
                out.append(Reminder(key: "tier:\(f.enterprise.id):\(t.kind.rawValue):\(end.iso):\(threshold)", unitId: unit, stage: .before,
                                    title: "到期提醒：\(f.enterprise.name)的\(t.kind.chineseName)证书将于\(end.iso)到期（还有\(left)天）",
                                    body: "证书编号\(t.certificate.isEmpty ? "—" : t.certificate)。请督促企业做好重新认定准备（高企须在到期当年申报）。",
                                    link: "/enterprises/\(f.enterprise.id)"))
            }
        }
        return out
    }
}
