import ZhibuModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes `FileSchemas` into a folder: creating it as needed, replacing only schemas zhibu
/// wrote before (they carry its `$comment`), never a file of someone else's.
package enum SchemaWriter {
    /// The file names written, sorted.
    package static func write(into folder: String) throws(ScaffoldWriter.Failure) -> [String] {
        let schemas = FileSchemas.all()
        var parent = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            parent += "/" + part
            var info = stat()
            if lstat(parent, &info) != 0 {
                guard mkdir(parent, 0o755) == 0 else {
                    throw .cannotWrite(path: parent, reason: Publisher.reason())
                }
            } else if (info.st_mode & S_IFMT) != S_IFDIR {
                throw .cannotWrite(path: parent, reason: "not a folder")
            }
        }
        let names = schemas.keys.sorted()
        for name in names {
            let path = folder + "/" + name
            if let existing = PublishedTree.readBytes(path),
                !String(decoding: existing, as: UTF8.self).contains("Written by zhibu schema")
            {
                throw .cannotWrite(path: path, reason: "a file zhibu did not write is there")
            }
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
                throw .cannotWrite(path: path, reason: "not a regular file")
            }
            let bytes = Array((schemas[name] ?? "").utf8)
            guard FileDescriptor.replace(own: path, with: bytes) else {
                throw .cannotWrite(path: path, reason: Publisher.reason())
            }
        }
        return names
    }
}
