#!/usr/bin/env python3
"""Checks a site built with `zhibu build --relative-urls`, opened from files as a USB copy is.

Usage: check_file_site.py SITE_DIR QUERY EXPECTED_TITLE

- every href and src of every HTML page that is not absolute resolves to a file of SITE_DIR
  (a folder link must name its index.html: a browser reading files adds nothing);
- in headless Chromium at file://: the home page, a status page and a record page are styled
  (the stylesheet loaded: the header has its red top border) and their first links open;
- the search page, opened from its file, answers QUERY with a result titled EXPECTED_TITLE
  whose link opens that page.

Exits 1 listing every failure.
"""

import re
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selenium.webdriver.common.by import By

from harness import chromium

ADDRESS = re.compile(r'\s(?:href|src)="([^"]*)"')


def broken_links(site: Path) -> list:
    problems = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for value in ADDRESS.findall(text):
            if re.match(r"^[a-z][a-z0-9+.-]*:", value) or value.startswith("#"):
                continue  # http:, https:, data:, mailto: and fragments
            if value.startswith("/"):
                problems.append(f"{page.relative_to(site)}: root-relative {value}")
                continue
            path = unquote(urlsplit(value).path)
            target = (page.parent / path).resolve()
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: {value} is not a file")
    return problems


def main():
    site = Path(sys.argv[1]).resolve()
    query, expected = sys.argv[2], sys.argv[3]
    problems = broken_links(site)[:20]
    driver = chromium(1280, 900)
    try:
        pages = [site / "index.html"]
        pages += sorted(site.glob("*/*/index.html"))[:1]
        pages += sorted(site.glob("*/*/activities/*/*/index.html"))[:1]
        for page in pages:
            driver.get(page.as_uri())
            border = driver.execute_script(
                "const h = document.querySelector('.site-header');"
                "return h ? getComputedStyle(h).borderTopColor : '';")
            if border.replace(" ", "") != "rgb(200,22,29)":
                problems.append(f"{page.relative_to(site)}: not styled (header border {border!r})")
            links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a")]
            for link in links[:3]:
                if link and link.startswith("file:"):
                    if not Path(unquote(urlsplit(link).path)).is_file():
                        problems.append(f"{page.relative_to(site)}: {link} does not open")
        driver.get((site / "search" / "index.html").as_uri() + "?q=" + query)
        deadline = time.time() + 20
        titles = []
        while time.time() < deadline:
            results = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
            titles = [(r.text, r.get_attribute("href")) for r in results]
            if titles:
                break
            time.sleep(0.2)
        found = [href for text, href in titles if expected in text]
        if not found:
            status = driver.find_element(By.ID, "search-status").text
            problems.append(f"search for {query!r} found no {expected!r} ({status!r}, {titles[:3]})")
        elif not Path(unquote(urlsplit(found[0]).path)).is_file():
            problems.append(f"the search result {found[0]} does not open")
    finally:
        driver.quit()
    for problem in problems:
        print("FAIL", problem)
    print(f"check_file_site: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
