import Domain
import Testing

@Suite("全省园区比拼的排序规则")
struct ZoneRankingTests {
    func zone(_ code: String, tasks: Int, done: Int, overdue: Int, orders: Int = 0) -> ZoneFigures {
        var z = ZoneFigures(zoneId: code.hashValue, code: code, name: code)
        z.tasks = tasks; z.done = done; z.overdue = overdue; z.openOrders = orders
        return z
    }

    @Test("按期率高者在前，再比完成率，再比在办督办单少；三项相同并列，下一名次跳过；没有本年度任务的园区排在最后")
    func order() {
        let places = ZoneRanking.rank([
            zone("d", tasks: 100, done: 50, overdue: 10, orders: 3),   // 90% on time
            zone("a", tasks: 100, done: 40, overdue: 5),               // 95%
            zone("b", tasks: 200, done: 80, overdue: 10, orders: 2),   // 95%, 40% done, more orders
            zone("c", tasks: 200, done: 80, overdue: 10, orders: 2),   // the same as b
            zone("e", tasks: 0, done: 0, overdue: 0),                  // no tasks this year: last, whatever its rates
        ])
        #expect(places.map(\.figures.code) == ["a", "b", "c", "d", "e"])
        #expect(places.map(\.rank) == [1, 2, 2, 4, 5])
        #expect(places[0].figures.onTimeRate == 0.95)
        #expect(places[3].figures.doneRate == 0.5)
        #expect(places[4].figures.onTimeRate == 1)
    }

    @Test("满意率只算已评价的诉求；没有评价时为空")
    func satisfaction() {
        var z = ZoneFigures(zoneId: 1, code: "a", name: "甲")
        #expect(z.satisfactionRate == nil)
        z.appealsRated = 8; z.appealsSatisfied = 6
        #expect(z.satisfactionRate == 0.75)
    }
}
