import Testing
@testable import Domain

/// True when `path` starts and ends at `task` and every step is a link of `edges` or a new link p → task.
private func isCycle(_ path: [Int], task: Int, predecessors: [Int], edges: [(Int, Int)]) -> Bool {
    guard path.count >= 2, path.first == task, path.last == task else { return false }
    let links = Set(edges.filter { $0.1 != task }.map { "\($0.0)>\($0.1)" } + predecessors.map { "\($0)>\(task)" })
    return zip(path, path.dropFirst()).allSatisfy { links.contains("\($0)>\($1)") }
}

@Suite("DependencyGraph 前置任务环路")
struct DependencyGraphTests {
    @Test("a→b→c 再让 a 依赖 c：返回环路 a,b,c,a")
    func threeCycle() throws {
        let edges = [(1, 2), (2, 3)]
        let path = try #require(DependencyGraph.cycle(adding: [3], to: 1, edges: edges))
        #expect(path == [1, 2, 3, 1])
    }

    @Test("没有环路时返回nil")
    func noCycle() {
        // a→b→c; making d depend on c is fine, so is making c depend on a as well.
        #expect(DependencyGraph.cycle(adding: [3], to: 4, edges: [(1, 2), (2, 3)]) == nil)
        #expect(DependencyGraph.cycle(adding: [1, 2], to: 3, edges: [(1, 2), (2, 3)]) == nil)
        #expect(DependencyGraph.cycle(adding: [], to: 1, edges: [(1, 2), (2, 3)]) == nil)
    }

    @Test("以自身为前置：自环")
    func selfLoop() throws {
        let path = try #require(DependencyGraph.cycle(adding: [5], to: 5, edges: []))
        #expect(path == [5, 5])
    }

    @Test("菱形依赖不是环路")
    func diamond() {
        // 1→2, 1→3, 2→4, 3→4; then 5 after 4.
        let edges = [(1, 2), (1, 3), (2, 4), (3, 4)]
        #expect(DependencyGraph.cycle(adding: [2, 3], to: 4, edges: edges) == nil)
        #expect(DependencyGraph.cycle(adding: [4], to: 5, edges: edges) == nil)
        #expect(DependencyGraph.cycle(adding: [1], to: 4, edges: edges) == nil)
    }

    @Test("菱形的汇点再指回源点：返回经过菱形一边的环路")
    func diamondClosed() throws {
        let edges = [(1, 2), (1, 3), (2, 4), (3, 4)]
        let path = try #require(DependencyGraph.cycle(adding: [4], to: 1, edges: edges))
        #expect(path.count == 4)
        #expect(path == [1, 2, 4, 1] || path == [1, 3, 4, 1])
        #expect(isCycle(path, task: 1, predecessors: [4], edges: edges))
    }

    @Test("较长环路的每一步都是已有或新加的依赖")
    func longCycle() throws {
        let edges = [(10, 11), (11, 12), (12, 13), (13, 14), (11, 20), (20, 21)]
        let path = try #require(DependencyGraph.cycle(adding: [14, 30], to: 10, edges: edges))
        #expect(path == [10, 11, 12, 13, 14, 10])
        #expect(isCycle(path, task: 10, predecessors: [14, 30], edges: edges))
    }

    @Test("整张图中的任意环路：找到时每一步都是图中的边，无环时为nil，长链不溢出")
    func anyCycle() throws {
        // a → b → c → d, c → e, and e → b closes b → c → e → b.
        let g: [String: [String]] = ["a": ["b"], "b": ["c"], "c": ["d", "e"], "e": ["b"]]
        let loop = try #require(DependencyGraph.anyCycle(successors: g, from: ["a"]))
        #expect(loop.first == loop.last)
        #expect(Set(loop) == ["b", "c", "e"])
        for (x, y) in zip(loop, loop.dropFirst()) { #expect(g[x]?.contains(y) == true, "\(x) → \(y) is an edge") }
        // The same graph without e → b has none, from any start; a diamond is not a cycle.
        #expect(DependencyGraph.anyCycle(successors: ["a": ["b"], "b": ["c"], "c": ["d", "e"]], from: ["a", "b", "c", "d", "e"]) == nil)
        #expect(DependencyGraph.anyCycle(successors: [1: [2, 3], 2: [4], 3: [4]], from: [1, 2, 3, 4]) == nil)
        // A node depending on itself.
        #expect(DependencyGraph.anyCycle(successors: [7: [7]], from: [7]) == [7, 7])
        // 100,000 in a chain, closed at the end.
        var chain: [Int: [Int]] = [:]
        for i in 0..<100_000 { chain[i] = [i + 1] }
        chain[100_000] = [0]
        #expect(DependencyGraph.anyCycle(successors: chain, from: [0])?.count == 100_002)
    }
}
