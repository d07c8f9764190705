/// A value that may also be written with its Chinese name (`type: 支委会`, `status: 已召开`), as
/// the secretary says it (docs/formats.md, Chinese names accepted as values).
package protocol ChineseAliases {
    /// The value a Chinese name stands for, or nil.
    static func value(forAlias name: String) -> Self?
    /// Every Chinese name accepted, for editor schemas.
    static var aliasNames: [String] { get }
}

extension ActivityType: ChineseAliases {
    /// Every Chinese name of a type, as the tables of record types write them.
    package static let aliases: [(name: String, type: ActivityType)] = [
        ("支部党员大会", .generalMeeting), ("党员大会", .generalMeeting),
        ("支部委员会会议", .committeeMeeting), ("支委会", .committeeMeeting),
        ("支委会议", .committeeMeeting), ("党小组会", .groupMeeting), ("党小组会议", .groupMeeting),
        ("党课", .partyLesson), ("主题党日", .themedDay), ("组织生活会", .orgLifeMeeting),
        ("民主评议党员", .democraticEvaluation), ("民主评议", .democraticEvaluation),
        ("换届选举", .election), ("换届", .election), ("集中学习", .study), ("学习", .study),
        ("其他", .other),
    ]

    package static var aliasNames: [String] { aliases.map(\.name) }

    package static func value(forAlias name: String) -> ActivityType? {
        aliases.first { $0.name == name }?.type
    }
}

extension ActivityStatus: ChineseAliases {
    package static let aliasNames = ["已召开", "已举行", "已开展", "计划", "计划中", "拟召开", "已取消", "取消"]

    package static func value(forAlias name: String) -> ActivityStatus? {
        switch name {
        case "已召开", "已举行", "已开展": .held
        case "计划", "计划中", "拟召开": .planned
        case "已取消", "取消": .cancelled
        default: nil
        }
    }
}

extension OrgKind: ChineseAliases {
    package static let aliasNames = ["党支部", "支部", "联合党支部", "党总支", "总支", "党委", "基层党委", "机关党委"]

    package static func value(forAlias name: String) -> OrgKind? {
        switch name {
        case "党支部", "支部": .branch
        case "联合党支部": .jointBranch
        case "党总支", "总支": .generalBranch
        case "党委", "基层党委", "机关党委": .committee
        default: nil
        }
    }
}
