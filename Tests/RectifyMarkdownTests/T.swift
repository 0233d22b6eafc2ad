import Testing
import RectifyMarkdown
@Test func smoke() { print(MarkdownRenderer().render("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n- [x] done\n- [ ] todo\n\nwww.example.com\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n中文**加粗**。")) }
