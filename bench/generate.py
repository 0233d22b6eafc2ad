#!/usr/bin/env python3
"""Generates N deterministic items of 2-6 KB of Chinese Markdown, with front matter like the
sample content, as a Rectify content folder and as the same pages for a minimal Hugo site.

usage: generate.py N OUT_DIR
  OUT_DIR/rectify/   site.yml, items/*.md          (for rectify build)
  OUT_DIR/hugo/      config.toml, content/items/*.md, layouts/  (for hugo)
  OUT_DIR/bodies/    *.md, the bodies alone         (for the floor program)
"""
import os, random, sys

WORDS = ("整改 落实 责任 制度 学习 推进 督促 检查 问题 措施 党组 班子 成员 部门 单位 群众 服务 工作 "
         "机制 建设 管理 监督 考核 台账 清单 时限 进展 完成 长效 规范 风险 防控 政策 宣传 培训 基层").split()
STATUSES = [("pending", "未启动", False), ("in_progress", "整改中", False), ("done", "已完成", True), ("ongoing", "长期坚持", True)]
CATEGORIES = [("politics", "政治责任", ["study", "service", "execution"]),
              ("integrity", "管党治党", ["accountability", "conduct", "risk"]),
              ("organisation", "班子队伍", ["leadership", "party-building", "prior-findings"])]
DEPARTMENTS = ["办公室", "社会救助股", "养老服务股", "社会事务股", "基层政权股", "规划财务股", "机关党支部", "人事股"]


def sentence(rng, words=(8, 20)):
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(*words))) + "。"


def body(rng, number, target):
    parts = ["## 问题表现", "", "".join(sentence(rng) for _ in range(6)) + f"（见第{number}项）**重点**说明。", "",
             "## 整改措施", ""]
    parts += [f"{i}. {sentence(rng)}" for i in range(1, 5)]
    parts += ["", "| 措施 | 责任单位 | 时限 | 进度 |", "|---|---|---|---|"]
    parts += [f"| {sentence(rng, (3, 6))} | {rng.choice(DEPARTMENTS)} | 2027-0{rng.randint(1, 9)}-15 | ~~未开始~~ 进行中 |" for _ in range(4)]
    parts += ["", "## 整改进展", ""]
    parts += [f"- [{'x' if rng.random() < 0.5 else ' '}] {sentence(rng)}" for _ in range(4)]
    parts += ["", f"相关问题见[第{max(1, number - 1)}项](../{max(1, number - 1)}/index.html)。", ""]
    text = "\n".join(parts)
    while len(text.encode()) < target:
        text += "\n" + "".join(sentence(rng) for _ in range(5)) + "\n"
    return text


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261126)
    for folder in ("rectify/items", "hugo/content/items", "hugo/layouts/_default", "hugo/layouts/partials", "bodies"):
        os.makedirs(os.path.join(out, folder), exist_ok=True)
    site = ["title: 性能测试站点", "language: zh-CN", "statuses:"]
    for key, label, done in STATUSES:
        site += [f"  - key: {key}", f"    label: {label}"] + (["    done: true"] if done else [])
    site.append("categories:")
    for key, title, groups in CATEGORIES:
        site += [f"  - key: {key}", f"    title: {title}", "    groups:"]
        site += [f"      - key: {g}\n        title: {g}" for g in groups]
    open(os.path.join(out, "rectify/site.yml"), "w").write("\n".join(site) + "\n")
    for number in range(1, count + 1):
        category, _, groups = CATEGORIES[number % 3]
        status = STATUSES[number % 4][0]
        text = body(rng, number, rng.randint(2000, 6000))
        front = [f'id: "{number}"', f"title: 第{number}项{sentence(rng, (4, 8))}", f"category: {category}",
                 f"group: {groups[number % 3]}", f"status: {status}", f"leader: 负责人{number % 17}",
                 f"department: {DEPARTMENTS[number % len(DEPARTMENTS)]}", f"deadline: 2027-{number % 12 + 1:02d}-15",
                 "updates:", f"  - date: 2026-{number % 11 + 1:02d}-10", f"    status: {status}", f"    note: {sentence(rng)}"]
        open(os.path.join(out, f"rectify/items/{number}.md"), "w").write("---\n" + "\n".join(front) + "\n---\n\n" + text)
        hugo_front = [f'title: "{number}"', f"categories: [{category}]", f"statuses: [{status}]", "draft: false"]
        open(os.path.join(out, f"hugo/content/items/{number}.md"), "w").write("---\n" + "\n".join(hugo_front) + "\n---\n\n" + text)
        open(os.path.join(out, f"bodies/{number}.md"), "w").write(text)
    # A comparable minimal Hugo site: item pages, category and status taxonomy pages, a home page with counts.
    open(os.path.join(out, "hugo/config.toml"), "w").write(
        'baseURL = "/"\nlanguageCode = "zh-CN"\ntitle = "性能测试站点"\ndisableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n'
        '[taxonomies]\ncategory = "categories"\nstatus = "statuses"\n'
        '[markup.goldmark.renderer]\nunsafe = false\n')
    layouts = {
        "_default/baseof.html": '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
        "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n',
        "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
        "_default/terms.html": '{{ define "main" }}<ul>{{ range .Data.Terms.ByCount }}<li>{{ .Name }} {{ .Count }}</li>{{ end }}</ul>{{ end }}\n',
        "index.html": '{{ define "main" }}<p>{{ len .Site.RegularPages }}</p><ul>{{ range $name, $t := .Site.Taxonomies.statuses }}<li>{{ $name }} {{ $t.Count }}</li>{{ end }}{{ range $name, $t := .Site.Taxonomies.categories }}<li>{{ $name }} {{ $t.Count }}</li>{{ end }}</ul>{{ end }}\n',
    }
    for path, text in layouts.items():
        open(os.path.join(out, "hugo/layouts", path), "w").write(text)


if __name__ == "__main__":
    main()
