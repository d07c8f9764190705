import ZhibuModel

extension Site {
    /// The site as published: without the records, systems, posts, notices and pages that
    /// say `draft: true`. They were checked with the rest; only rendering leaves them out.
    package var withoutDrafts: Site {
        var site = self
        for index in site.organizations.indices {
            site.organizations[index].records.removeAll(where: \.draft)
            site.organizations[index].systems.removeAll(where: \.draft)
            site.organizations[index].posts.removeAll(where: \.draft)
            site.organizations[index].notices.removeAll(where: \.draft)
        }
        site.pages.removeAll(where: \.draft)
        return site
    }

    /// How many files say `draft: true`.
    package var draftCount: Int {
        organizations.reduce(0) { count, org in
            count + org.records.count(where: \.draft) + org.systems.count(where: \.draft)
                + org.posts.count(where: \.draft) + org.notices.count(where: \.draft)
        } + pages.count(where: \.draft)
    }
}
