import Domain

/// One colour per light, for every picture the server draws (the battle map, the cockpit, the wall, indicator charts)
/// and in the order the charts stack them. Red, yellow and green are the stylesheet's `--red`, `--yellow`, `--green`;
/// finished work is the stylesheet's blue, so it never reads as "on track".
public enum LightColours {
    public static let ordered: [(Light, String)] = [
        (.overdue, "#8e1b14"), (.red, "#d93025"), (.yellow, "#e8a200"), (.green, "#1e8e3e"),
        (.notStarted, "#9aa0a6"), (.suspended, "#c7c9cc"), (.doneLate, "#a35200"), (.done, "#1a5fb4"),
    ]
    private static let byLight = Dictionary(uniqueKeysWithValues: ordered)

    /// The light's colour; grey when there is no light (no data).
    public static func of(_ l: Light?) -> String { l.flatMap { byLight[$0] } ?? "#9aa0a6" }
}
