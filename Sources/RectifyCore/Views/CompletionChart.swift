/// The numbers behind the "completed over time" chart: how many items had reached a done
/// status on each date an item did, from the dated updates. The template draws them as an
/// SVG step line; no JavaScript, and it prints.
struct CompletionChart {
    struct Point {
        let date: Day
        let count: Int
    }

    /// Cumulative completions, one point per date on which at least one item was completed.
    let points: [Point]
    /// Items in a done status whose completion has no dated update (not on the chart).
    let undated: Int
    let total: Int
    let start: Day
    let end: Day

    /// Month labels in the site's language: `10月` or `2026-10`.
    let chineseMonths: Bool

    init(items: [Item], config: SiteConfig, asOf: Day) {
        chineseMonths = config.language.hasPrefix("zh")
        var dates: [Day] = []
        var undated = 0
        for item in items where config.status(item.status)?.isDone == true {
            if let completion = item.completionUpdate(in: config) { dates.append(completion.date) } else { undated += 1 }
        }
        dates.sort()
        var points: [Point] = []
        for (index, date) in dates.enumerated() {
            if points.last?.date == date { points.removeLast() }
            points.append(Point(date: date, count: index + 1))
        }
        self.points = points
        self.undated = undated
        total = items.count
        let first = items.flatMap { $0.updates.map(\.date) }.min() ?? asOf
        start = min(first, points.first?.date ?? first)
        end = max(asOf, points.last?.date ?? asOf)
    }

    static let width = 720, height = 240
    static let left = 44, right = 16, top = 12, bottom = 36

    /// The chart's view: sizes, the polyline, dots, month ticks along the x axis, gridlines at
    /// round numbers, a data table.
    var view: ChartView {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let span = max(1, start.days(until: end))
        let ticks = Self.roundTicks(upTo: total)
        let top = max(1, ticks.last ?? total)
        func x(_ day: Day) -> Int { Self.left + plotWidth * start.days(until: day) / span }
        func y(_ count: Int) -> Int { Self.top + plotHeight - plotHeight * count / top }
        var line = ["\(x(start)),\(y(0))"]
        var previous = 0
        for point in points {
            line.append("\(x(point.date)),\(y(previous))")
            line.append("\(x(point.date)),\(y(point.count))")
            previous = point.count
        }
        line.append("\(x(end)),\(y(previous))")
        var labels = monthStarts().map { month in
            ChartLabel(x: x(month), label: chineseMonths ? "\(month.month)月" : String(month.description.prefix(7)), anchor: "middle")
        }
        if labels.isEmpty {
            labels = [ChartLabel(x: x(start), label: start.description, anchor: "start"), ChartLabel(x: x(end), label: end.description, anchor: "end")]
        }
        return ChartView(
            width: Self.width, height: Self.height, plotLeft: Self.left, plotRight: Self.width - Self.right,
            plotBottom: Self.top + plotHeight, plotTop: Self.top, labelY: Self.top + plotHeight + 22,
            points: line.joined(separator: " "), completed: previous, total: total, undated: undated,
            dots: points.map { ChartDot(x: x($0.date), y: y($0.count), count: $0.count, date: $0.date.description) },
            gridlines: ticks.map { ChartGridline(y: y($0), labelY: y($0) + 4, label: $0) },
            xLabels: labels)
    }

    /// 0 and multiples of a round step (1, 2, 5, 10, 20, 50…) up to the first at or above
    /// `total`, at most six of them.
    static func roundTicks(upTo total: Int) -> [Int] {
        guard total > 0 else { return [0] }
        var step = 1
        while (total + step - 1) / step > 5 { step = nextRound(after: step) }
        return Array(stride(from: 0, through: ((total + step - 1) / step) * step, by: step))
    }

    /// 1 → 2 → 5 → 10 → 20 → 50 → 100…
    static func nextRound(after step: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= step { magnitude *= 10 }
        switch step / magnitude {
        case 1: return 2 * magnitude
        case 2: return 5 * magnitude
        default: return 10 * magnitude
        }
    }

    /// The first day of each month after `start` up to `end`; every second or third month
    /// when the span is long, so at most about eight labels.
    func monthStarts() -> [Day] {
        var months: [Day] = []
        var year = start.year, month = start.month + 1
        if month > 12 { year += 1; month = 1 }
        while Day(year: year, month: month, day: 1) <= end {
            months.append(Day(year: year, month: month, day: 1))
            month += 1
            if month > 12 { year += 1; month = 1 }
        }
        let every = max(1, (months.count + 7) / 8)
        return months.enumerated().filter { $0.offset % every == 0 }.map(\.element)
    }
}
