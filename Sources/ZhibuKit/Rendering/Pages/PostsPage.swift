import ZhibuModel
import ZhibuTemplating

/// An organization's pioneer posts and responsibility zones with their holders:
/// `<org>/posts/`, made for organizations that have any.
enum PostsPage: PageKind {
    static let name = "posts-page"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            context.site.organizations.enumerated().filter { !$0.element.posts.isEmpty }.map {
                orgIndex, org in
                job(
                    context.urls.posts(org.path, language) + "index.html", language: language,
                    org: orgIndex, in: context)
            }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) throws(RenderError)
        -> PageOutput
    {
        let org = context.site.organizations[job.org]
        let language = job.language
        let names = context.names(of: job.org)
        let title = UIStrings.text("posts", language)
        return try context.page(
            job, template: "posts", title: title, crumbs: context.trail(to: job.org, language),
            values: Values(
                title: title,
                posts: org.posts.map { post in
                    Values.Post(
                        title: post.title.text(in: language),
                        kind: post.kind.value.label.text(in: language),
                        holders: post.holders.map { names.name($0.value, language) }
                            .joined(separator: language.listSeparator),
                        location: post.location?.text(in: language),
                        commitment: post.commitment?.text(in: language), html: post.body.html)
                }))
    }

    /// What `posts.mustache` shows.
    struct Values: TemplateValues {
        struct Post {
            var title: String
            var kind: String
            /// The holders' names, joined with the language's list separator.
            var holders: String
            var location: String?
            var commitment: String?
            var html: [UInt8]
        }

        var title: String
        var posts: [Post]

        func write(to writer: inout ValueWriter) {
            writer.text("title", title)
            writer.list("posts", posts) { post, writer in
                writer.text("title", post.title)
                writer.text("kind", post.kind)
                writer.text("holders", post.holders)
                writer.text("location", post.location)
                writer.text("commitment", post.commitment)
                writer.bytes("html", post.html)
            }
        }
    }
}
