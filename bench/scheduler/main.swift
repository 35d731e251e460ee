// Benchmark of the reverse scheduler (Domain.Scheduler): a generated random DAG, timed in a release
// build. Run with bench/scheduler/run.sh; arguments: [tasks] [iterations].
import Domain
import Foundation

/// Deterministic generator so every run times the same graph.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1333_11EB
        return z ^ (z >> 31)
    }
}

/// n tasks; task i gets 2 predecessors among lower indices (uniformly, or among the `window` before it
/// for a deep graph), durations 1–20 with 5% milestones, a lag on 10% of the links, a requested start
/// on 10% of the tasks, a deadline on 20% spread over 2026-03..2027-12, and a project deadline.
func makeInput(n: Int, window: Int?, seed: UInt64) -> ScheduleInput {
    var rng = SplitMix(state: seed)
    let base = Day(iso: "2026-03-01")!
    var tasks: [ScheduleTask] = []
    tasks.reserveCapacity(n)
    for i in 0..<n {
        var preds: [Dependency] = []
        if i > 0 {
            for _ in 0..<2 {
                let lo = window.map { max(0, i - $0) } ?? 0
                let p = lo + Int(rng.next() % UInt64(i - lo))
                preds.append(Dependency("T\(p)", lag: rng.next() % 10 == 0 ? Int(rng.next() % 5) + 1 : 0))
            }
        }
        let duration = rng.next() % 20 == 0 ? 0 : Int(rng.next() % 20) + 1
        let start: Day? = rng.next() % 10 == 0 ? base.adding(days: Int(rng.next() % 200)) : nil
        var deadline: Day? = rng.next() % 5 == 0 ? base.adding(days: 30 + Int(rng.next() % 640)) : nil
        if let s = start, let d = deadline, d < s { deadline = s.adding(days: 30) }
        tasks.append(ScheduleTask(id: "T\(i)", duration: duration, start: start, deadline: deadline, predecessors: preds))
    }
    return ScheduleInput(deadline: Day(iso: "2027-12-31")!, tasks: tasks)
}

func ms(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
}

let args = CommandLine.arguments
let n = args.count > 1 ? Int(args[1])! : 100_000
let iterations = args.count > 2 ? Int(args[2])! : 10
let calendar = WorkCalendar.official
let today = Day(iso: "2026-01-05")!
let clock = ContinuousClock()

for (name, window) in [("uniform", nil), ("deep (window 100)", Optional(100))] as [(String, Int?)] {
    let input = makeInput(n: n, window: window, seed: 42)
    let edges = input.tasks.reduce(0) { $0 + $1.predecessors.count }
    var times: [Double] = []
    var result: ScheduleResult!
    for _ in 0..<iterations {
        let t = clock.measure { result = try! Scheduler.schedule(input, today: today, calendar: calendar) }
        times.append(ms(t))
    }
    times.sort()
    let json = try! JSONEncoder().encode(input)
    var decoded: ScheduleInput!
    let decodeTime = clock.measure { decoded = try! ScheduleInput.fromJSON(json) }
    var out = Data()
    let encodeTime = clock.measure { out = result.jsonData() }
    precondition(decoded.tasks.count == n)
    let floats = result.tasks.compactMap(\.float)
    let span = "\(result.tasks.map(\.earliestStart).min()!.iso)..\(result.tasks.compactMap(\.latestFinish).max()!.iso)"
    print("""
    \(name): \(n) tasks, \(edges) dependencies; schedule min \(String(format: "%.1f", times[0])) ms, \
    median \(String(format: "%.1f", times[times.count / 2])) ms, max \(String(format: "%.1f", times.last!)) ms \
    over \(iterations) runs
      critical \(result.criticalPath.count), infeasible \(result.infeasible.count), with float \(floats.count), \
    dates \(span)
      (not part of the target) input JSON \(json.count / 1024) KiB decoded in \(String(format: "%.0f", ms(decodeTime))) ms; \
    output JSON \(out.count / 1024) KiB written in \(String(format: "%.1f", ms(encodeTime))) ms
    """)
}
