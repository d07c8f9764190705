#!/usr/bin/env python3
"""Checks the client-side search of a built zhibu site in headless Chromium.

Usage: check_search.py [SITE_DIR] [--query WORD]... [--budget-ms 100]

Serves SITE_DIR (default ./Site) on 127.0.0.1 with Python's http.server on a free port, opens
``search/index.html`` in headless Chromium through Selenium (Debian ``chromium`` and
``chromium-driver``; driver at /usr/bin/chromedriver), types each query (default: 党史, a word
inside sentences of the example site's minutes, and 主题党日) and asserts that a result appears
within 2 s and that the search took less than the budget, as search.js reports in the root
element's ``data-search-ms``. A query must match in the text, not only in titles, so that
finding words inside sentences is what is tested. Exits 1 with a clear message on failure.
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
    """Serves the site under its base path and keeps the log out of the test output."""

    base = "/"

    def translate_path(self, path):
        if self.base != "/" and path.startswith(self.base):
            path = "/" + path[len(self.base):]
        return super().translate_path(path)

    def log_message(self, *args):
        pass


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="Site")
    parser.add_argument("--query", action="append")
    parser.add_argument("--budget-ms", type=float, default=100.0)
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
        driver.get(url)
        WebDriverWait(driver, 10).until(
            lambda d: d.find_element(By.ID, "search").get_attribute("data-ready") == "true")
        root = driver.find_element(By.ID, "search")
        print(f"check_search: index built in {root.get_attribute('data-index-ms')} ms")
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
            if count != total:
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


if __name__ == "__main__":
    sys.exit(main())
