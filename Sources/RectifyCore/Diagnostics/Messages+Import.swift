/// `rectify import`'s report, in Chinese unless `--lang` says otherwise: the ledgers it
/// reads are Chinese, and so are the staff who run it.
extension Messages {
    public func importColumnsRead(_ columns: [String]) -> String {
        language == .chinese ? "读取的列：\(columns.joined(separator: "，"))" : "Columns read: \(columns.joined(separator: ", "))"
    }

    public func importColumnsLeftOut(_ columns: [String]) -> String {
        language == .chinese ? "未使用的列：\(columns.joined(separator: "，"))" : "Columns left out: \(columns.joined(separator: ", "))"
    }

    public func importUnknownStatuses(_ words: [String]) -> String {
        language == .chinese
            ? "不认识的整改状态：\(words.joined(separator: "，"))（这些行没有导入：请改用 未启动、整改中、已完成 或 长期坚持）"
            : "Status words not understood: \(words.joined(separator: ", "))"
    }

    public func importFilledDown(_ rows: Int) -> String {
        language == .chinese
            ? "有 \(rows) 行的“所属方面”或“问题类别”为空，已沿用上一行的值（Excel、WPS 把合并单元格另存为 CSV 时只保留第一行）：请核对"
            : "\(rows) row\(rows == 1 ? "" : "s") had a blank 所属方面 or 问题类别 and took the value of the row above (a CSV saved from merged cells keeps only the first): check them"
    }

    public func importNothingWritten(_ failed: Int) -> String {
        language == .chinese
            ? "有 \(failed) 行无法导入，没有写入任何文件（加 --partial 可先写入其余各行）。"
            : "\(failed) row\(failed == 1 ? "" : "s") could not be imported; nothing was written (--partial writes the others)."
    }

    public func importDone(items: Int, files: Int, content: String) -> String {
        language == .chinese
            ? "已导入 \(items) 个问题到 \(content)/，共 \(files) 个文件。下一步：rectify check --content \(content)"
            : "Imported \(items) items into \(content)/: \(files) files. Next: rectify check --content \(content)"
    }
}
