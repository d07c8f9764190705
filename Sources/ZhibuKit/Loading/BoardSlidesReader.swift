import ZhibuModel

/// Reads what `board:` says in `site.yml` and `org.yml`: the slides and the night window.
enum BoardSlidesReader {
    /// `slides: [org, posts, …]`, in order; nil when absent. A name that is no slide is
    /// reported with the nearest one and left out; the same slide twice counts once.
    static func read(_ board: FieldReader) -> [BoardSlide]? {
        guard board.node("slides") != nil else { return nil }
        var slides: [BoardSlide] = []
        for name in board.identifierList("slides") {
            guard let slide = board.parseEnum(name, BoardSlide.self, key: "slides")?.value,
                !slides.contains(slide)
            else { continue }
            slides.append(slide)
        }
        return slides
    }

    /// `night: "22:00-07:00"`: both ends, in minutes after midnight; a window that starts where
    /// it ends would be night all day or never, and is refused.
    static func night(_ board: FieldReader) -> NightWindow? {
        guard let text = board.string("night") else { return nil }
        let span = TimeSpan(parsing: text.value)
        guard let span, let end = span.end, span.start.minutes != end.minutes % (24 * 60)
        else {
            board.bag.add(
                .fieldType, .error, at: text.location,
                zh: "`night` 应写成“开始-结束”，例如 \"22:00-07:00\"",
                en: "`night` must be a start and an end, e.g. \"22:00-07:00\"",
                helpZh: "用 24 小时制；结束早于开始表示跨过午夜",
                helpEn: "use the 24-hour clock; an end before the start spans midnight")
            return nil
        }
        return NightWindow(start: span.start.minutes, end: end.minutes % (24 * 60))
    }
}
