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

    init(items: [Item], config: SiteConfig, asOf: Day) {
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

    static let width = 640, height = 220
    static let left = 44, right = 16, top = 12, bottom = 36

    /// The chart's view: sizes, the polyline, dots, axis labels, a data table.
    var view: ChartView {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let span = max(1, start.days(until: end))
        func x(_ day: Day) -> Int { Self.left + plotWidth * start.days(until: day) / span }
        func y(_ count: Int) -> Int { Self.top + plotHeight - (total == 0 ? 0 : plotHeight * count / total) }
        var line = ["\(x(start)),\(y(0))"]
        var previous = 0
        for point in points {
            line.append("\(x(point.date)),\(y(previous))")
            line.append("\(x(point.date)),\(y(point.count))")
            previous = point.count
        }
        line.append("\(x(end)),\(y(previous))")
        let ticks = Array(Set([0, total / 2, total])).sorted()
        return ChartView(
            width: Self.width, height: Self.height, plotLeft: Self.left, plotRight: Self.width - Self.right,
            plotBottom: Self.top + plotHeight, plotTop: Self.top, labelY: Self.top + plotHeight + 22,
            points: line.joined(separator: " "), completed: previous, total: total, undated: undated,
            dots: points.map { ChartDot(x: x($0.date), y: y($0.count), count: $0.count, date: $0.date.description) },
            gridlines: ticks.map { ChartGridline(y: y($0), labelY: y($0) + 4, label: $0) },
            xLabels: [ChartLabel(x: x(start), label: start.description, anchor: "start"),
                      ChartLabel(x: x(end), label: end.description, anchor: "end")])
    }
}
