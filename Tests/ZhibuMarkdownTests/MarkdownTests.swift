import Testing
import ZhibuMarkdown

@Suite struct MarkdownTests {
    @Test func rendersCommonMarkToHTML() {
        let document = Markdown.parse("## 会议议程\n\n- 学习**条例**\n- 讨论\n")
        #expect(
            html(document)
                == "<h2>会议议程</h2>\n<ul>\n<li>学习<strong>条例</strong></li>\n<li>讨论</li>\n</ul>\n")
    }

    @Test func extractsPlainTextWithoutMarkup() {
        let document = Markdown.parse("# 标题\n\n正文*强调*，`代码`。\n第二行\n")
        #expect(document.text == Array("标题\n正文强调，代码。\n第二行\n".utf8))
    }

    @Test func collectsLinksAndImagesWithTheirBlockLine() {
        let document = Markdown.parse("第一段\n\n见[制度](/systems/a/)和\n![合影](/assets/photo.jpg)\n")
        #expect(
            document.links == [
                .init(url: "/systems/a/", line: 3, isImage: false),
                .init(url: "/assets/photo.jpg", line: 3, isImage: true),
            ])
    }

    @Test func rawHTMLIsDroppedForSafety() {
        let document = Markdown.parse("<script>alert(1)</script>\n\n文字<b>粗</b>\n")
        #expect(!html(document).contains("<script>"))
        #expect(!html(document).contains("<b>"))
        #expect(html(document).contains("raw HTML omitted"))
    }

    @Test func rewritesLinkTargetsBeforeRendering() {
        let document = Markdown.parse("![图](/assets/a.png) [外链](https://example.org/)\n") {
            url, isImage in isImage ? "/base" + url : nil
        }
        #expect(html(document).contains("src=\"/base/assets/a.png\""))
        #expect(html(document).contains("href=\"https://example.org/\""))
        #expect(document.links.map(\.url) == ["/assets/a.png", "https://example.org/"])
    }

    @Test func linksOnlySkipsRenderingButFindsEveryLink() {
        let document = Markdown.parse("**粗体** [链接](/a/) <https://example.org/>\n", linksOnly: true)
        #expect(document.html.isEmpty)
        #expect(document.text.isEmpty)
        #expect(document.links.map(\.url) == ["/a/", "https://example.org/"])
        #expect(Markdown.parse("没有链接的纪要\n", linksOnly: true).links.isEmpty)
    }

    /// The HTML as text: libcmark's bytes, which must be valid UTF-8.
    private func html(_ document: MarkdownDocument) -> String {
        let text = String(validating: document.html, as: UTF8.self)
        #expect(text != nil)
        return text ?? ""
    }
}
