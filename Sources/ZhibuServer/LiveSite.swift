import Foundation
import Synchronization
import ZhibuKit
import ZhibuModel

/// The site as `serve` shows it: the pages of the last good build, in memory, and the
/// problems of the latest one if it could not be built.
///
/// Rebuilds replace the whole state at once under a lock, so a request sees one build or the
/// next, never a mix; requests never wait for a rebuild, they answer from the last state.
package final class LiveSite: Sendable {
    package struct State: Sendable {
        /// Output path (`org/index.html`) → bytes.
        package var files: [String: [UInt8]] = [:]
        /// Bumped by every rebuild, good or bad: what the live-reload script polls.
        package var version = 0
        /// The `load.*` errors that stopped the latest build; empty when it was good.
        package var errors: [Diagnostic] = []
        /// Output pages of files marked `draft: true`, shown with a banner.
        package var drafts: Set<String> = []
        /// Seconds the latest rebuild took.
        package var seconds = 0.0
    }

    private let state = Mutex(State())
    /// Held for a whole rebuild: two rebuilds never overlap, so the newest files always win.
    private let building = Mutex(0)
    let options: Pipeline.Options

    package init(options: Pipeline.Options) {
        var options = options
        options.drafts = true
        options.parseCache = ParseCache()
        self.options = options
    }

    package var current: State { state.withLock { $0 } }

    /// Reads the site and builds it in memory; on `load.*` errors keeps the last good pages
    /// and records the errors instead. Returns the new state.
    @discardableResult
    package func rebuild() -> State {
        building.withLock { count in
            count += 1
            return rebuildNow()
        }
    }

    private func rebuildNow() -> State {
        let start = Date()
        var errors: [Diagnostic] = []
        var files: [String: [UInt8]]?
        var drafts: Set<String> = []
        do {
            let tree = try FileTree.read(siteRoot: options.siteRoot, jobs: options.jobs)
            let result = try Pipeline.build(tree: tree, options: options)
            if let rendered = result.files {
                files = Dictionary(rendered.map { ($0.path, $0.bytes) }) { first, _ in first }
                drafts = Self.draftPages(result.site)
            } else {
                errors = result.report.diagnostics.filter {
                    $0.severity == .error && $0.rule.rawValue.hasPrefix("load.")
                }
            }
        } catch let error as LoadError {
            errors = [
                Diagnostic(
                    rule: "load.unreadable", severity: .error, message: error.message,
                    location: SourceLocation(file: "Content"))
            ]
        } catch let error as RenderError {
            errors = [
                Diagnostic(
                    rule: "load.template-unknown", severity: .error, message: error.message,
                    location: SourceLocation(file: "Templates"))
            ]
        } catch {
            errors = [
                Diagnostic(
                    rule: "load.unreadable", severity: .error,
                    message: LocalizedText(zh: "\(error)", en: "\(error)"),
                    location: SourceLocation(file: "Content"))
            ]
        }
        let seconds = Date().timeIntervalSince(start)
        return state.withLock { state in
            if let files {
                state.files = files
                state.drafts = drafts
            }
            state.errors = errors
            state.version += 1
            state.seconds = seconds
            return state
        }
    }

    /// The pages of drafts in every language of the site, where `SiteURLs` puts them.
    static func draftPages(_ site: Site) -> Set<String> {
        let languages = site.config.languages
        let urls = SiteURLs(basePath: "/", defaultLanguage: languages.first ?? .zh)
        var pages = Set<String>()
        for language in languages {
            for org in site.organizations {
                for record in org.records where record.draft {
                    pages.insert(urls.record(org.path, record, language) + "index.html")
                }
                for system in org.systems where system.draft {
                    pages.insert(urls.system(org.path, system.slug, language) + "index.html")
                }
                for notice in org.notices where notice.draft {
                    pages.insert(urls.notice(org.path, notice.slug, language) + "index.html")
                }
            }
            for page in site.pages where page.draft {
                pages.insert(urls.page(page.slug, language) + "index.html")
            }
        }
        return pages
    }
}
