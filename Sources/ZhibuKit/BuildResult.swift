import ZhibuModel

/// What a build made of a site's files in memory (`Pipeline.build(tree:options:)`).
package struct BuildResult: Sendable {
    package var report: CheckReport
    /// The loaded site the files were rendered from.
    package var site: Site
    /// Every file of the site, sorted by path; nil when `load.*` errors stopped the build
    /// before anything was rendered.
    package var files: [RenderedFile]?
}
