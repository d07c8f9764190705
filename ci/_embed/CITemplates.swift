/// The CI templates beside this folder, compiled into the binary: `zhibu init` writes a new
/// site's workflows from these same files, so what a site starts with is what the repository
/// ships and lints (`Tests/Site/check_workflows.py`).
package enum CITemplates {
    /// `ci/github-pages.yml`: a site's `.github/workflows/zhibu.yml`.
    package static let github = String(decoding: PackageResources.github_pages_yml, as: UTF8.self)
    /// `ci/zhibu.gitlab-ci.yml`: a site's `.gitlab-ci.yml`.
    package static let gitlab = String(
        decoding: PackageResources.zhibu_gitlab_ci_yml, as: UTF8.self)
}
