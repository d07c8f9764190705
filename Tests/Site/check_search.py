#!/usr/bin/env python3
"""Checks the client-side search of a built zhibu site in headless Chromium.

Usage: check_search.py [SITE_DIR] [--query WORD]... [--budget-ms 100] [--first-query-kb N]

Serves SITE_DIR (default ./Site) on 127.0.0.1 with Python's http.server on a free port, opens
``search/index.html`` in headless Chromium through Selenium (Debian ``chromium`` and
``chromium-driver``; driver at /usr/bin/chromedriver), types each query (default: 党史, a word
inside sentences of the example site's minutes, and 主题党日) and asserts that a result appears
within 2 s and that the search took less than the budget, as search.js reports in the root
element's ``data-search-ms``. A query must match in the text, not only in titles, so that
finding words inside sentences is what is tested.

The answers are held to the search as it was before the index came in fragments: every
document of ``search-index.json`` whose title and text contain every term, title matches first,
then newest first, then by address. ``reference`` is that search, written again here; the
browser's count and the addresses it lists, in order, must be the same for the given queries
and for a fixed set that covers every kind of term (one character, two, a long one, ASCII,
several terms, none, and terms whose postings the build wrote as bitmaps). The fragments each
query downloads are counted from the server's log; with ``--first-query-kb`` the first query
must download less. Exits 1 with a clear message on failure.
"""

import argparse
import functools
import http.server
import json
import os
import re
import socketserver
import sys
import threading
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"check_search: {error}; run: pip install selenium", file=sys.stderr)
    sys.exit(2)

DRIVER = "/usr/bin/chromedriver"
BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site under its base path, keeps the log out of the test output and notes
    every file it sends."""

    base = "/"
    sent = []
    # When set, meta.js is served with this `v` and `r`: `v` 0 makes the script read every long
    # term's candidate documents, as it would on a province's site, and a small `r` makes it
    # stop reading them before all are read.
    places_limit = None
    documents_read = 60
    # When set, meta.js is served with this `w`, and each partition's k fragment lists the
    # length of every posting of the partition, not only of the large ones: a budget of a few
    # bytes makes the script test every term but the first as text, as it would for a query
    # of several common words on a site of a million records.
    posting_budget = None

    def patched(self, path):
        """The text served instead of the file at path, or None."""
        fragments = os.path.join("search", "fragments") + os.sep
        if path.endswith(fragments + "meta.js") and (
                self.places_limit is not None or self.posting_budget is not None):
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            if self.places_limit is not None:
                text = re.sub(r'"v":\d+', f'"v":{self.places_limit}', text)
                text = re.sub(r'"r":\d+', f'"r":{self.documents_read}', text)
            if self.posting_budget is not None:
                text = re.sub(r'"w":\d+', f'"w":{self.posting_budget}', text)
            return text
        name = os.path.basename(path)
        if self.posting_budget is not None and fragments in path and re.fullmatch(
                r"k[0-9a-f]+\.js", name):
            sizes = {}
            for directory, _, names in os.walk(os.path.dirname(os.path.dirname(path))):
                for bucket in names:
                    if bucket.startswith("b") and bucket.endswith(".js"):
                        sizes.update({key: len(posting) for key, posting in
                                      fragment_data(os.path.join(directory, bucket)).items()})
            return f'zhibuSearchFragment("{name[:-3]}",{json.dumps(sizes)});\n'
        return None

    def do_GET(self):
        path = self.translate_path(self.path)
        text = self.patched(path)
        if text is not None:
            body = text.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def translate_path(self, path):
        if self.base != "/" and path.startswith(self.base):
            path = "/" + path[len(self.base):]
        return super().translate_path(path)

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        handle = super().send_head()
        if handle is not None and os.path.isfile(path):
            Quiet.sent.append((path, os.path.getsize(path)))
        return handle


def fragment_bytes(sent):
    """The bytes of the search index's fragments among the files sent."""
    return sum(size for path, size in sent if f"{os.sep}fragments{os.sep}" in path)


def fragment_data(path):
    """The data of a fragment file: the JSON inside zhibuSearchFragment("name", …);."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def base_path(site):
    """The base path of base_url, read from the search page's data-index attribute."""
    with open(os.path.join(site, "search", "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    match = re.search(r'data-index="([^"]*)search-index\.json"', page)
    if not match:
        raise SystemExit("check_search: search/index.html has no data-index attribute")
    return match.group(1)


def expected(site, query):
    """How many documents of the index contain the query in their title or text."""
    with open(os.path.join(site, "search-index.json"), encoding="utf-8") as handle:
        docs = json.load(handle)
    terms = query.lower().split()
    in_text = sum(1 for d in docs if all(t in d["x"].lower() for t in terms))
    total = sum(1 for d in docs if all(t in (d["t"] + "\n" + d["x"]).lower() for t in terms))
    return total, in_text


SEPARATORS = re.compile(r"[\s\u3000,，、;；]+")


def terms_of(query):
    """The query's distinct lower-cased terms, as search.js splits them."""
    out = []
    for part in SEPARATORS.split(query.lower()):
        if part and part not in out:
            out.append(part)
    return out


def reference(docs, query):
    """Today's answer to a query: the count, the addresses of every result, in order, and those
    of the title matches."""
    terms = terms_of(query.strip())
    found = []
    for index, doc in enumerate(docs):
        title = doc["t"].lower()
        hay = title + "\n" + doc["x"].lower()
        if all(term in hay for term in terms):
            found.append((not any(term in title for term in terms), doc["d"], index))
    # Title matches first, then newest first (an undated page last), then by address.
    found.sort(key=lambda item: item[2])
    found.sort(key=lambda item: item[1], reverse=True)
    found.sort(key=lambda item: item[0])
    titled = {docs[index]["u"] for not_title, _, index in found if not not_title}
    return len(found), [docs[index]["u"] for _, _, index in found], titled


BITMAP = re.compile(r'"([0-9a-f]{4}|[0-9a-f]{8})":"~[^".]*\.(~?)')


def bitmap_queries(site):
    """Terms whose postings are bitmaps: one whose titles are a list of ids, one whose titles
    are a bitmap too (the two forms the script reads besides a list), from the fragments."""
    found = {}
    folder = os.path.join(site, "search", "fragments")
    for directory, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if not (name.startswith("b") and name.endswith(".js")):
                continue
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                for key, titles in BITMAP.findall(handle.read()):
                    term = "".join(chr(int(key[i:i + 4], 16)) for i in range(0, len(key), 4))
                    # A term the query box keeps whole: no separator, no surrogate half.
                    if SEPARATORS.search(term) or any(0xD800 <= ord(c) <= 0xDFFF for c in term):
                        continue
                    found.setdefault(titles, term)
    return [found[kind] for kind in ("", "~") if kind in found]


def covering_queries(docs, site):
    """Queries of every kind of term, taken from the documents and fragments themselves."""
    queries = ["党", "支部 学习", "，", "zz9zz", "党员 zz9zz", "2024"] + bitmap_queries(site)
    for doc in docs:
        text = doc["x"]
        han = re.findall(r"[\u4e00-\u9fff]{6,}", text)
        if han:
            queries.append(han[0][1:5])
            queries.append(han[-1][:3] + " " + doc["t"][:2])
            break
    for doc in docs:
        words = re.findall(r"[A-Za-z]{3,}", doc["x"])
        if words:
            queries.append(words[0].upper())
            break
    return queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="Site")
    parser.add_argument("--query", action="append")
    parser.add_argument("--budget-ms", type=float, default=100.0)
    parser.add_argument("--first-query-kb", type=float)
    parser.add_argument("--each-first", action="store_true",
                        help="reload the page, without cache, before each query, so that each "
                        "is a first query")
    args = parser.parse_args()
    queries = args.query or ["党史", "主题党日"]
    site = os.path.abspath(args.site)
    for needed in ("search/index.html", "search-index.json"):
        if not os.path.exists(os.path.join(site, needed)):
            print(f"check_search: {site}/{needed} is missing; build the site first",
                  file=sys.stderr)
            return 2

    Quiet.base = base_path(site)
    handler = functools.partial(Quiet, directory=site)
    server = Server(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    options = webdriver.ChromeOptions()
    for browser in BROWSERS:
        if os.path.exists(browser):
            options.binary_location = browser
            break
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--lang=zh-CN"):
        options.add_argument(flag)
    problems = []
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        url = f"http://127.0.0.1:{port}{Quiet.base}search/"
        Quiet.sent.clear()
        open_search(driver, url)
        # What the page loads before any query: meta.js and the k fragments.
        opened = fragment_bytes(Quiet.sent)
        root = driver.find_element(By.ID, "search")
        print(f"check_search: index ready in {root.get_attribute('data-index-ms')} ms, "
              f"{opened / 1024:.1f} KB of meta.js and k fragments")
        with open(os.path.join(site, "search-index.json"), encoding="utf-8") as handle:
            docs = json.load(handle)
        first = True
        if args.each_first:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        for query in queries + [q for q in covering_queries(docs, site) if q not in queries]:
            if args.each_first:
                open_search(driver, url)
                first = True
            Quiet.sent.clear()
            problem = answer(driver, query, reference(docs, query))
            # The index's fragments only: meta.js and the k fragments came with the page.
            fetched = fragment_bytes(Quiet.sent)
            kinds = {"b": 0, "p": 0, "d": 0}
            for path, size in Quiet.sent:
                name = os.path.basename(path)
                if f"{os.sep}fragments{os.sep}" in path and name[:1] in kinds:
                    kinds[name[:1]] += size
            print(f"check_search: {query}: answered as before; {len(Quiet.sent)} files, "
                  f"{fetched / 1024:.1f} KB downloaded ({kinds['b'] / 1024:.1f} KB postings, "
                  f"{kinds['p'] / 1024:.1f} KB places, {kinds['d'] / 1024:.1f} KB documents)")
            if problem:
                problems.append(f"{query}: {problem}")
            if first and args.first_query_kb is not None and (
                    fetched + opened >= args.first_query_kb * 1024):
                problems.append(f"{query}: the first query downloaded {fetched / 1024:.1f} KB "
                                f"after {opened / 1024:.1f} KB of meta.js and k fragments "
                                f"(budget {args.first_query_kb} KB)")
            first = False
        # The same answers when the script reads long terms' candidates instead of places; the
        # cache off, so that the page loads the meta.js served for this.
        Quiet.places_limit = 0
        reads = {}
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        for query in queries + [q for q in covering_queries(docs, site) if q not in queries]:
            open_search(driver, url)
            problem = answer(driver, query, reference(docs, query))
            exact = driver.find_element(By.ID, "search").get_attribute("data-search-exact")
            print(f"check_search: {query}: candidates read as text, "
                  f"{'exact' if exact == 'true' else 'at least'}; answered as before")
            reads[exact == "true"] = True
            if problem:
                problems.append(f"{query} (read as text): {problem}")
        Quiet.places_limit = None
        if len(reads) < 2:
            problems.append("no query read all its candidates and another only some: the "
                            "fixed queries no longer cover both ways of reading")
        # The same answers when the budget of large postings leaves every term but the one
        # with the smallest postings to be tested as text, and a long term's inner pairs too.
        Quiet.posting_budget = 1
        skips = 0
        for query in queries + [q for q in covering_queries(docs, site) if q not in queries]:
            open_search(driver, url)
            problem = answer(driver, query, reference(docs, query))
            root = driver.find_element(By.ID, "search")
            skipped = int(root.get_attribute("data-search-skipped") or "0")
            exact = root.get_attribute("data-search-exact") == "true"
            print(f"check_search: {query}: within a budget of large postings, {skipped} "
                  f"term(s) tested as text, {'exact' if exact else 'at least'}; "
                  "answered as before")
            skips += skipped
            if len(terms_of(query)) > 1 and not skipped:
                problem = problem or "a query of several terms loaded the postings of all"
            if problem:
                problems.append(f"{query} (within a budget): {problem}")
        Quiet.posting_budget = None
        if not skips:
            problems.append("no query tested a term as text within the budget")
        open_search(driver, url)
        for query in queries:
            total, in_text = expected(site, query)
            if in_text == 0:
                problems.append(f"{query}: no document has it in its text; pick a word that "
                                "occurs inside a sentence of a record")
                continue
            box = driver.find_element(By.ID, "search-q")
            box.clear()
            started = time.monotonic()
            box.send_keys(query)
            try:
                WebDriverWait(driver, 2, poll_frequency=0.02).until(
                    lambda d: d.find_element(By.ID, "search").get_attribute(
                        "data-search-query") == query
                    and d.find_elements(By.CSS_SELECTOR, "#search-results li"))
            except Exception:
                problems.append(f"{query}: no result within 2 s")
                continue
            root = driver.find_element(By.ID, "search")
            waited = (time.monotonic() - started) * 1000
            took = float(root.get_attribute("data-search-ms"))
            count = int(root.get_attribute("data-search-count"))
            shown = len(driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
            marks = driver.find_elements(By.CSS_SELECTOR, "#search-results mark")
            status = driver.find_element(By.ID, "search-status").text
            print(f"check_search: {query}: {count} results ({shown} shown, {total} expected), "
                  f"search {took:.2f} ms, visible after {waited:.0f} ms; {status}")
            if took >= args.budget_ms:
                problems.append(f"{query}: search took {took:.2f} ms (budget {args.budget_ms} ms)")
            exact = root.get_attribute("data-search-exact") == "true"
            if count != total and (exact or count > total):
                problems.append(f"{query}: {count} results, the index has {total} matches")
            if shown != min(count, 50):
                problems.append(f"{query}: {shown} results shown, expected {min(count, 50)}")
            if not marks or not all(m.text.lower() in query.lower() for m in marks):
                problems.append(f"{query}: matches are not highlighted with <mark>")
        # Markup typed into the box must come back as text, never as HTML.
        box = driver.find_element(By.ID, "search-q")
        box.clear()
        box.send_keys("<img src=x onerror=alert(1)>")
        time.sleep(0.2)
        if driver.find_elements(By.CSS_SELECTOR, "#search-results img, #search-status img"):
            problems.append("a query with markup was inserted as HTML")
    finally:
        driver.quit()
        server.shutdown()
    for problem in problems:
        print("check_search: " + problem, file=sys.stderr)
    if problems:
        print(f"check_search: FAILED with {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check_search: ok")
    return 0


def open_search(driver, url):
    """Loads the search page afresh and waits until its index's meta fragment is in."""
    driver.get(url)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "search").get_attribute("data-ready") == "true")


def answer(driver, query, expected_answer):
    """Types the query and compares the browser's count and addresses with the reference.

    When the script stopped reading a long term's candidates before all were read (a site past
    meta.js's `v`, or the read pass that serves `v` 0), its count says "at least", and what it
    lists must be matches, in the reference's order, the reference's first fifty when it found
    fifty."""
    count, every, titled = expected_answer
    urls = every[:50]
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(query)
    try:
        WebDriverWait(driver, 5, poll_frequency=0.02).until(
            lambda d: d.find_element(By.ID, "search").get_attribute("data-search-query")
            == query.strip())
    except Exception:
        return "no answer within 5 s"
    root = driver.find_element(By.ID, "search")
    got = int(root.get_attribute("data-search-count"))
    links = [a.get_dom_attribute("href")
             for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
    if root.get_attribute("data-search-exact") == "false":
        status = driver.find_element(By.ID, "search-status").text
        if got > count:
            return f"at least {got} results, but only {count} match"
        if str(got) not in status:
            return f"the count {got} is not in the message: {status}"
        order = {url: index for index, url in enumerate(every)}
        if any(link not in order for link in links):
            return f"lists a document that does not match: {links}"
        if [order[link] for link in links] != sorted(order[link] for link in links):
            return "lists matches out of order"
        # A term tested as text only may be in the title of a candidate not read: the title
        # matches listed are then the newest of those read, not always the newest of all.
        skipped = int(root.get_attribute("data-search-skipped") or "0")
        if skipped and len(links) == 50 and not all(link in titled for link in links):
            return None
        if len(links) == 50 and links != urls:
            return "its first fifty are not the reference's"
        return None
    if got != count:
        return f"{got} results, {count} before"
    if links != urls:
        for index, (was, now) in enumerate(zip(urls, links)):
            if was != now:
                return f"result {index + 1} is {now}, before it was {was}"
        return f"{len(links)} results listed, {len(urls)} before"
    return None


if __name__ == "__main__":
    sys.exit(main())
