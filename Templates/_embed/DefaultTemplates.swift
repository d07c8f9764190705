/// zhibu's built-in templates and stylesheet, compiled into the binary.
///
/// The files beside this folder (`Templates/*.mustache`, `zhibu.css`) are the defaults; a site's
/// own `Templates/` folder overrides any of them by file name. Listing them here (and in
/// Package.swift's resources) keeps the binary self-contained: no template files to install.
package enum DefaultTemplates {
    package static let files: [String: [UInt8]] = [
        "layout.mustache": PackageResources.layout_mustache,
        "home.mustache": PackageResources.home_mustache,
        "org.mustache": PackageResources.org_mustache,
        "record.mustache": PackageResources.record_mustache,
        "record-item.mustache": PackageResources.record_item_mustache,
        "record-year.mustache": PackageResources.record_year_mustache,
        "scorecard-row.mustache": PackageResources.scorecard_row_mustache,
        "open-item.mustache": PackageResources.open_item_mustache,
        "due-item.mustache": PackageResources.due_item_mustache,
        "child-item.mustache": PackageResources.child_item_mustache,
        "notice-item.mustache": PackageResources.notice_item_mustache,
        "post-item.mustache": PackageResources.post_item_mustache,
        "system-item.mustache": PackageResources.system_item_mustache,
        "waiver-item.mustache": PackageResources.waiver_item_mustache,
        "seat-item.mustache": PackageResources.seat_item_mustache,
        "group-item.mustache": PackageResources.group_item_mustache,
        "source-item.mustache": PackageResources.source_item_mustache,
        "month-item.mustache": PackageResources.month_item_mustache,
        "tree-item.mustache": PackageResources.tree_item_mustache,
        "matrix-row.mustache": PackageResources.matrix_row_mustache,
        "system.mustache": PackageResources.system_mustache,
        "posts.mustache": PackageResources.posts_mustache,
        "page.mustache": PackageResources.page_mustache,
        "notfound.mustache": PackageResources.notfound_mustache,
        "status.mustache": PackageResources.status_mustache,
        "zhibu.css": PackageResources.zhibu_css,
        "search.mustache": PackageResources.search_mustache,
        "search.js": PackageResources.search_js,
        "board.mustache": PackageResources.board_mustache,
        "board-slide.mustache": PackageResources.board_slide_mustache,
        "board.css": PackageResources.board_css,
        "board.js": PackageResources.board_js,
        "overview.mustache": PackageResources.overview_mustache,
        "matrix.mustache": PackageResources.matrix_mustache,
        "notice.mustache": PackageResources.notice_mustache,
        "table-sort.js": PackageResources.table_sort_js,
    ]
}
