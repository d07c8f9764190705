import ZhibuModel

/// What a build made of a site's files in memory (`Pipeline.build(tree:options:)`).
package struct BuildResult: Sendable {
    package var report: CheckReport
    /// The loaded site the files were rendered from.
    package var site: Site
    /// Every file of the site, sorted by path; nil when `load.*` errors stopped the build
    /// before anything was rendered.
    package var files: [RenderedFile]?
    /// What the build worked with (the loaded site and its files, the render's context with
    /// its search documents), when `Pipeline.Options.holdsWorkingState` asked for it: freeing
    /// it is then left to whoever drops the result, or to the process's exit. Freeing it is
    /// work on one core at the very end of a build, tens of milliseconds on a large site.
    package var held: [any Sendable] = []

    package init(
        report: CheckReport, site: Site, files: [RenderedFile]?, held: [any Sendable] = []
    ) {
        self.report = report
        self.site = site
        self.files = files
        self.held = held
    }
}
