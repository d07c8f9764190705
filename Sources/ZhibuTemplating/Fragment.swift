/// A list rendered item by item through a template of its own, as one piece of HTML.
///
/// A status page may list hundreds of records: each item goes through its own small template
/// (`record-item.mustache`), so items of one shape are filled in rather than looked up tag by
/// tag, and the page's template receives the joined HTML under one key. To the template the
/// fragment is a string: `{{{records}}}` prints it and `{{^empty(records)}}` tests it.
package struct Fragment: Sendable, Equatable {
    /// The items' HTML, one after the other, as the item template wrote them.
    package var bytes: [UInt8]

    package init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    package var isEmpty: Bool { bytes.isEmpty }
}
