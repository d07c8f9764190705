import Foundation
import Testing
import ZhibuKit
import ZhibuModel

/// The user documentation stays true: the rules reference is what the registry says today, and
/// no document links outside the repository or to a file that is not there.
@Suite struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [(Language.zh, "docs/rules.md"), (.en, "docs/rules.en.md")])
    func theRulesReferenceIsCurrent(language: Language, path: String) throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let expected = RuleReference(language: language).markdown()
        #expect(
            text == expected,
            "\(path) is out of date: run `zhibu rules --format markdown --lang \(language.rawValue) > \(path)`"
        )
    }

    /// The text outside code blocks and code spans: examples of Markdown in the docs are not
    /// links of the docs.
    static func prose(_ markdown: String) -> String {
        var out = ""
        var fenced = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingPrefix(while: { $0 == " " }).hasPrefix("```") {
                fenced.toggle()
                continue
            }
            guard !fenced else { continue }
            var inCode = false
            for character in line {
                if character == "`" {
                    inCode.toggle()
                } else if !inCode {
                    out.append(character)
                }
            }
            out += "\n"
        }
        return out
    }

    /// Every Markdown file a user reads: its relative links resolve inside the repository, and
    /// none names the product specification, which users never see.
    @Test func documentsLinkOnlyToFilesOfTheRepository() throws {
        var documents = ["README.md", "CONTRIBUTING.md", "bench/README.md"]
        let docs = Self.root.appendingPathComponent("docs")
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path)
        where name.hasSuffix(".md") {
            documents.append("docs/" + name)
        }
        #expect(documents.count >= 8)
        let link = try Regex(#"\]\(([^)\s]+)\)"#)
        for document in documents {
            let url = Self.root.appendingPathComponent(document)
            guard let raw = try? String(contentsOf: url, encoding: .utf8) else {
                Issue.record("\(document) is missing")
                continue
            }
            let text = Self.prose(raw)
            #expect(!text.contains("../shared"), "\(document) links to ../shared")
            #expect(!text.contains("SPEC.md"), "\(document) names SPEC.md")
            for match in text.matches(of: link) {
                guard let target = match.output[1].substring.map(String.init) else { continue }
                if target.hasPrefix("http://") || target.hasPrefix("https://")
                    || target.hasPrefix("#") || target.hasPrefix("mailto:")
                {
                    continue
                }
                let file = String(target.split(separator: "#", maxSplits: 1).first ?? "")
                let resolved = url.deletingLastPathComponent().appendingPathComponent(file)
                    .standardizedFileURL
                #expect(
                    resolved.path.hasPrefix(Self.root.standardizedFileURL.path + "/"),
                    "\(document) links outside the repository: \(target)")
                #expect(
                    FileManager.default.fileExists(atPath: resolved.path),
                    "\(document) links to a missing file: \(target)")
            }
        }
    }

    /// Every Swift file of `Sources/`: no comment cites a section of the product specification.
    /// The repository does not ship that contract, so a comment must point at the repository's
    /// own docs (README.md, docs/) instead, where a reader can follow it.
    @Test func sourcesCiteOnlyTheRepositorysOwnDocs() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let enumerator = try #require(
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("SPEC §"), "\(url.path) cites a section of the specification")
        }
        #expect(files >= 100)
    }
}

/// `--relative-urls` on bytes: the site's own addresses become relative to the page and name
/// the index.html of a folder; everything else is left as it was.
@Suite struct RelativeLinksTests {
    @Test func ownAddressesBecomeRelativeAndOthersStay() {
        let page =
            #"<a href="/sub/first/">a</a> <img src="/sub/assets/x.png"> <a href="https://e.org/sub/">b</a> <a href="/sub/#top">c</a> <a href="//cdn.example/x">d</a> <a href="/elsewhere/">e</a>"#
        let out = RelativeLinks.rewrite(
            Array(page.utf8), from: "first/activities/2026/x/index.html", base: Array("/sub/".utf8))
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains(#"href="../../../../first/index.html""#))
        #expect(text.contains(#"src="../../../../assets/x.png""#))
        #expect(text.contains(#"href="https://e.org/sub/""#))
        #expect(text.contains(#"href="../../../../index.html#top""#))
        #expect(text.contains(#"href="//cdn.example/x""#))
        #expect(text.contains(#"href="/elsewhere/""#))
        let root = RelativeLinks.rewrite(
            Array(#"<link href="/sub/_z/zhibu.css">"#.utf8), from: "index.html",
            base: Array("/sub/".utf8))
        #expect(String(decoding: root, as: UTF8.self) == #"<link href="./_z/zhibu.css">"#)
    }
}
