import ZhibuModel

/// `status.json`: every organization's state and findings, the JSON of SPEC §2.1 per
/// organization, for dashboards and scripts.
enum StatusJSON: PageKind {
    static let name = "status-json"
    static let pass = RenderPass.findings

    static func jobs(_ context: RenderContext) -> [PageJob] {
        siteJob("status.json", context)
    }

    static func render(_ job: PageJob, _ context: RenderContext) -> PageOutput {
        let json = JSONReport(language: context.site.config.defaultLanguage)
        var out =
            "{\"version\": 1, \"as_of\": \(JSON.string(context.asOf.description)), "
            + "\"organizations\": ["
        for (index, org) in context.site.organizations.enumerated() {
            let own = context.findings.own(org.path)
            out += index == 0 ? "\n  " : ",\n  "
            out +=
                "{\"org\": \(JSON.string(org.path)), \"name\": \(JSON.string(org.name.zh.value)), "
            out += "\"kind\": \(JSON.string(org.kind.value.rawValue)), "
            out += "\"status\": \"\(context.findings.state(of: org.path).key)\", "
            out += "\"summary\": {\"errors\": \(own.filter { $0.severity == .error }.count), "
            out += "\"warnings\": \(own.filter { $0.severity == .warning }.count), "
            out += "\"notes\": \(own.filter { $0.severity == .note }.count), "
            out += "\"waived\": \(own.filter(\.waived).count)}, "
            out += "\"diagnostics\": [" + own.map(json.object).joined(separator: ", ") + "]}"
        }
        return .file(RenderedFile(path: job.path, text: out + "\n]}\n"))
    }
}
