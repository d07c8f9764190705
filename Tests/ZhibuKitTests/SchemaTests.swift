import Foundation
import Testing
import ZhibuKit

/// The editor schemas name exactly the fields the loader reads, each with a shape.
struct SchemaTests {
    @Test func everyFieldTheLoaderReadsHasAShape() {
        #expect(FileSchemas.untyped.isEmpty, "\(FileSchemas.untyped)")
    }

    @Test func everySchemaIsJSONWithTheLoadersFields() throws {
        let schemas = FileSchemas.all()
        #expect(
            schemas.keys.sorted() == [
                "development.schema.json", "members.schema.json", "notice.schema.json",
                "org.schema.json", "page.schema.json", "post.schema.json", "record.schema.json",
                "site.schema.json", "system.schema.json",
            ])
        let record = try #require(schemas["record.schema.json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(record.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(FileSchemas.fields(of: "record")))
        #expect(object["additionalProperties"] as? Bool == false)
        let type = try #require(properties["type"] as? [String: Any])
        let values = try #require(type["enum"] as? [String])
        #expect(values.contains("themed-day") && values.contains("主题党日"))
        // The same zhibu writes the same bytes.
        #expect(FileSchemas.all() == schemas)
    }
}
