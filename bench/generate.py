#!/usr/bin/env python3
"""Generate the benchmark data set: one zhibu site and its Hugo twin.

    python3 bench/generate.py --records 10000 --out DIR [--branches 20] [--seed 1921] [--verify]

writes

    DIR/zhibu/Content/...   a valid zhibu site: one committee with N branches,
                            rosters, six committee-level systems and exactly --records
                            activity records spread over 2025-01-01 .. as_of
    DIR/hugo/...            a Hugo site with the same records as content pages (same YAML
                            front matter, same Markdown body) and real layouts

The output depends only on the arguments: a fixed-seed RNG, no clock, sorted iteration.
Standard library only; `--verify` additionally parses every front matter with PyYAML
(if it is installed) and checks the invariants the benchmark relies on.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------------------
# Fixed parameters of the data set
# --------------------------------------------------------------------------------------

AS_OF = date(2026, 11, 24)
FIRST_DAY = date(2025, 1, 1)          # records are spread over FIRST_DAY .. AS_OF
ESTABLISHED = date(2020, 1, 1)
ELECTED = date(2024, 6, 1)
MIN_BODY, MAX_BODY = 1024, 3072  # bytes of Markdown minutes per record
SITE_TITLE = "示例机关党委党建门户"
BASE_URL = "https://dangjian.example.org/"
COMMITTEE_SLUG = "committee"
COMMITTEE_NAME = "示例机关党委"

# The record types cycled through (no groups, so no group-meeting), with Chinese names.
TYPES = ["committee-meeting", "themed-day", "general-meeting", "party-lesson", "study"]
TYPE_ZH = {
    "committee-meeting": "支部委员会会议",
    "themed-day": "主题党日",
    "general-meeting": "支部党员大会",
    "party-lesson": "党课",
    "study": "集中学习",
}
TYPE_SHORT = {
    "committee-meeting": "支委会",
    "themed-day": "主题党日",
    "general-meeting": "党员大会",
    "party-lesson": "党课",
    "study": "集中学习",
}
STUDY_HOURS = {
    "committee-meeting": [1, 1.5],
    "themed-day": [2, 3],
    "general-meeting": [1, 1.5, 2],
    "party-lesson": [2, 3],
    "study": [2, 3, 4],
}

# --------------------------------------------------------------------------------------
# Text pools (assembled with the seeded RNG)
# --------------------------------------------------------------------------------------

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN_CHARS = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美玲桂兰霞平刚飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳晨瑞博文昊思源子涵雨欣梓轩佳怡晓东海峰建国志红春梅")
UNITS = ["研发中心", "财务处", "人事处", "办公室", "后勤服务中心", "信息中心", "规划处", "审计处",
         "宣传部", "工会", "档案馆", "基建处", "资产管理处", "法务部", "质量安全部", "采购中心",
         "市场部", "运营中心", "培训中心", "技术部", "科研处", "国际合作处", "监察室", "保卫处"]
LOCATIONS_EXTRA = ["第一会议室", "第二会议室", "报告厅", "党建活动中心", "革命纪念馆", "社区党群服务中心"]

TOPICS = {
    "committee-meeting": ["研究本月支部工作安排", "研究发展党员工作", "讨论党费收缴情况", "研究主题党日活动方案",
                          "讨论组织生活会准备工作", "研究党员教育培训计划", "通报上级党组织工作要求",
                          "研究困难党员帮扶事项", "讨论支部标准化建设自查情况", "研究入党积极分子培养考察"],
    "themed-day": ["重温入党誓词", "参观红色教育基地", "志愿服务进社区", "学习党章党规", "缴纳党费",
                   "观看红色教育影片", "开展“我为群众办实事”活动", "交流学习心得", "慰问老党员"],
    "general-meeting": ["传达学习上级会议精神", "讨论接收预备党员", "审议支部年度工作总结", "通报党费收缴使用情况",
                        "民主推荐优秀党员", "讨论预备党员转正", "部署下一阶段重点工作"],
    "party-lesson": ["坚定理想信念 践行初心使命", "加强党性修养 提升履职能力", "学习党的创新理论",
                     "弘扬伟大建党精神", "严守政治纪律和政治规矩", "发扬斗争精神 增强斗争本领", "以案为鉴 警钟长鸣"],
    "study": ["学习《中国共产党章程》", "学习《中国共产党支部工作条例（试行）》", "学习《中国共产党纪律处分条例》",
              "学习党史学习教育读本", "学习习近平新时代中国特色社会主义思想", "学习《中国共产党党员教育管理工作条例》",
              "学习先进典型事迹", "学习上级文件精神"],
}

AGENDA = {
    "committee-meeting": ["通报上月支部工作完成情况", "研究本月重点工作安排", "讨论党员发展和教育管理事项",
                          "研究落实上级党组织部署的任务", "其他事项"],
    "themed-day": ["全体党员重温入党誓词", "集中学习有关文件", "开展主题实践活动", "党员交流发言", "书记总结讲话"],
    "general-meeting": ["传达上级党组织有关精神", "支部书记通报工作情况", "党员讨论并表决有关事项", "部署下一步工作"],
    "party-lesson": ["支部书记讲授专题党课", "党员结合实际交流体会", "主持人总结"],
    "study": ["领学有关文件和讲话精神", "党员分享学习体会", "讨论如何把学习成果转化为工作成效", "布置自学任务"],
}

OPENINGS = [
    "{date}，{branch}在{location}召开{type_zh}。会议由**{host}**主持，应到党员{total}名，实到{present}名，符合规定人数。",
    "{date}下午，{branch}于{location}组织开展{type_zh}，支部书记**{host}**主持会议。应到{total}人，实到{present}人。",
    "{branch}于{date}在{location}举行{type_zh}，应参加党员{total}名，实际参加{present}名，由**{host}**主持。",
]

DISCUSSION = [
    "与会党员围绕学习内容逐一发言，结合本职工作谈体会、找差距、明方向。",
    "大家一致认为，要把学习成果转化为推动工作的实际成效，做到学思用贯通、知信行统一。",
    "支部书记强调，要严格落实“三会一课”制度，不断提高组织生活的质量。",
    "会议指出，当前支部各项工作总体推进有序，但在学习的系统性和针对性上仍有提升空间。",
    "党员们表示，要以更高标准严格要求自己，在岗位上发挥先锋模范作用。",
    "会议要求，各党员要按时足额缴纳党费，增强党员意识。",
    "有同志提出，应进一步丰富主题党日的形式，增强活动的吸引力和感染力。",
    "会议认为，发展党员工作要坚持标准、严格程序，确保发展质量。",
    "大家结合近期工作中的难点问题展开讨论，提出了具体的改进措施。",
    "支部委员分别汇报了分管工作的进展情况，并对下一阶段工作提出建议。",
    "会议强调，要把从严管理监督与关心关爱党员结合起来，增强支部的凝聚力。",
    "与会同志认真学习了有关文件，逐段领会其精神实质和实践要求。",
    "会议对近期涌现出的先进典型进行了通报表扬，号召全体党员向他们学习。",
    "有党员建议，围绕业务工作设立党员先锋岗，推动党建与业务深度融合。",
    "会议指出，要坚持问题导向，对照标准认真查摆，逐项抓好整改落实。",
    "大家表示，要把学习教育同解决实际问题结合起来，切实为群众办实事、解难题。",
    "支部书记结合自身经历，谈了对坚定理想信念的认识和体会，大家深受教育。",
    "会议研究了困难党员的帮扶措施，明确了责任人和完成时限。",
    "与会党员一致同意会议形成的各项决定，并表示将认真抓好落实。",
    "会议还就支部标准化规范化建设的自查情况进行了通报。",
    "有同志谈到，要利用好线上学习平台，利用碎片化时间加强自学。",
    "会议要求支委会成员带头学、带头讲、带头做，发挥示范引领作用。",
    "讨论中，大家围绕如何提高会议实效畅所欲言，气氛热烈。",
    "会议强调要严守保密纪律，做好会议材料的归档管理。",
    "党员们纷纷表示，这次活动形式新颖、内容充实，收获很大。",
    "会议对下一阶段的学习计划作了安排，明确了学习篇目和交流时间。",
    "会议指出，要加强对入党积极分子的培养教育，定期听取思想汇报。",
    "大家认为，要发扬批评和自我批评的优良传统，真正做到红红脸、出出汗。",
]

DECISIONS = [
    "按计划开展下月主题党日活动，由组织委员牵头制定方案",
    "于本月底前完成党费收缴和公示工作",
    "确定两名入党积极分子的培养联系人",
    "将学习心得体会在支部内部交流",
    "组织党员开展志愿服务活动一次",
    "对照支部标准化建设清单开展自查并形成报告",
    "更新党员活动室宣传展板内容",
    "做好会议记录和有关材料的归档工作",
    "安排支委对困难党员进行走访慰问",
    "下次会议听取各党员学习进展汇报",
]

CLOSINGS = [
    "会后，请各位党员登录[共产党员网](https://www.12371.cn/)完成本期在线学习任务。",
    "有关学习材料可在[中国政府网](https://www.gov.cn/)查阅，请党员会后自学。",
    "会议精神的详细解读见[求是网](http://www.qstheory.cn/)有关文章，请大家认真研读。",
    "会后请党员通过[学习强国](https://www.xuexi.cn/)平台完成相关专题学习。",
]


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------

CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..99 as a Chinese numeral (第十二党支部); larger numbers in digits (第120党支部)."""
    if n > 99:
        return str(n)
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + ("" if ones == 0 else CN_DIGITS[ones])


_YAML_SPECIAL = re.compile(r"""[:#\[\]{},&*!|>'"%@`\\]""")
_YAML_AMBIGUOUS = re.compile(r"^(?:[-+.0-9].*|true|false|yes|no|on|off|null|~|y|n)$", re.IGNORECASE)


def yaml_scalar(value) -> str:
    """Render a scalar for YAML: numbers and dates plain, strings plain when safe, else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    s = str(value)
    if s == "" or s != s.strip() or _YAML_SPECIAL.search(s) or _YAML_AMBIGUOUS.match(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def yaml_flow_list(items) -> str:
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------

@dataclass
class Member:
    id: str
    name: str
    status: str            # full | probationary
    joined: date
    full_since: date | None


@dataclass
class Record:
    year: int
    slug: str              # unique within the branch's activities/<year>/ folder
    front: list            # ordered (key, rendered YAML value) pairs
    body: str

    def markdown(self) -> str:
        lines = ["---"] + [f"{k}: {v}" for k, v in self.front] + ["---", ""]
        return "\n".join(lines) + self.body


@dataclass
class Branch:
    index: int             # 1-based
    slug: str
    name: str
    unit: str
    venue_location: str
    members: list = field(default_factory=list)
    secretary: str = ""
    committee: list = field(default_factory=list)
    records: list = field(default_factory=list)


def random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def make_roster(rng: random.Random, size: int, used_names: set) -> list:
    """A roster of `size` members, about 90 % full; the first five are always full."""
    members = []
    for i in range(1, size + 1):
        while True:  # names unique within the branch
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2))))
            if name not in used_names:
                used_names.add(name)
                break
        if i > 5 and rng.random() < 0.1:
            # Probationary, admitted within the last year: not yet due for full membership.
            joined = random_date(rng, date(2026, 1, 1), date(2026, 10, 31))
            members.append(Member(f"m{i:03d}", name, "probationary", joined, None))
        else:
            joined = random_date(rng, date(1990, 1, 1), date(2023, 12, 31))
            full_since = joined.replace(year=joined.year + 1, day=min(joined.day, 28) if joined.month == 2 else joined.day)
            members.append(Member(f"m{i:03d}", name, "full", joined, full_since))
    return members


def make_body(rng: random.Random, branch: Branch, rtype: str, day: date, location: str,
              host: Member, recorder: Member, expected: int, attendees: list, decisions: list) -> str:
    """Realistic minutes of 1-3 KB (UTF-8): headings, lists, emphasis and a link.

    The body is a list of Markdown blocks separated by a blank line, except that consecutive
    speaker items ("- **name**：…") form one list; its size is tracked exactly while the
    discussion grows towards a random target, never beyond MAX_BODY bytes."""
    target = rng.randint(MIN_BODY + 100, MAX_BODY - 100)
    head = [
        "## 会议概况",
        rng.choice(OPENINGS).format(
            date=f"{day.year}年{day.month}月{day.day}日", branch=branch.name, location=location,
            type_zh=TYPE_ZH[rtype], host=host.name, total=expected, present=len(attendees)),
        f"记录人：{recorder.name}。",
        "## 会议议程",
        "\n".join(f"{i}. {item}" for i, item in enumerate(AGENDA[rtype], 1)),
        "## 讨论发言",
    ]
    tail = [
        "## 会议决定",
        "\n".join(f"- {d}" for d in decisions),
        "## 下一步工作",
        rng.choice(CLOSINGS),
    ]
    fixed = "\n\n".join(head) + "\n\n" + "\n\n".join(tail) + "\n"
    size = len(fixed.encode("utf-8")) + 2          # + the blank line after the discussion

    pool = DISCUSSION[:]
    rng.shuffle(pool)
    discussion = ""      # the discussion blocks joined, without leading/trailing separator
    last_item = False    # whether the discussion ends with a speaker item
    k = 0
    while size < target:
        item = rng.random() < 0.4
        if item:
            piece = f"- **{rng.choice(attendees).name}**：{pool[k % len(pool)]}"
            k += 1
        else:
            n = rng.randint(2, 4)
            piece = "".join(pool[(k + j) % len(pool)] for j in range(n))
            k += n
        sep = "" if not discussion else ("\n" if item and last_item else "\n\n")
        grown = size + len((sep + piece).encode("utf-8"))
        if grown > MAX_BODY:
            break
        discussion += sep + piece
        last_item, size = item, grown
    blocks = head + ([discussion] if discussion else []) + tail
    return "\n\n".join(blocks) + "\n"


def build_model(records: int, branches: int, seed: int) -> list:
    rng = random.Random(seed)
    model = []
    for b in range(1, branches + 1):
        branch = Branch(
            index=b,
            slug=f"branch-{b:02d}" if branches <= 99 else f"branch-{b:04d}",
            name=f"第{cn_number(b)}党支部",
            unit=UNITS[(b - 1) % len(UNITS)],
            venue_location=f"办公楼{(b - 1) % 9 + 1}层{100 * ((b - 1) % 9 + 1) + rng.randint(1, 20)}室",
        )
        branch.members = make_roster(rng, rng.randint(15, 40), set())
        full = [m for m in branch.members if m.status == "full"]
        size = rng.randint(3, 5)
        branch.committee = [m.id for m in full[:size]]
        branch.secretary = branch.committee[0]
        model.append(branch)

    # Exactly `records` records, split as evenly as possible, dates evenly spaced.
    span = (AS_OF - FIRST_DAY).days + 1
    for branch in model:
        by_id = {m.id: m for m in branch.members}
        n = records // branches + (1 if branch.index <= records % branches else 0)
        used = set()           # (year, slug) already taken
        per_month = {}         # (year, month, type) -> records so far, for titles
        for j in range(n):
            day = FIRST_DAY + timedelta(days=j * span // n)
            rtype = TYPES[(j + branch.index) % len(TYPES)]
            base = f"{day.month:02d}-{day.day:02d}-{rtype}"
            slug, k = base, 1
            while (day.year, slug) in used:
                k += 1
                slug = f"{base}-{k}"
            used.add((day.year, slug))

            location = "党员活动室" if rng.random() < 0.8 else rng.choice(LOCATIONS_EXTRA)
            host = by_id[branch.secretary] if rtype != "study" or rng.random() < 0.5 \
                else by_id[rng.choice(branch.committee)]
            recorder = by_id[rng.choice([c for c in branch.committee if c != host.id])]
            if rtype == "committee-meeting":
                pool = [by_id[c] for c in branch.committee]
            else:
                pool = list(branch.members)
            absent = set(m.id for m in rng.sample(pool, min(len(pool) - 3, rng.randint(0, 3))))
            attendees = [m for m in pool if m.id not in absent or m.id in (host.id, recorder.id)]
            topics = rng.sample(TOPICS[rtype], rng.randint(1, 3))
            decisions = rng.sample(DECISIONS, rng.randint(2, 4))
            key = (day.year, day.month, rtype)
            ordinal = per_month[key] = per_month.get(key, 0) + 1
            title = f"{day.year}年{day.month}月{TYPE_SHORT[rtype]}"
            if ordinal > 1:
                title += f"（第{cn_number(ordinal)}次）"
            if rtype in ("themed-day", "party-lesson"):
                title += "：" + topics[0]
            front = [
                ("type", rtype),
                ("title", yaml_scalar(title)),
                ("date", day.isoformat()),
                ("time", '"14:30-16:00"'),
                ("location", yaml_scalar(location)),
                ("status", "held"),
                ("host", host.id),
                ("recorder", recorder.id),
                ("attendees", yaml_flow_list(m.id for m in attendees)),
                ("study_hours", yaml_scalar(rng.choice(STUDY_HOURS[rtype]))),
                ("topics", yaml_flow_list(topics)),
            ]
            body = make_body(rng, branch, rtype, day, location, host, recorder, len(pool), attendees, decisions)
            branch.records.append(Record(day.year, slug, front, body))
    return model


# --------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------

SYSTEMS = [  # (slug, category, title, body) — committee-level systems apply to every branch
    ("meetings", "meetings", "“三会一课”制度",
     "1. 支部党员大会一般每季度召开一次。\n2. 支部委员会会议一般每月召开一次。\n"
     "3. 党小组会一般每月召开一次。\n4. 党课一般每季度至少一次，支部书记每年至少讲一次党课。\n"),
    ("themed-day", "themed-day", "主题党日制度",
     "支部每月相对固定一天开展主题党日，组织党员集中学习、过组织生活、进行民主议事和志愿服务等。\n"),
    ("org-life", "org-life", "组织生活会制度",
     "支部一般每年召开一次组织生活会，开展批评和自我批评。\n"),
    ("evaluation", "evaluation", "民主评议党员制度",
     "支部一般每年开展一次民主评议党员，组织党员对照合格党员标准进行自评、互评。\n"),
    ("dues", "dues", "党费收缴使用管理制度",
     "党员应按月交纳党费。支部定期公布党费收缴情况，接受党员监督。\n"),
    ("development", "development", "发展党员工作制度",
     "发展党员必须坚持标准、严格程序，把政治标准放在首位，确保发展质量。\n"),
]


def write_zhibu(root: Path, model: list, nest: int = 0) -> int:
    content = root / "Content"
    write_text(content / "site.yml", "\n".join([
        f"title: {SITE_TITLE}",
        "title_en: Example Party Committee Portal",
        f"base_url: {BASE_URL}",
        "languages: [zh]",
        "timezone: Asia/Shanghai",
        f"as_of: {AS_OF.isoformat()}",
        "",
    ]))
    committee = content / "orgs" / COMMITTEE_SLUG
    write_text(committee / "org.yml", "\n".join([
        f"name: {COMMITTEE_NAME}",
        "name_en: Example Party Committee",
        "kind: committee",
        f"established: {ESTABLISHED.isoformat()}",
        "",
    ]))
    for slug, category, title, body in SYSTEMS:
        write_text(committee / "systems" / f"{slug}.md",
                   f"---\ntitle: {yaml_scalar(title)}\ncategory: {category}\nadopted: 2020-01-01\n"
                   f"posted: true\n---\n\n{body}")
    # With --nest K the branches are spread over K general branches below the committee, so
    # that roll-ups are nested as in a real committee.
    for g in range(1, nest + 1):
        write_text(committee / f"general-{g:02d}" / "org.yml", "\n".join([
            f"name: 第{cn_number(g)}党总支",
            "kind: general-branch",
            f"established: {ESTABLISHED.isoformat()}",
            "",
        ]))
    count = 0
    for branch in model:
        parent = committee / f"general-{(branch.index - 1) % nest + 1:02d}" if nest else committee
        org = parent / branch.slug
        write_text(org / "org.yml", "\n".join([
            f"name: {branch.name}",
            "kind: branch",
            f"established: {ESTABLISHED.isoformat()}",
            f"units: [{branch.unit}]",
            "venue:",
            "  name: 党员活动室",
            f"  location: {branch.venue_location}",
            "  signage: [party-flag, oath]",
            "committee:",
            f"  elected: {ELECTED.isoformat()}",
            "  term_years: 3",
            f"  secretary: {branch.secretary}",
            f"  members: {yaml_flow_list(branch.committee)}",
            "",
        ]))
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["id", "name", "status", "joined", "full_since", "group"])
        for m in branch.members:
            w.writerow([m.id, m.name, m.status, m.joined.isoformat(),
                        m.full_since.isoformat() if m.full_since else "", ""])
        write_text(org / "members.csv", buf.getvalue())
        for rec in branch.records:
            write_text(org / "activities" / str(rec.year) / f"{rec.slug}.md", rec.markdown())
            count += 1
    return count


HUGO_TOML = f'''baseURL = "{BASE_URL}"
languageCode = "zh-cn"
defaultContentLanguage = "zh"
title = "{SITE_TITLE}"
timeZone = "Asia/Shanghai"
hasCJKLanguage = true
buildFuture = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[markup.goldmark.renderer]
unsafe = false
'''

HUGO_BASEOF = '''<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       line-height: 1.7; color: #1a1a1a; background: #faf9f7; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1, h2 { color: #c8161d; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
</style>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
'''

HUGO_SINGLE = '''{{ define "main" }}
{{ $types := dict "committee-meeting" "支部委员会会议" "themed-day" "主题党日" "general-meeting" "支部党员大会" "party-lesson" "党课" "study" "集中学习" }}
{{ $roster := index site.Data.rosters .Section }}
<article>
<h1>{{ .Title }}</h1>
<dl>
<dt>类型</dt><dd>{{ index $types .Params.type | default .Params.type }}</dd>
<dt>日期</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time> {{ .Params.time }}</dd>
<dt>地点</dt><dd>{{ .Params.location }}</dd>
<dt>主持人</dt><dd>{{ index $roster .Params.host | default .Params.host }}</dd>
<dt>记录人</dt><dd>{{ index $roster .Params.recorder | default .Params.recorder }}</dd>
<dt>学时</dt><dd>{{ .Params.study_hours }}</dd>
</dl>
<h2>出席（{{ len .Params.attendees }}人）</h2>
<ul>{{ range .Params.attendees }}<li>{{ index $roster . | default . }}</li>{{ end }}</ul>
<h2>议题</h2>
<ul>{{ range .Params.topics }}<li>{{ . }}</li>{{ end }}</ul>
<section>
{{ .Content }}
</section>
<nav><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></nav>
</article>
{{ end }}
'''

HUGO_LIST = '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ol>
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ol>
{{ end }}
'''

HUGO_INDEX = '''{{ define "main" }}
<h1>{{ site.Title }}</h1>
<ul>
{{ range site.Sections.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>（{{ len .Pages }} 条记录）</li>
{{ end }}</ul>
{{ end }}
'''


def write_hugo(root: Path, model: list) -> int:
    write_text(root / "hugo.toml", HUGO_TOML)
    layouts = root / "layouts"
    write_text(layouts / "_default" / "baseof.html", HUGO_BASEOF)
    write_text(layouts / "_default" / "single.html", HUGO_SINGLE)
    write_text(layouts / "_default" / "list.html", HUGO_LIST)
    write_text(layouts / "index.html", HUGO_INDEX)
    count = 0
    for branch in model:
        # Roster as a data file so that pages show names, as zhibu's do.
        write_text(root / "data" / "rosters" / f"{branch.slug}.yaml",
                   "".join(f"{m.id}: {yaml_scalar(m.name)}\n" for m in branch.members))
        section = root / "content" / branch.slug
        write_text(section / "_index.md",
                   f"---\ntitle: {branch.name}\nweight: {branch.index}\n---\n\n{COMMITTEE_NAME}{branch.name}（{branch.unit}）的活动记录。\n")
        for rec in branch.records:
            write_text(section / f"{rec.year}-{rec.slug}.md", rec.markdown())
            count += 1
    return count


# --------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------

FRONT_RE = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def verify(out: Path, records: int) -> list:
    """Parse every generated file and check the invariants; returns a list of problems."""
    try:
        import yaml  # PyYAML: only for this optional self-check
    except ImportError:
        return ["PyYAML is not installed: cannot verify (pip install pyyaml)"]
    problems = []
    content = out / "zhibu" / "Content"
    site = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    if site.get("languages") != ["zh"] or site.get("as_of") != AS_OF:
        problems.append(f"site.yml: unexpected {site}")
    as_of = site["as_of"]
    required = ["type", "title", "date", "time", "location", "status", "host", "recorder",
                "attendees", "study_hours", "topics"]
    n = 0
    orgs = sorted(p.parent for p in (content / "orgs").rglob("org.yml"))
    for org in orgs:
        meta = yaml.safe_load((org / "org.yml").read_text(encoding="utf-8"))
        if meta.get("kind") != "branch":
            continue
        with open(org / "members.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        roster = {r["id"]: r for r in rows}
        if len(roster) != len(rows) or not 15 <= len(rows) <= 40:
            problems.append(f"{org}: roster size or duplicate IDs")
        com = meta["committee"]
        if not 3 <= len(com["members"]) <= 5 or com["secretary"] not in com["members"]:
            problems.append(f"{org}: committee shape")
        if any(roster[c]["status"] != "full" for c in com["members"]):
            problems.append(f"{org}: committee member not full")
        hugo_section = out / "hugo" / "content" / org.name
        for path in sorted((org / "activities").rglob("*.md")):
            n += 1
            text = path.read_text(encoding="utf-8")
            m = FRONT_RE.match(text)
            if not m:
                problems.append(f"{path}: no front matter")
                continue
            try:
                fm = yaml.safe_load(m.group(1))
            except yaml.YAMLError as e:
                problems.append(f"{path}: YAML: {e}")
                continue
            missing = [k for k in required if k not in fm]
            if missing:
                problems.append(f"{path}: missing {missing}")
                continue
            if not isinstance(fm["date"], date) or fm["date"] > as_of or str(fm["date"].year) != path.parent.name:
                problems.append(f"{path}: bad date {fm['date']!r}")
            if fm["type"] not in TYPES or fm["status"] != "held" or fm["time"] != "14:30-16:00":
                problems.append(f"{path}: bad type/status/time")
            people = [fm["host"], fm["recorder"]] + list(fm["attendees"])
            unknown = [p for p in people if p not in roster]
            if unknown:
                problems.append(f"{path}: unknown people {unknown}")
            if not (isinstance(fm["topics"], list) and 1 <= len(fm["topics"]) <= 3
                    and all(isinstance(t, str) for t in fm["topics"])):
                problems.append(f"{path}: topics")
            if not isinstance(fm["title"], str) or not isinstance(fm["study_hours"], (int, float)):
                problems.append(f"{path}: title/study_hours type")
            body = m.group(2).encode("utf-8")
            if not MIN_BODY <= len(body) <= MAX_BODY or b"## " not in body or b"**" not in body or b"](http" not in body:
                problems.append(f"{path}: body size {len(body)} or missing Markdown features")
            twin = hugo_section / f"{path.parent.name}-{path.name}"
            if not twin.exists() or twin.read_text(encoding="utf-8") != text:
                problems.append(f"{path}: Hugo twin missing or different")
    if n != records:
        problems.append(f"record count {n} != {records}")
    hugo_pages = sum(1 for p in (out / "hugo" / "content").rglob("*.md") if p.name != "_index.md")
    if hugo_pages != records:
        problems.append(f"Hugo record pages {hugo_pages} != {records}")
    return problems


# --------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=10000, help="total activity records (default 10000)")
    ap.add_argument("--branches", type=int, default=20, help="branches under the committee (default 20)")
    ap.add_argument("--nest", type=int, default=0,
                    help="spread the branches over this many general branches (default 0: none)")
    ap.add_argument("--seed", type=int, default=1921, help="RNG seed (default 1921)")
    ap.add_argument("--out", type=Path, required=True, help="output directory (zhibu/ and hugo/ are replaced)")
    ap.add_argument("--verify", action="store_true", help="parse everything back (needs PyYAML) and check invariants")
    args = ap.parse_args(argv)
    if args.records < 0 or not 1 <= args.branches <= 99999 or args.nest < 0:
        ap.error("--records must be >= 0, --branches in 1..99999 and --nest >= 0")

    start = time.perf_counter()
    model = build_model(args.records, args.branches, args.seed)
    for sub in ("zhibu", "hugo"):
        shutil.rmtree(args.out / sub, ignore_errors=True)
    n1 = write_zhibu(args.out / "zhibu", model, args.nest)
    n2 = write_hugo(args.out / "hugo", model)
    assert n1 == n2 == args.records, (n1, n2)
    elapsed = time.perf_counter() - start
    print(f"generated {n1} records in {args.branches} branches under {args.out} in {elapsed:.2f} s",
          file=sys.stderr)

    if args.verify:
        problems = verify(args.out, args.records)
        for p in problems[:50]:
            print("verify:", p, file=sys.stderr)
        if problems:
            print(f"verify: {len(problems)} problem(s)", file=sys.stderr)
            return 1
        print("verify: ok (every front matter parses; invariants hold)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
