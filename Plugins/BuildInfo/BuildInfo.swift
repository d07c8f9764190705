import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` for `zhibu version`: the git commit the binary is built from and
/// the build date (`SOURCE_DATE_EPOCH` when set, for reproducible builds; else today, UTC).
///
/// A prebuild command, so it runs on every build and sees a new commit; the script rewrites
/// the file only when its text changes, so an unchanged build recompiles nothing. Without git
/// (a source tarball) the commit reads `unknown`.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildInfo")
        let script = """
            set -u
            out="$2/BuildInfo.swift"
            mkdir -p "$2"
            commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
              day=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null || echo unknown)
            else
              day=$(date -u +%Y-%m-%d)
            fi
            text=$(printf '%s\\n' \
              '/// Written by the BuildInfo plugin at build time.' \
              'enum BuildInfo {' \
              "    static let commit = \\"$commit\\"" \
              "    static let date = \\"$day\\"" \
              '}')
            if [ ! -f "$out" ] || [ "$(cat "$out")" != "$text" ]; then
              printf '%s\\n' "$text" > "$out"
            fi
            """
        return [
            .prebuildCommand(
                displayName: "zhibu build info",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output)
        ]
    }
}
