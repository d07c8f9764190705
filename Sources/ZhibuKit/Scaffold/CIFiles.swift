extension SiteScaffold {
    /// The CI files of a new site: check with annotations and a report on every push, then
    /// build and publish `Site/` to Pages from the default branch.
    ///
    /// zhibu comes from the address in the CI variable `ZHIBU_URL` (a single static Linux
    /// binary); a job without it stops at once with a message that says what to set.
    enum CIFiles {
        static let github = """
            # zhibu: check the content on every push and pull request; on main, build the
            # site and publish Site/ to GitHub Pages (Settings → Pages → Source: GitHub Actions).
            # Set the repository variable ZHIBU_URL (Settings → Secrets and variables →
            # Actions → Variables) to the download address of the zhibu Linux binary.
            name: zhibu
            on:
              push:
              pull_request:
            permissions:
              contents: read
              pages: write
              id-token: write
            concurrency:
              group: pages-${{ github.ref }}
              cancel-in-progress: true
            jobs:
              site:
                runs-on: ubuntu-latest
                env:
                  ZHIBU_URL: ${{ vars.ZHIBU_URL }}
                steps:
                  - uses: actions/checkout@v4
                  - name: Install zhibu
                    run: |
                      if [ -z "$ZHIBU_URL" ]; then
                        echo "::error::set the repository variable ZHIBU_URL to the address of the zhibu binary"
                        exit 1
                      fi
                      curl -fsSL "$ZHIBU_URL" -o "$RUNNER_TEMP/zhibu"
                      chmod +x "$RUNNER_TEMP/zhibu"
                      echo "$RUNNER_TEMP" >> "$GITHUB_PATH"
                  - name: Check (annotations and a summary)
                    run: zhibu check --format github
                  - name: Report (JUnit)
                    if: always()
                    run: zhibu check --format junit --output zhibu-report.xml || true
                  - uses: actions/upload-artifact@v4
                    if: always()
                    with:
                      name: zhibu-report
                      path: zhibu-report.xml
                  - name: Build
                    run: zhibu build --quiet
                  - uses: actions/upload-pages-artifact@v3
                    if: github.ref == 'refs/heads/main'
                    with:
                      path: Site
              deploy:
                if: github.ref == 'refs/heads/main'
                needs: site
                runs-on: ubuntu-latest
                environment:
                  name: github-pages
                  url: ${{ steps.deployment.outputs.page_url }}
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@v4

            """

        static let gitlab = """
            # zhibu: check the content on every push (Code Quality and JUnit reports in merge
            # requests); on the default branch, build the site and publish it with GitLab Pages.
            # Set the CI/CD variable ZHIBU_URL (Settings → CI/CD → Variables) to the download
            # address of the zhibu Linux binary.
            stages: [check, deploy]

            default:
              image: debian:bookworm-slim
              before_script:
                - test -n "$ZHIBU_URL" || { echo "set the CI/CD variable ZHIBU_URL to the address of the zhibu binary"; exit 1; }
                - apt-get update -qq && apt-get install -y -qq curl ca-certificates > /dev/null
                - curl -fsSL "$ZHIBU_URL" -o /usr/local/bin/zhibu && chmod +x /usr/local/bin/zhibu

            check:
              stage: check
              script:
                - zhibu check --format gitlab --output gl-code-quality-report.json || true
                - zhibu check --format junit --output zhibu-report.xml || true
                - zhibu check
              artifacts:
                when: always
                reports:
                  codequality: gl-code-quality-report.json
                  junit: zhibu-report.xml

            pages:
              stage: deploy
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
              script:
                - zhibu build --quiet
                - rm -rf public && cp -r Site public
              artifacts:
                paths: [public]

            """
    }
}
