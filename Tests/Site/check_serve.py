#!/usr/bin/env python3
"""Tries a running ``zhibu serve`` as a secretary and an adversary would.

Usage: check_serve.py URL SITE_DIR [PID]   (SITE_DIR: a site made by ``zhibu init``)

1. The home page answers 200 as HTML with the live-reload script; a folder without its slash
   is redirected; an unknown page gets the 404 page with status 404; CSS has its MIME type.
2. ``/../Package.swift`` and ``/%2e%2e/Package.swift`` never serve a file from outside.
3. A saved change bumps ``/_zhibu/version`` within 2 s and the next response has it.
4. A broken file shows the overlay with its file and rule; saving the fix removes it.
5. 200 concurrent requests while the site rebuilds all succeed. An editor's save (a temporary
   file written, then renamed over the old one) is one rebuild. A record marked
   ``draft: true`` is served with the draft banner.
6. Headless Chromium with the page open reloads by itself after a save (selenium).
7. With the server's PID: its memory stays flat over 300 rebuilds (resident size after the
   300th within 25 % of that after the 50th).
Exits 1 with one line per problem.
"""

import concurrent.futures
import glob
import http.client
import os
import sys
import time
import urllib.parse

PROBLEMS = []


def problem(text):
    PROBLEMS.append(text)


def get(url, path):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    headers = dict(response.getheaders())
    connection.close()
    return response.status, headers, body


def version(url):
    return get(url, "/_zhibu/version")[2].decode()


def wait_for_new_version(url, old, seconds=5.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        now = version(url)
        if now != old:
            return now, time.time()
        time.sleep(0.02)
    return None, time.time()


def edit(path, old, new):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new, 1))


def resident_kb(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def rebuild_many(url, notice, pid):
    with open(notice, encoding="utf-8") as handle:
        original = handle.read()
    sizes = {}
    for number in range(1, 301):
        before = version(url)
        with open(notice, "w", encoding="utf-8") as handle:
            handle.write(original + f"\n第 {number} 次保存。\n")
        if wait_for_new_version(url, before)[0] is None:
            problem(f"save {number} was not rebuilt")
            break
        if number in (50, 300):
            sizes[number] = resident_kb(pid)
    with open(notice, "w", encoding="utf-8") as handle:
        handle.write(original)
    if len(sizes) == 2:
        print(f"check_serve: resident {sizes[50]} KB after 50 rebuilds, {sizes[300]} KB after 300",
              file=sys.stderr)
        if sizes[300] > sizes[50] * 1.25:
            problem(f"memory grew from {sizes[50]} KB to {sizes[300]} KB over 250 rebuilds")


def check_protocol(url):
    """HTTP/1.1 as browsers and tools use it: HEAD, other methods, queries, keep-alive."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", "/_z/zhibu.css?v=1#top")
    first = connection.getresponse()
    css = first.read()
    if first.status != 200 or not css:
        problem(f"a query string: {first.status}")
    # The same connection answers again: the server kept it alive.
    connection.request("HEAD", "/_z/zhibu.css")
    head = connection.getresponse()
    if head.read() != b"" or head.status != 200 \
            or head.getheader("Content-Length") != str(len(css)):
        problem(f"HEAD: {head.status} length {head.getheader('Content-Length')} of {len(css)}")
    connection.request("POST", "/", body=b"x=1", headers={"Content-Type": "text/plain"})
    post = connection.getresponse()
    post.read()
    if post.status != 405 or "GET" not in (post.getheader("Allow") or ""):
        problem(f"POST: {post.status} Allow {post.getheader('Allow')}")
    connection.close()


def main(url, site):
    status, headers, body = get(url, "/")
    if status != 200 or "text/html" not in headers.get("Content-Type", ""):
        problem(f"home: {status} {headers.get('Content-Type')}")
    if b"/_zhibu/version" not in body:
        problem("home: no live-reload script")
    status, headers, _ = get(url, "/committee")
    if status != 301 or not headers.get("Location", "").endswith("/committee/"):
        problem(f"folder without slash: {status} {headers.get('Location')}")
    status, _, body = get(url, "/no/such/page/")
    if status != 404 or b"<html" not in body:
        problem(f"unknown page: {status}")
    status, headers, _ = get(url, "/_z/zhibu.css")
    if status != 200 or not headers.get("Content-Type", "").startswith("text/css"):
        problem(f"css: {status} {headers.get('Content-Type')}")
    for path in ("/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift",
                 "/../../../etc/passwd"):
        status, _, body = get(url, path)
        if status == 200 or b"swift-tools-version" in body or b"root:" in body:
            problem(f"{path}: answered {status}")

    check_protocol(url)
    # A file beside the inputs (a log, a note) is not a change of the site.
    before = version(url)
    with open(os.path.join(site, "serve-notes.txt"), "w", encoding="utf-8") as file:
        file.write("not an input\n")
    if wait_for_new_version(url, before, seconds=1.0)[0] is not None:
        problem("a file written beside Content/ rebuilt the site")

    notice = glob.glob(os.path.join(site, "Content/orgs/committee/notices/*.md"))[0]
    before = version(url)
    saved = time.time()
    edit(notice, "title: 党建门户开通", "title: 门户已经更新")
    new, seen = wait_for_new_version(url, before)
    if new is None:
        problem("a saved change did not bump the version within 5 s")
    else:
        print(f"check_serve: change seen after {1000 * (seen - saved):.0f} ms", file=sys.stderr)
        body = get(url, "/")[2].decode()
        if "门户已经更新" not in body:
            problem("the next response does not have the change")

    record = sorted(glob.glob(os.path.join(site, "Content/orgs/committee/branch-1/activities/*/*.md")))[0]
    relative = os.path.relpath(record, site)
    before = version(url)
    edit(record, "title: ", "title：")
    new, _ = wait_for_new_version(url, before)
    body = get(url, "/")[2].decode()
    if new is None or "zhibu-errors" not in body or relative not in body \
            or "load.yaml-syntax" not in body:
        problem("a broken file shows no overlay with its file and rule")
    before = version(url)
    edit(record, "title：", "title: ")
    new, _ = wait_for_new_version(url, before)
    if new is None or "zhibu-errors" in get(url, "/")[2].decode():
        problem("the overlay stays after the fix")

    before = version(url)
    edit(notice, "门户已经更新", "门户再次更新")
    with concurrent.futures.ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(lambda _: get(url, "/committee/")[0], range(200)))
    bad = [s for s in statuses if s != 200]
    if bad:
        problem(f"{len(bad)} of 200 concurrent requests failed: {bad[:5]}")
    wait_for_new_version(url, before)

    time.sleep(0.3)
    before = int(version(url))
    with open(notice, encoding="utf-8") as handle:
        text = handle.read()
    temporary = notice + ".swp~"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text.replace("门户再次更新", "编辑器保存"))
    os.rename(temporary, notice)
    wait_for_new_version(url, str(before))
    time.sleep(0.6)
    if int(version(url)) != before + 1:
        problem(f"an editor's save gave {int(version(url)) - before} rebuilds, not one")
    edit(notice, "编辑器保存", "门户再次更新")
    wait_for_new_version(url, str(before + 1))

    record = sorted(glob.glob(os.path.join(site, "Content/orgs/committee/branch-1/activities/*/*.md")))[0]
    year = os.path.basename(os.path.dirname(record))
    draft = os.path.join(os.path.dirname(record), "12-31-draft-study.md")
    before = version(url)
    with open(draft, "w", encoding="utf-8") as handle:
        handle.write("---\ntype: study\ntitle: 草稿学习\ndate: " + year + "-01-01\nhost: b1m01\n"
                     "recorder: b1m02\nattendees: [b1m01, b1m02]\ndraft: true\n---\n草稿。\n")
    wait_for_new_version(url, before)
    status, _, body = get(url, f"/committee/branch-1/activities/{year}/12-31-draft-study/")
    if status != 200 or b"zhibu-draft" not in body:
        problem(f"a draft is not served with its banner: {status}")
    os.remove(draft)

    if len(sys.argv) > 3:
        rebuild_many(url, notice, int(sys.argv[3]))

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        problem("selenium is not installed")
        return
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        time.sleep(0.5)
        driver.execute_script("window.zhibuMark = 42")
        edit(notice, "门户再次更新", "浏览器自动刷新")
        deadline = time.time() + 5
        reloaded = False
        while time.time() < deadline:
            mark = driver.execute_script("return window.zhibuMark")
            if mark is None and "浏览器自动刷新" in driver.page_source:
                reloaded = True
                break
            time.sleep(0.05)
        if not reloaded:
            problem("the browser did not reload by itself within 5 s of a save")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
    for line in PROBLEMS:
        print(line)
    sys.exit(1 if PROBLEMS else 0)
