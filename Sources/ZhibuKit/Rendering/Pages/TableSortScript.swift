import ZhibuModel

/// The script that makes an overview's matrix sortable, `_z/table-sort.js`, from
/// `Templates/table-sort.js` or the built-in one. Without it the matrix is still worst first.
enum TableSortScript: PageKind {
    static let name = "table-sort-script"
    static let pass = RenderPass.content

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob(context.urls.assetFolder + "table-sort.js", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        .file(RenderedFile(path: job.path, bytes: context.templates.file("table-sort.js")))
    }
}
