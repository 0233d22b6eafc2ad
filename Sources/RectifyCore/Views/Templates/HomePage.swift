import RectifyTheme

/// The dashboard.
struct HomePage: TemplateView {
    var frame: PageFrame
    var progress: ProgressView
    var byStatus: [StatusCount]
    var byCategory: [CategoryProgress]
    var overdue: [ItemRow]
    var dueSoon: [ItemRow]
    var overdueHTML: String
    var dueSoonHTML: String
    var latestUpdates: [UpdateRow]
    var chart: ChartView
    /// The done statuses other than the one labelled like "completed", for the card's label.
    var doneIncludes: String?

    static let contract = ViewContract<HomePage>("HomePage", "`home`: the dashboard. Also every field of PageFrame.",
        ViewContract<HomePage>.Field.all(of: \.frame) + [
            .view("progress", "completion of all items", \.progress),
            .list("byStatus", "each status with its count, in `site.yml` order", \.byStatus),
            .list("byCategory", "each category with its groups and their completion", \.byCategory),
            .list("overdue", "items past their deadline and not done", \.overdue),
            .list("dueSoon", "items due within `warning_days`", \.dueSoon),
            .html("overdueHTML", "the overdue items, each from `partials/item-entry`", \.overdueHTML),
            .html("dueSoonHTML", "the items due soon, each from `partials/item-entry`", \.dueSoonHTML),
            .list("latestUpdates", "the ten newest updates, each with its item", \.latestUpdates),
            .view("chart", "the completed-over-time chart, drawn by `partials/chart`", \.chart),
            .number("overdueCount", "how many items are overdue", \.overdue.count),
            .text("doneIncludes", "with more than one done status, what the completed count includes: `（含已完成、长期坚持）`", \.doneIncludes),
        ])
}

struct StatusCount: TemplateView {
    var label, key, url, percent, width: String
    var done: Bool
    var count: Int

    static let contract = ViewContract<StatusCount>("StatusCount", "A status with how many items have it.", [
        .text("label", "its label", \.label),
        .text("key", "its key", \.key),
        .flag("done", "whether it counts as completed", \.done),
        .text("url", "its page", \.url),
        .number("count", "items in it", \.count),
        .text("percent", "their share of all items, `25.0%`", \.percent),
        .text("width", "the same share as a number, `25.0`", \.width),
    ])
}

struct CategoryProgress: TemplateView {
    var title, url: String
    var progress: ProgressView
    var groups: [GroupProgress]

    static let contract = ViewContract<CategoryProgress>("CategoryProgress", "A category's completion on the dashboard.", [
        .text("title", "its title", \.title),
        .text("url", "its page", \.url),
        .view("progress", "completion of its items", \.progress),
        .list("groups", "its groups", \.groups),
    ])
}

struct GroupProgress: TemplateView {
    var title: String
    var progress: ProgressView

    static let contract = ViewContract<GroupProgress>("GroupProgress", "A group's completion on the dashboard.", [
        .text("title", "its title", \.title),
        .view("progress", "completion of its items", \.progress),
    ])
}

/// The "completed over time" chart's numbers, drawn as SVG by `partials/chart`.
struct ChartView: TemplateView {
    var width, height, plotLeft, plotRight, plotBottom, plotTop, labelY: Int
    var points: String
    var completed, total, undated: Int
    var dots: [ChartDot]
    var gridlines: [ChartGridline]
    var xLabels: [ChartLabel]

    static let contract = ViewContract<ChartView>("Chart", "The completed-over-time chart.", [
        .number("width", "the SVG's width", \.width),
        .number("height", "the SVG's height", \.height),
        .number("plotLeft", "the plot area's left edge", \.plotLeft),
        .number("plotRight", "its right edge", \.plotRight),
        .number("plotBottom", "its bottom edge", \.plotBottom),
        .number("plotTop", "its top edge", \.plotTop),
        .number("labelY", "where the x-axis labels sit", \.labelY),
        .text("points", "the step line, as SVG polyline points", \.points),
        .number("completed", "items completed with a dated update", \.completed),
        .number("total", "all items", \.total),
        .number("undated", "completed items without a dated completion", \.undated),
        .flag("hasUndated", "whether there are any", \.hasUndated),
        .list("dots", "one per date on which items were completed", \.dots),
        .list("gridlines", "the y-axis gridlines", \.gridlines),
        .list("xLabels", "the x-axis labels", \.xLabels),
    ])

    var hasUndated: Bool { undated > 0 }
}

struct ChartDot: TemplateView {
    var x, y, count: Int
    var date: String

    static let contract = ViewContract<ChartDot>("ChartDot", "A date on the chart.", [
        .number("x", "its x", \.x),
        .number("y", "its y", \.y),
        .text("date", "the date", \.date),
        .number("count", "items completed by then", \.count),
    ])
}

struct ChartGridline: TemplateView {
    var y, labelY, label: Int

    static let contract = ViewContract<ChartGridline>("ChartGridline", "A gridline of the chart.", [
        .number("y", "its y", \.y),
        .number("labelY", "where its label sits", \.labelY),
        .number("label", "the count it marks", \.label),
    ])
}

struct ChartLabel: TemplateView {
    var x: Int
    var label, anchor: String

    static let contract = ViewContract<ChartLabel>("ChartLabel", "A label on the chart's x axis.", [
        .number("x", "its x", \.x),
        .text("label", "the date", \.label),
        .text("anchor", "its SVG `text-anchor`", \.anchor),
    ])
}
