import ZhibuModel

/// No mainland mobile number appears in the content.
enum PrivacyPhone: Rule {
    static let descriptor = RuleDescriptor(
        id: "privacy.phone",
        summary: LocalizedText(
            zh: "不要在内容中写手机号码", en: "keep mobile phone numbers out of the content"),
        explanation: LocalizedText(
            zh:
                "手机号码是个人信息，不应出现在公开的党建门户和它所在的代码仓库中。zhibu 检查正文、前置信息中的文字字段和花名册（包括不会发布的额外列），查找 11 位的大陆手机号码（可带 +86，可按 3-4-4 用空格或连字符分隔）；更长的数字串不算。需要公布联系方式的，请使用办公电话或公共邮箱；如号码已提交到 git，还应从历史记录中清除。",
            en:
                "Mobile numbers are personal data and belong neither on the public portal nor in the repository behind it. zhibu scans texts, front-matter text fields and rosters (extra columns included, though they are never rendered) for 11-digit mainland mobile numbers (optionally after +86, optionally grouped 3-4-4 by spaces or hyphens); longer runs of digits do not count. Where contact details must be published, give an office number or a shared mailbox; if the number was committed to git, remove it from the history too."
        ),
        citation: .privacy,
        defaultSeverity: .warning, scope: .content,
        publicCount: LocalizedText(
            zh: "{count} 处内容含有手机号码", en: "{count} places contain a mobile phone number"),
        examples: RuleExamples(
            passing: [
                RuleExample(
                    LocalizedText(zh: "公布办公电话", en: "an office number"),
                    changes: [
                        "Content/orgs/branch/notices/contact.md": """
                        ---
                        title: 党员活动室开放时间
                        date: 2026-11-20
                        ---
                        工作日开放，联系电话 010-6512 3456。

                        """
                    ])
            ],
            failing: [
                RuleExample(
                    LocalizedText(zh: "通知中有手机号码", en: "a mobile number in a notice"),
                    changes: [
                        "Content/orgs/branch/notices/contact.md": """
                        ---
                        title: 党员活动室开放时间
                        date: 2026-11-20
                        ---
                        工作日开放，联系人张伟，手机 138-1234-5678。

                        """
                    ])
            ]))

    static func check(_ context: RuleContext) -> [Finding] {
        context.privacyTexts.flatMap { text in
            let matches = PrivacyScan.phoneNumbers(in: text.scalars).sorted {
                $0.offset < $1.offset
            }
            return zip(matches, text.locations(matches)).map { match, location in
                let masked = PrivacyScan.mask(match.text, keepingFirst: 3, last: 4)
                return Finding(
                    LocalizedText(
                        zh: "\(text.field.zh)中有手机号码（\(masked)）",
                        en: "\(text.field.en) contains a mobile phone number (\(masked))"),
                    at: location, org: text.org,
                    subject: "\(location.file):\(location.line ?? 0):\(location.column ?? 0)",
                    help: [
                        LocalizedText(
                            zh: "删除号码，改用办公电话或公共邮箱；如已提交到 git，还要从历史记录中清除",
                            en:
                                "delete the number and give an office number or a shared mailbox instead; if it was committed to git, remove it from the history too"
                        )
                    ])
            }
        }
    }
}
