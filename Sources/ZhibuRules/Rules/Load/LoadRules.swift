import Foundation
import ZhibuModel

/// The loading rules (`load.*`): problems reading files, reported by the loader, not by a check.
///
/// They have descriptors like every other rule so that `zhibu rules` lists and explains them and
/// SARIF describes them; their examples run through the loader in the same parameterized test.
enum LoadRules {
    static let descriptors: [RuleDescriptor] = [
        load(
            "load.yaml-syntax", "YAML 文件或文件头语法错误", "a YAML file or front matter cannot be parsed",
            "YAML 用缩进和“字段: 值”表示结构。常见错误：用 Tab 缩进（必须用空格）、用了中文冒号“：”、引号或括号没有闭合、文件头缺少结束的 `---`。诊断指出出错的行和列，按提示改正即可。",
            "YAML expresses structure by indentation and `field: value`. Common mistakes: tabs for indentation (use spaces), a full-width colon `：`, an unclosed quote or bracket, front matter without its closing `---`. The diagnostic points at the line and column; correct it as the help says.",
            failing: [
                "Content/orgs/branch/org.yml":
                    "name: 示例党支部\nkind: branch\nestablished: 2020-01-01\ncommittee:\n\tsecretary: m01\n"
            ]),
        load(
            "load.csv-syntax", "CSV 文件格式错误", "a CSV file cannot be parsed",
            "CSV 的每一行要有与表头相同数量的单元格；含逗号的单元格要加英文双引号，单元格内的引号写成两个。用 Excel 时请“另存为 CSV UTF-8（逗号分隔）”。",
            "Every CSV row has as many cells as the header; a cell containing a comma is put in double quotes, and a quote inside a cell is written twice. From Excel, use “Save As → CSV UTF-8 (Comma delimited)”.",
            failing: [
                "Content/orgs/branch/members.csv": ExampleSite.roster
                    + "m09,\"周杰,full,2020-07-01,2021-07-01,\n"
            ]),
        load(
            "load.encoding", "文件不是 UTF-8 文本", "a file is not UTF-8 text",
            "zhibu 只读 UTF-8 编码的文本（允许 Excel 写入的 BOM）。中文 Windows 版 Excel 默认把 CSV 存成 GBK，请改用“CSV UTF-8”格式另存；图片、Word 等二进制文件应放在 Content/assets/。",
            "zhibu reads UTF-8 text only (the BOM Excel writes is fine). Excel on Chinese Windows saves CSV as GBK by default: save as “CSV UTF-8” instead. Images, Word documents and other binary files belong in Content/assets/.",
            failing: [:]),
        load(
            "load.field-missing", "缺少必填字段或文件", "a required field or file is missing",
            "每类文件都有必填字段（如记录的 type、title、date，组织的 name、kind、established），每个组织文件夹都要有 org.yml，每个党支部都要有花名册。缺少时该文件无法纳入检查。",
            "Each kind of file has required fields (a record's type, title and date; an organization's name, kind and established), every organization folder has an org.yml, and every branch has a roster. Without them the file cannot be checked.",
            failing: [
                ExampleSite.recordPath("2026-03-15", .themedDay):
                    "---\ntype: themed-day\ndate: 2026-03-15\n---\n纪要。\n"
            ]),
        load(
            "load.field-type", "字段类型或取值错误", "a field has the wrong type or an unknown value",
            "字段的值要符合约定：列表写成 `[甲, 乙]` 或逐行“- ”，枚举值（如 type、kind、status）只能取规定的值，数字字段写数字。",
            "Field values follow the format: lists as `[a, b]` or one `- ` item per line, enumerations (type, kind, status …) take one of their listed values, numbers are numbers.",
            failing: [
                ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                    .themedDay, date: "2026-03-15"
                ).replacingOccurrences(of: "type: themed-day", with: "type: themed-dya")
            ]),
        load(
            "load.date-invalid", "日期不存在或格式错误", "a date does not exist or is not YYYY-MM-DD",
            "日期一律写作 YYYY-MM-DD，并且必须真实存在（没有 2 月 30 日）。记录的日期还要与所在的年份文件夹一致。",
            "Dates are written YYYY-MM-DD and must exist (there is no 30 February). A record's date must also be in the year of its folder.",
            failing: [
                ExampleSite.recordPath("2026-02-15", .themedDay): ExampleSite.record(
                    .themedDay, date: "2026-02-15"
                ).replacingOccurrences(of: "date: 2026-02-15", with: "date: 2026-02-30")
            ]),
        load(
            "load.unknown-field", "未知字段（多为拼写错误）", "an unknown field, usually a typo",
            "zhibu 不认识的字段会被忽略，通常是拼写错误，诊断会提示最接近的字段名。花名册中的附加列是允许的，不会显示。",
            "Fields zhibu does not know are ignored; usually they are typos, and the diagnostic suggests the nearest known name. Extra roster columns are allowed and never shown.",
            failing: [
                ExampleSite.recordPath("2026-03-15", .themedDay): ExampleSite.record(
                    .themedDay, date: "2026-03-15", extra: "titel: 多余\n")
            ],
            severity: .warning),
        load(
            "load.duplicate-id", "编号重复", "an ID is defined twice",
            "党员编号在本组织的花名册中必须唯一；党小组编号、发展对象编号、党费表中的党员行也不能重复。重复的那一项不会被读入。",
            "Member IDs are unique within the organization's roster; so are group IDs, pipeline IDs and the members' rows of a dues table. The repeated entry is not loaded.",
            failing: [
                "Content/orgs/branch/members.csv": ExampleSite.roster
                    + "m07,周杰,full,2020-07-01,2021-07-01,\n"
            ]),
        load(
            "load.reference-unknown", "引用了不存在的编号", "a reference to an ID that does not exist",
            "支委会成员、党小组组长和成员、记录的党小组、党费表的党员、豁免的规则都必须指向已定义的对象。诊断会提示最接近的编号。",
            "Committee seats, group leaders and members, a record's group, the members of a dues table and a waiver's rule must name something defined. The diagnostic suggests the nearest ID.",
            failing: [
                "Content/orgs/branch/org.yml": ExampleSite.orgYAML.replacingOccurrences(
                    of: "secretary: m01", with: "secretary: m10")
            ]),
        load(
            "load.path-unsafe", "文件夹或文件名不安全", "a folder or file name is unsafe",
            "文件夹名和文件名会成为网址的一部分，只能用小写字母、数字和连字符（不超过 64 个字符）；记录要放在四位年份的文件夹中；指向站点之外的符号链接不会被跟随。",
            "Folder and file names become part of web addresses: lower-case letters, digits and hyphens only (at most 64 characters); records go in a four-digit year folder; symbolic links leaving the site are not followed.",
            failing: [
                "Content/orgs/branch/activities/2026/Meeting Notes.md":
                    "---\ntype: other\ntitle: 笔记\ndate: 2026-06-01\n---\n笔记。\n"
            ]),
        load(
            "load.file-too-large", "文本文件过大", "a text file is too large",
            "超过 8 MB 的文本文件不会被读取：这样大的纪要几乎总是粘贴进来的图片或误导出的数据。请把图片和附件放到 Content/assets/ 并在正文中链接。",
            "Text files over 8 MB are not read: minutes that large are almost always a pasted image or a mistaken export. Put images and attachments in Content/assets/ and link to them.",
            failing: [:]),
        load(
            "load.template-unknown", "Templates/ 中有不会被使用的文件",
            "a file in Templates/ that no build uses",
            "Templates/ 中与内置模板同名的文件会替换内置模板（如 org.mustache、zhibu.css）；其他 .mustache 文件只有被某个模板用 `{{> 名字}}` 引用时才会使用。名字拼错的模板会被忽略，页面不会变化，所以 zhibu 会指出这样的文件，并提示最接近的内置模板名。",
            "A file in Templates/ with the name of a built-in template replaces it (org.mustache, zhibu.css …); any other .mustache file is used only when a template includes it with `{{> name}}`. A misspelt template would be ignored and the pages would not change, so zhibu names such files and suggests the nearest built-in name.",
            failing: ["Templates/orgs.mustache": "<h1>{{name}}</h1>\n"], severity: .warning),
        load(
            "load.unreadable", "文件或文件夹无法读取", "a file or folder cannot be read",
            "运行 zhibu 的用户没有读取权限。请检查文件权限。",
            "The user running zhibu may not read it. Check the file's permissions.",
            failing: [:]),
    ]

    private static func load(
        _ id: RuleID, _ summaryZh: String, _ summaryEn: String, _ explanationZh: String,
        _ explanationEn: String, failing: [String: String], severity: Severity = .error
    ) -> RuleDescriptor {
        RuleDescriptor(
            id: id, summary: LocalizedText(zh: summaryZh, en: summaryEn),
            explanation: LocalizedText(zh: explanationZh, en: explanationEn),
            citation: .integrity, defaultSeverity: severity, scope: .content,
            examples: RuleExamples(
                passing: [RuleExample(LocalizedText(zh: "示例站点", en: "the example site"))],
                failing: failing.isEmpty
                    ? []
                    : [
                        RuleExample(
                            LocalizedText(zh: "出错的文件", en: "a broken file"),
                            changes: failing.mapValues { $0 })
                    ]))
    }
}
