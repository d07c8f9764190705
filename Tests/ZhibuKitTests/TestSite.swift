import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// Builds sites from dictionaries of files, so loader tests need no disk.
enum TestSite {
    static let siteYAML = """
        title: 测试党委
        title_en: Test Committee
        base_url: https://example.org/
        languages: [zh, en]
        timezone: Asia/Shanghai
        as_of: 2026-11-24

        """

    static let branchYAML = """
        name: 第一党支部
        kind: branch
        established: 2019-03-01
        committee:
          secretary: m001

        """

    static let roster = """
        id,name,status,joined,full_since,group
        m001,张伟,full,2008-07-01,2009-07-01,
        m002,李娜,full,2010-07-01,2011-07-01,
        m003,王芳,full,2012-07-01,2013-07-01,

        """

    /// A site with one branch `first`, plus `files` (which may replace any of the defaults).
    static func files(_ files: [String: String]) -> [String: String] {
        var all = [
            "Content/site.yml": siteYAML,
            "Content/orgs/first/org.yml": branchYAML,
            "Content/orgs/first/members.csv": roster,
        ]
        for (path, text) in files { all[path] = text }
        return all
    }

    static func tree(_ files: [String: String], bytes: [String: [UInt8]] = [:]) -> FileTree {
        var sources = files.map { SourceFile(path: $0.key, text: $0.value) }
        sources += bytes.map { SourceFile(path: $0.key, bytes: $0.value) }
        return FileTree(files: sources)
    }

    static func load(_ files: [String: String], bytes: [String: [UInt8]] = [:])
        -> ContentLoader.Result
    {
        ContentLoader.load(tree(self.files(files), bytes: bytes), jobs: 2)
    }

    static func record(_ frontMatter: String, body: String = "会议纪要。\n") -> String {
        "---\n" + frontMatter + "---\n" + body
    }
}

extension ContentLoader.Result {
    func diagnostics(_ rule: RuleID) -> [Diagnostic] {
        diagnostics.filter { $0.rule == rule }
    }

    /// `file:line:col` of each diagnostic of a rule, for compact exact assertions.
    func places(_ rule: RuleID) -> [String] {
        diagnostics(rule).map {
            "\($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0)"
        }
    }
}
