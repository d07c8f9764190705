/// The CI templates beside this folder, compiled into the binary: `zhibu init` writes a new
/// site's workflows from these same files, so what a site starts with is what the repository
/// ships and lints (`Tests/Site/check_workflows.py`).
package enum CITemplates {
    /// `ci/github-pages.yml`: a site's `.github/workflows/zhibu.yml`.
    package static let github = String(decoding: PackageResources.github_pages_yml, as: UTF8.self)
    /// `ci/zhibu.gitlab-ci.yml`: a site's `.gitlab-ci.yml`.
    package static let gitlab = String(
        decoding: PackageResources.zhibu_gitlab_ci_yml, as: UTF8.self)
    /// `ci/github-pages-sharded.yml`: the workflow of a site built in parts on a job matrix
    /// (`build --shard`, `merge`), which docs/ci.md offers to sites that outgrow one runner.
    package static let githubSharded = String(
        decoding: PackageResources.github_pages_sharded_yml, as: UTF8.self)
    /// `ci/zhibu-sharded.gitlab-ci.yml`: the same with GitLab's `parallel:`.
    package static let gitlabSharded = String(
        decoding: PackageResources.zhibu_sharded_gitlab_ci_yml, as: UTF8.self)
}
