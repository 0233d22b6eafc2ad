/// The words ledgers use for a status, and the keys of the sample's statuses they mean: read
/// by `rectify import`, and by loading to suggest a key for a word typed as a status.
enum StatusWords {
    static let all: [(key: String, words: [String], done: Bool)] = [
        ("pending", ["未启动", "未开始", "尚未启动"], false),
        // 持续整改 and 序时推进 are work still going on: they never count as done.
        ("in_progress", ["整改中", "正在整改", "推进中", "进行中", "正在推进", "序时推进", "持续整改", "持续推进"], false),
        ("done", ["已完成", "已整改", "完成", "已销号", "整改完成", "整改到位"], true),
        ("ongoing", ["已完成、长期坚持", "长期坚持"], true),
    ]
}
