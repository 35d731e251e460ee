import Foundation

extension WorkCalendar {
    /// Signed distance in working days: positive when `b` is later than `a` (a slip), negative
    /// when earlier, 0 when the same day. Used for variance against a baseline.
    public func workdayDistance(from a: Day, to b: Day) -> Int {
        if a == b { return 0 }
        return a < b ? workdays(from: a.adding(days: 1), to: b) : -workdays(from: b.adding(days: 1), to: a)
    }
}
