import ZhibuModel

/// Each language's search index in fragments (`SearchFragments`): the meta fragment, and one job
/// per partition that writes its buckets and document chunks below the partition's folder.
///
/// In the content pass, when the documents are known, and among its first jobs: the partitions'
/// scratch arrays (twelve bytes for each of a large site's tens of millions of occurrences)
/// are then taken and given back before the pages pile up, so that the pages reuse that
/// memory instead of adding to the build's peak.
enum SearchFragmentFiles: PageKind {
    static let name = "search-fragment-files"
    static let pass = RenderPass.content
    static let runsLong = true
    static let readsSearchDocuments = true

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.languages.flatMap { language in
            let folder = SearchFragments.folder(language, urls: context.urls)
            return [job(folder + "meta.js", language: language, item: -1, in: context)]
                + (0..<SearchFragments.partitions).map { partition in
                    job(
                        folder + String(partition, radix: 16) + "/", language: language,
                        item: partition, in: context)
                }
        }
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        let entries = context.searchDocuments[job.language] ?? []
        let layout = context.searchLayouts[job.language] ?? SearchFragments.Layout(entries)
        if job.item < 0 {
            return .file(
                RenderedFile(path: job.path, bytes: SearchFragments.meta(entries, layout)))
        }
        return .files(
            SearchFragments.files(
                partition: job.item, entries: entries, layout: layout,
                folder: SearchFragments.folder(job.language, urls: context.urls)))
    }
}
