"""Checks that no internal link of a built zhibu site is broken.

Every href and src in every HTML page (and every <loc> of sitemap.xml) that points into the site
must name a file that exists under Site/: a folder link resolves to its index.html. Links to other
hosts, mailto: and fragments of the same page are not followed. Exit 1 with the broken links.
"""
import html.parser
import os
import sys
import urllib.parse


class LinkCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def resolve(site, base_path, page_folder, link):
    parsed = urllib.parse.urlsplit(link)
    if parsed.scheme or parsed.netloc or link.startswith(("mailto:", "tel:", "data:")):
        return None
    path = urllib.parse.unquote(parsed.path)
    if not path:
        return None  # a fragment of the same page
    if path.startswith("/"):
        if not path.startswith(base_path):
            return ("outside the base path", path)
        target = os.path.join(site, path[len(base_path):])
    else:
        target = os.path.normpath(os.path.join(page_folder, path))
    if path.endswith("/") or os.path.isdir(target):
        target = os.path.join(target, "index.html")
    return None if os.path.isfile(target) else ("missing", path)


def main(site, base_path="/"):
    broken = []
    pages = 0
    for folder, _, files in os.walk(site):
        for name in sorted(files):
            if not name.endswith(".html"):
                continue
            pages += 1
            path = os.path.join(folder, name)
            collector = LinkCollector()
            with open(path, encoding="utf-8") as handle:
                collector.feed(handle.read())
            for link in collector.links:
                problem = resolve(site, base_path, folder, link)
                if problem:
                    broken.append(f"{os.path.relpath(path, site)}: {problem[0]}: {link}")
    for line in sorted(set(broken))[:50]:
        print(line)
    print(f"{pages} pages checked, {len(set(broken))} broken links")
    return 1 if broken or pages == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/"))
