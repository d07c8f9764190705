import ZhibuModel

extension SiteScaffold {
    /// The words of a new site in one language: names, titles and the comments that explain
    /// each file to the secretary who will edit it.
    struct Words {
        let language: Language

        init(_ language: Language) { self.language = language }

        var zh: Bool { language == .zh }

        /// `site.yml`: the same settings in either language, with comments the secretary reads.
        var siteYAML: String {
            let audienceNote =
                zh
                ? "公开网站只以人数显示涉及个人的问题（如“2 名党员欠缴党费”）；内网检查用的站点写 `audience: internal`。"
                : "A public site shows findings about members only as counts (\"2 members are behind with their dues\"); an intranet inspection portal says `audience: internal`."
            let (intro, title, url, urlNote, asOfNote) =
                zh
                ? (
                    "站点设置。改完运行 `zhibu check` 检查，`zhibu build` 生成 Site/。", "示例机关党委党建门户",
                    "https://dangjian.example.org/", "网站发布后的地址；填写后展示屏上才有二维码。",
                    "不写 as_of：按今天的日期检查。要按固定日期检查时写 `as_of: 2026-11-24`。"
                )
                : (
                    "Site settings. Run `zhibu check` after a change, `zhibu build` to write Site/.",
                    "Party Building Portal of the Example Committee", "https://party.example.org/",
                    "Where the site is published; boards show a QR code once it is set.",
                    "No as_of: checks are made as of today. Write `as_of: 2026-11-24` to fix the date."
                )
            return """
                # \(intro)
                title: \(title)
                # \(urlNote)
                # base_url: \(url)
                languages: [\(language.rawValue)]
                timezone: Asia/Shanghai
                # \(asOfNote)
                # \(audienceNote)
                audience: public
                rules:
                  profile: national
                  window_months: 12
                board:
                  slide_seconds: 12
                  poll_seconds: 60

                """
        }

        func committeeYAML(established: String) -> String {
            """
            # \(zh ? "党委：下级组织各有一个文件夹（branch-1、branch-2）" : "The committee: each organization below has a folder (branch-1, branch-2)")
            name: \(zh ? "示例机关党委" : "Example Party Committee")
            kind: committee
            established: \(established)
            units: [\(zh ? "示例单位" : "Example Institute")]
            venue:
              name: \(zh ? "党员教育活动中心" : "Party Education Center")
              location: \(zh ? "办公楼1层101" : "Room 101, Main Building")
              signage: [party-flag, oath, systems-wall]
            committee:
              elected: \(established)
              term_years: 5
              secretary: b1m01
              deputy_secretaries: [b2m01]
              members: [b1m01, b2m01, b1m02]

            """
        }

        func branchYAML(_ number: Int, established: String) -> String {
            let name =
                zh
                ? (number == 1 ? "第一党支部" : "第二党支部")
                : (number == 1 ? "First Party Branch" : "Second Party Branch")
            // Seven full members call for a committee; four do not.
            let committee =
                number == 1
                ? """
                committee:
                  elected: \(established)
                  term_years: 3
                  secretary: b1m01
                  deputy_secretaries: [b1m02]
                  members: [b1m01, b1m02, b1m03]
                """
                : """
                committee:
                  elected: \(established)
                  term_years: 3
                  secretary: b2m01
                """
            return """
                # \(zh ? "党支部：记录在 activities/<年份>/，岗位在 posts/，党费在 dues/" : "A branch: records in activities/<year>/, posts in posts/, dues in dues/")
                name: \(name)
                kind: branch
                established: \(established)
                units: [\(zh ? "示例单位" : "Example Institute")]
                venue:
                  name: \(zh ? "党员活动室" : "Members' Room")
                  location: \(zh ? "办公楼\(number + 1)层20\(number)" : "Room 20\(number), Main Building")
                  signage: [party-flag, oath]
                \(committee)

                """
        }

        private static let namesZh = [
            "张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵强", "孙丽", "周敏", "吴磊", "郑洁",
        ]
        private static let namesEn = [
            "Zhang Wei", "Li Na", "Wang Fang", "Liu Yang", "Chen Jing", "Yang Fan", "Zhao Qiang",
            "Sun Li", "Zhou Min", "Wu Lei", "Zheng Jie",
        ]

        func roster(_ branch: Int, ids: [String], since: String) -> String {
            var text = "id,name,status,joined,full_since,group\n"
            for (index, id) in ids.enumerated() {
                let names = zh ? Self.namesZh : Self.namesEn
                let name = names[(index + (branch - 1) * 7) % names.count]
                let year = 2005 + index
                text += "\(id),\(name),full,\(year)-07-01,\(year + 1)-07-01,\n"
            }
            return text
        }

        func system(_ category: DisplayedSystem.Category, adopted: String) -> String {
            let title = zh ? category.label.zh : category.label.en.capitalizedFirst + " rules"
            let body =
                zh
                ? "（请在这里写入本制度的全文。张贴在党员活动场所的制度，`posted` 写 `true`。）\n"
                : "(Write the full text of these rules here. Rules displayed at the venue have "
                    + "`posted: true`.)\n"
            return "---\ntitle: \(title)\ncategory: \(category.rawValue)\nadopted: \(adopted)\n"
                + "posted: true\n---\n" + body
        }

        func notice(date: String) -> String {
            zh
                ? "---\ntitle: 党建门户开通\ndate: \(date)\npinned: true\n---\n"
                    + "本门户由 zhibu 根据 Content/ 中的文件生成。修改文件后运行 `zhibu check` 检查。\n"
                : "---\ntitle: The portal is open\ndate: \(date)\npinned: true\n---\n"
                    + "This portal is built by zhibu from the files in Content/. Run `zhibu check` "
                    + "after editing them.\n"
        }

        func record(_ type: ActivityType, date: String, attendees: [String], host: String)
            -> String
        {
            let label = zh ? type.label.zh : type.label.en.capitalizedFirst
            var text = "---\n"
            text += "type: \(type.rawValue)\n"
            text += "title: \(label)\n"
            text += "date: \(date)\n"
            text += "location: \(zh ? "党员活动室" : "Members' Room")\n"
            text += "host: \(host)\n"
            text += "recorder: \(attendees.count > 1 ? attendees[1] : host)\n"
            if type == .partyLesson { text += "lecturer: \(host)\n" }
            text += "attendees: [\(attendees.joined(separator: ", "))]\n"
            if type == .themedDay || type == .study || type == .partyLesson {
                text += "study_hours: 2\n"
            }
            if type == .generalMeeting {
                text +=
                    zh ? "decisions: [通过本年度工作计划]\n" : "decisions: [Adopted the plan of the year]\n"
            }
            text +=
                zh
                ? "# 可选字段：time、absent（缺席及原因）、topics、decisions、also\n---\n"
                    + "（会议纪要写在这里。）\n"
                : "# Optional: time, absent (with reasons), topics, decisions, also\n---\n"
                    + "(The minutes go here.)\n"
            return text
        }

        func post(holder: String) -> String {
            zh
                ? "---\nkind: pioneer-post\ntitle: 党员先锋岗\nholders: [\(holder)]\n"
                    + "commitment: 立足岗位，服务群众，争当表率\n---\n（岗位职责写在这里。）\n"
                : "---\nkind: pioneer-post\ntitle: Pioneer post\nholders: [\(holder)]\n"
                    + "commitment: Serve the people where I work and set an example\n---\n"
                    + "(The duties of the post go here.)\n"
        }
    }
}

extension String {
    /// The text with its first letter upper-case, for titles made of a type's name.
    fileprivate var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
