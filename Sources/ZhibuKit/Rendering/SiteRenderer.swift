import ZhibuModel

/// Renders every file of the site (README, "The portal") into memory, pass by pass.
///
/// It only schedules: for each pass in order, it asks every kind of `PageKinds.all` for its
/// jobs, renders them on all cores, and hands what they made to the passes after it. What a
/// page looks like is the page kind's business.
///
/// Pure: the same site, findings and as-of date give the same files, byte for byte, whatever
/// the number of threads. The files come back sorted by path.
package struct SiteRenderer: Sendable {
    /// Settable so that a test may lower its limits (`RenderContext.matrixLimit` …) for a
    /// whole render.
    package var context: RenderContext
    /// How many threads render.
    package var jobs: Int
    /// Which jobs render: all but for a sharded build and its merge.
    package var selection = JobSelection.all

    package init(
        site: Site, asOf: LocalDate, templates: TemplateSet, jobs: Int = Parallel.defaultJobs
    ) throws(RenderError) {
        context = try RenderContext(site: site, asOf: asOf, templates: templates)
        self.jobs = jobs
    }

    /// Every file of the site, rendered with known findings.
    package func render(findings: Findings) throws(RenderError) -> [RenderedFile] {
        try render { context.shown(findings) } ?? []
    }

    /// Every file of the site. The passes before the findings show none, so they render before
    /// `shown` is called: a build validates and makes what the later passes show
    /// (`RenderContext.shown`) meanwhile on another thread, and `shown` waits for it. When
    /// `shown` gives nil (the validation found a broken reference, a `load.*` error), rendering
    /// stops there and the result is nil.
    package func render(shown: () -> RenderContext.Shown?) throws(RenderError)
        -> [RenderedFile]?
    {
        var held: [any Sendable] = []
        return try render(keeping: &held, shown: shown)
    }

    /// `render(shown:)`, handing the context of the last passes to `held` instead of freeing it
    /// on return (`BuildResult.held`).
    ///
    /// The search documents are made first and let go of once the content pass, whose index
    /// files read them, is done: a large site's documents and the fragments' scratch arrays
    /// are then memory that the pages after them reuse, instead of memory held while every
    /// page is (each page of memory a build adds is one more the system must clear for it).
    package func render(keeping held: inout [any Sendable], shown: () -> RenderContext.Shown?)
        throws(RenderError) -> [RenderedFile]?
    {
        var context = self.context
        defer { held.append(context) }
        var files: [RenderedFile] = []
        Self.gather(
            try render(.documents, context), into: &files, documents: &context.searchDocuments)
        context.searchDocuments = context.searchDocuments.mapValues(SearchIndex.ordered)
        context.searchLayouts = context.searchDocuments.mapValues { SearchFragments.Layout($0) }
        let early = try render(.content, context)
        // The content pass's files are gathered and sorted, and the search documents let go
        // of, on a thread of their own while the findings pass renders: in line, on one core,
        // they kept the other one idle between the passes. Handed over in a buffer, so that
        // the thread owns them alone and moves them rather than copying each.
        let handed = ResultBuffer<Handover>(count: 1)
        handed.set(0, Handover(outputs: early, files: files, documents: context.searchDocuments))
        files = []
        context.searchDocuments = [:]
        context.searchLayouts = [:]
        let relative = context.site.config.relativeURLs
        let basePath = context.urls.basePath
        let sorting = Background { () -> ResultBuffer<[RenderedFile]> in
            let sorted = ResultBuffer<[RenderedFile]>(count: 1)
            guard var handover = handed.values().first else { return sorted }
            handover.documents = [:]
            var files = handover.files
            let outputs = handover.outputs
            // The handover lets go of its references: `files` is then the only one, and grows
            // in place instead of being copied.
            handover = Handover(outputs: [], files: [], documents: [:])
            var unused: [Language: [SearchIndex.Entry]] = [:]
            Self.gather(consume outputs, into: &files, documents: &unused)
            sorted.set(0, Self.sortedByPath(files, relative: relative, basePath: basePath))
            return sorted
        }
        guard let shown = shown() else {
            _ = sorting.wait()
            return nil
        }
        context.show(shown)
        var findings: [RenderedFile] = []
        var unused: [Language: [SearchIndex.Entry]] = [:]
        let pass: [PageOutput]
        do { pass = try render(.findings, context) } catch {
            _ = sorting.wait()
            throw error
        }
        Self.gather(pass, into: &findings, documents: &unused)
        findings = Self.sortedByPath(findings, relative: relative, basePath: basePath)
        let earlier = sorting.wait().values().first ?? []
        return try listed(Self.merged(earlier, findings), context)
    }

    /// What the content pass hands to the thread that gathers its files.
    private struct Handover: Sendable {
        var outputs: [PageOutput]
        var files: [RenderedFile]
        var documents: [Language: [SearchIndex.Entry]]
    }

    /// Files sorted by path, their links made relative first when the site asks for it.
    ///
    /// Links are made relative before the passes that list and digest files, so that
    /// `build.json` digests the bytes published, and where each file is rendered: a part of a
    /// sharded build rewrites its own, which the merge links into the site as they are.
    private static func sortedByPath(_ files: [RenderedFile], relative: Bool, basePath: String)
        -> [RenderedFile]
    {
        let files = relative ? RelativeLinks.apply(files, basePath: basePath) : files
        return files.sortedMovingOnce { $0.path < $1.path }
    }

    /// Two lists sorted by path merged into one, `first`'s file before `second`'s at the same
    /// path (as a stable sort of the two laid end to end would): taken from the ends, so that
    /// each file is moved, not copied.
    package static func merged(
        _ first: consuming [RenderedFile], _ second: consuming [RenderedFile]
    )
        -> [RenderedFile]
    {
        var first = first
        var second = second
        var out: [RenderedFile] = []
        out.reserveCapacity(first.count + second.count)
        while let last = first.last?.path, let other = second.last?.path {
            if other < last {
                if let file = first.popLast() { out.append(file) }
            } else {
                if let file = second.popLast() { out.append(file) }
            }
        }
        while let file = first.popLast() { out.append(file) }
        while let file = second.popLast() { out.append(file) }
        out.reverse()
        return out
    }

    /// A merge's files: the parts' with the sitemap and `build.json`, which list and digest
    /// them; nothing else is rendered (the parts rendered it: `ShardShare`).
    package func merged(_ parts: [RenderedFile]) throws(RenderError) -> [RenderedFile] {
        try listed(parts.sortedMovingOnce { $0.path < $1.path }, context)
    }

    /// The files of the last passes added to `files` (sorted by path), which they read.
    private func listed(_ files: consuming [RenderedFile], _ context: RenderContext)
        throws(RenderError) -> [RenderedFile]
    {
        var context = context
        for pass in RenderPass.allCases where pass > .findings {
            context.files = files
            let added = try render(pass, context).flatMap(\.files)
            // The pass has read them: `files` is the list's only owner again, so the inserts
            // move its elements in place instead of copying every file's references first.
            context.files = []
            for file in added { Self.insert(file, into: &files) }
        }
        return files
    }

    /// Renders only part K of N of the site (`build --shard`), as `deal` cuts it.
    package mutating func shard(_ deal: ShardSpec.Deal, part: Int) {
        selection = .shard(ShardShare(deal: deal, part: part, context: context))
    }

    /// The jobs of one pass, from every kind: the long ones first, so that they overlap with
    /// the many short ones instead of ending the pass alone on one core.
    package func jobs(in pass: RenderPass) -> [PageJob] {
        var long: [PageJob] = []
        var short: [PageJob] = []
        for kind in PageKinds.all where kind.pass == pass {
            let selected = kind.jobs(context).filter(selection.includes)
            if kind.runsLong { long += selected } else { short += selected }
        }
        return long + short
    }

    /// Renders a pass's jobs on all cores; the outputs keep the jobs' order.
    private func render(_ pass: RenderPass, _ context: RenderContext) throws(RenderError)
        -> [PageOutput]
    {
        var scheduler = self
        scheduler.context = context
        let outputs = Parallel.map(scheduler.jobs(in: pass), jobs: jobs, grain: 1) {
            job -> Result<PageOutput, RenderError> in
            do throws(RenderError) {
                return .success(try job.kind.render(job, context))
            } catch {
                return .failure(error)
            }
        }
        return try outputs.map { output throws(RenderError) in try output.get() }
    }

    /// Adds a pass's files to `files` and its search documents to `documents`, in the outputs'
    /// order, moving them out rather than copying each: this runs on one core between the
    /// passes.
    private static func gather(
        _ outputs: consuming [PageOutput], into files: inout [RenderedFile],
        documents: inout [Language: [SearchIndex.Entry]]
    ) {
        var outputs = outputs
        outputs.reverse()
        while let output = outputs.popLast() {
            switch output {
            case .file(let file): files.append(file)
            case .files(let made): files += made
            case .searchDocuments(let language, let entries):
                documents[language, default: []] += entries
            }
        }
    }

    /// Puts a file into the sorted list at its place.
    private static func insert(_ file: RenderedFile, into files: inout [RenderedFile]) {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < file.path { low = middle + 1 } else { high = middle }
        }
        files.insert(file, at: low)
    }
}
