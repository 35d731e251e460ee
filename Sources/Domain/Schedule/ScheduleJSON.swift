import Foundation

// The scheduler's JSON, as the CLI reads and writes it.

extension ScheduleInput {
    enum CodingKeys: String, CodingKey { case deadline, today, tasks }

    /// Decodes the scheduler's input. Every failure — malformed JSON, a missing field, a wrong type, an
    /// impossible date — is a `ValidationError` whose `field` is the JSON path (`tasks[2].predecessors[1].lag`).
    /// Rules between tasks (unknown predecessors, cycles, negative durations …) are the scheduler's:
    /// `Scheduler.schedule` throws `ScheduleError` for them.
    public static func fromJSON(_ data: Data) throws -> ScheduleInput {
        try JSONInput.decode(ScheduleInput.self, from: data)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        deadline = try decodeDay(c, .deadline)
        today = try decodeDay(c, .today)
        tasks = try c.decode([ScheduleTask].self, forKey: .tasks)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(deadline, forKey: .deadline)
        try c.encodeIfPresent(today, forKey: .today)
        try c.encode(tasks, forKey: .tasks)
    }
}

extension ScheduleTask {
    enum CodingKeys: String, CodingKey { case id, duration, start, deadline, predecessors }

    /// `id` and `duration` are required; `start`, `deadline` (ISO dates) and `predecessors` are optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        if id.isEmpty { throw ValidationError(field: JSONInput.path(c.codingPath + [CodingKeys.id]), "任务编号不能为空") }
        duration = try decodeInt(c, .duration)!
        start = try decodeDay(c, .start)
        deadline = try decodeDay(c, .deadline)
        predecessors = try c.decodeIfPresent([Dependency].self, forKey: .predecessors) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(duration, forKey: .duration)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(deadline, forKey: .deadline)
        try c.encode(predecessors, forKey: .predecessors)
    }
}

extension Dependency {
    enum CodingKeys: String, CodingKey { case id, lag }

    /// `"B"` or `{"id": "C", "lag": 2}` (lag optional, default 0).
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let id = try? single.decode(String.self) {
            self.init(id)
        } else if let c = try? decoder.container(keyedBy: CodingKeys.self) {
            self.init(try c.decode(String.self, forKey: .id), lag: try decodeInt(c, .lag, required: false) ?? 0)
        } else {
            throw ValidationError(field: JSONInput.path(decoder.codingPath),
                                  "前置任务应为任务编号字符串或 {\"id\": …, \"lag\": …} 对象")
        }
        if id.isEmpty { throw ValidationError(field: JSONInput.path(decoder.codingPath), "前置任务编号不能为空") }
    }

    /// A plain id when there is no lag, as people write it.
    public func encode(to encoder: any Encoder) throws {
        if lag == 0 {
            var c = encoder.singleValueContainer()
            try c.encode(id)
        } else {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(lag, forKey: .lag)
        }
    }
}

extension ScheduleResult {
    /// The CLI's output, compact, keys in this order, `null` written out where a value is undefined:
    /// ```json
    /// {"tasks":[{"id":"A","earliest_start":"2026-09-14","earliest_finish":"2026-09-18",
    ///   "latest_start":"2026-09-22","latest_finish":"2026-09-29","float":7,"critical":true}],
    ///  "critical_path":["A"],"infeasible":[{"id":"X","short_by":3}]}
    /// ```
    /// Written directly rather than through JSONEncoder (which cannot write explicit nulls for optionals
    /// without a custom encoder per type, and is slow for 100,000 tasks).
    public func jsonData() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(64 + tasks.count * 170)
        func raw(_ s: StaticString) {
            s.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        func date(_ d: Day?) {
            if let d { out.append(34); out.append(contentsOf: d.iso.utf8); out.append(34) } else { raw("null") }
        }
        raw("{\"tasks\":[")
        for (i, t) in tasks.enumerated() {
            if i > 0 { out.append(44) }
            raw("{\"id\":"); appendJSONString(t.id, to: &out)
            raw(",\"earliest_start\":"); date(t.earliestStart)
            raw(",\"earliest_finish\":"); date(t.earliestFinish)
            raw(",\"latest_start\":"); date(t.latestStart)
            raw(",\"latest_finish\":"); date(t.latestFinish)
            raw(",\"float\":")
            if let f = t.float { out.append(contentsOf: String(f).utf8) } else { raw("null") }
            raw(",\"critical\":"); if t.critical { raw("true") } else { raw("false") }
            out.append(125)
        }
        raw("],\"critical_path\":[")
        for (i, id) in criticalPath.enumerated() {
            if i > 0 { out.append(44) }
            appendJSONString(id, to: &out)
        }
        raw("],\"infeasible\":[")
        for (i, x) in infeasible.enumerated() {
            if i > 0 { out.append(44) }
            raw("{\"id\":"); appendJSONString(x.id, to: &out)
            raw(",\"short_by\":"); out.append(contentsOf: String(x.shortBy).utf8)
            out.append(125)
        }
        raw("]}")
        return Data(out)
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped, everything else as UTF-8.
private func appendJSONString(_ s: String, to out: inout [UInt8]) {
    out.append(34)
    for b in s.utf8 {
        switch b {
        case 34: out.append(92); out.append(34)
        case 92: out.append(92); out.append(92)
        case 10: out.append(92); out.append(110)
        case 13: out.append(92); out.append(114)
        case 9: out.append(92); out.append(116)
        case 0..<32:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: out.append(b)
        }
    }
    out.append(34)
}

/// An integer. For 1.5 or 1e30 where an Int is expected JSONDecoder throws its own internal error
/// (surfacing as "not valid JSON", without a path), so anything but a DecodingError is caught here,
/// where the path is known.
private func decodeInt<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K, required: Bool = true) throws -> Int? {
    do {
        return required ? try c.decode(Int.self, forKey: key) : try c.decodeIfPresent(Int.self, forKey: key)
    } catch let error as DecodingError {
        throw error
    } catch {
        throw ValidationError(field: JSONInput.path(c.codingPath + [key]), "数值无效（应为整数）")
    }
}

/// An optional ISO date; a bad one is a `ValidationError` at its path.
private func decodeDay<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> Day? {
    guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let d = Day(iso: text) else {
        throw ValidationError(field: JSONInput.path(c.codingPath + [key]), JSONInput.badDate(text))
    }
    return d
}
