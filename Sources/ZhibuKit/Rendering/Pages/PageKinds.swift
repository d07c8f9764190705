import ZhibuTemplating

/// Every kind of file zhibu makes, sorted by name.
///
/// The list is the whole site: `SiteRenderer` renders what these kinds contribute and nothing
/// else. A test checks that the names are unique and sorted, and that no two jobs of a site
/// write the same path.
package enum PageKinds {
    package static let all: [any PageKind.Type] = [
        AssetFiles.self,
        BoardPage.self,
        BuildJSON.self,
        CalendarICS.self,
        FeedXML.self,
        FreePage.self,
        HomePage.self,
        NotFoundPage.self,
        NoticePage.self,
        OrgStatusPage.self,
        OverviewCSV.self,
        PostsPage.self,
        RecordPage.self,
        RecordYearPage.self,
        RobotsTXT.self,
        SearchDocuments.self,
        SearchFragmentFiles.self,
        SearchIndexJSON.self,
        SearchPage.self,
        SearchScript.self,
        SitemapXML.self,
        StaticFiles.self,
        StatusJSON.self,
        Stylesheet.self,
        SystemPage.self,
        TableSortScript.self,
    ]
}
