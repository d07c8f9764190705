/// A value that may also be written with its Chinese name (SPEC §1.4: `type: 支委会`,
/// `status: 已召开`), as the secretary says it.
package protocol ChineseAliases {
    /// The value a Chinese name stands for, or nil.
    static func value(forAlias name: String) -> Self?
}

extension ActivityType: ChineseAliases {
    package static func value(forAlias name: String) -> ActivityType? {
        switch name {
        case "支部党员大会", "党员大会": .generalMeeting
        case "支部委员会会议", "支委会", "支委会议": .committeeMeeting
        case "党小组会", "党小组会议": .groupMeeting
        case "党课": .partyLesson
        case "主题党日": .themedDay
        case "组织生活会": .orgLifeMeeting
        case "民主评议党员", "民主评议": .democraticEvaluation
        case "换届选举", "换届": .election
        case "集中学习", "学习": .study
        case "其他": .other
        default: nil
        }
    }
}

extension ActivityStatus: ChineseAliases {
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
