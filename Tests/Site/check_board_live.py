#!/usr/bin/env python3
"""A display board living on a screen, against a real HTTP server on loopback.

Usage: check_board_live.py OLD_SITE NEW_SITE BOARD NEW_TEXT

OLD_SITE and NEW_SITE are two builds of one site; BOARD is a board's path below them
(`org/board/`) and NEW_TEXT a text that only the new build's board shows. Headless Chromium
opens the board from a server that the test switches between the builds, breaks and stops,
with the board's clock sped up (?speed=) so that hours pass in seconds:

1. a rebuild (the server now serves NEW_SITE) makes the running board reload into the new page;
2. a new build.json whose page fails (HTTP 500, or a page cut short) never replaces the board;
3. a stopped server leaves the board showing what it has, and after a day without contact it
   shows the offline mark;
4. thousands of slide changes and polls leave the JavaScript heap and the DOM as they were.

Exits 1 listing every failure.
"""

import functools
import http.server
import os
import socketserver
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


# A daytime start: in the night window (board.night) a board shows only its clock.
DAY = "&clock=2026-11-24T09:30:00%2B08:00"


class State:
    root = ""
    failing = None  # "500" or "cut": how the board's page fails
    board = ""


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=State.root, **kwargs)

    def log_message(self, *args):
        pass

    def end_headers(self):
        # Each step loads the board afresh: a cached page would hide what the server serves.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        path = self.path.split("?")[0]
        if State.failing and path == "/" + State.board:
            if State.failing == "500":
                self.send_error(500)
                return
            with open(os.path.join(State.root, State.board, "index.html"), "rb") as page:
                body = page.read()[:2000]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def start():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.allow_reuse_address = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1920,1080",
                 "--js-flags=--expose-gc"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait(condition, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def main(old, new, board, text):
    failures = []
    State.root, State.board = old, board
    server = start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{board}"
    driver = browser()

    def ready():
        return driver.execute_script("return document.documentElement.getAttribute('data-ready')")

    def marked():
        return driver.execute_script("return window.zhibuTestMarker === 1")

    def mark():
        wait(ready, 10)
        driver.execute_script("window.zhibuTestMarker = 1")

    def shows(value):
        return value in driver.execute_script("return document.documentElement.textContent")

    try:
        # 1. A rebuild reloads the running board. Polls every 60 s of board time: 1 s here.
        driver.get(url + "?speed=60" + DAY)
        mark()
        time.sleep(1.5)
        State.root = new
        if not wait(lambda: not marked() and shows(text), 10):
            failures.append("the board did not reload into the rebuilt site")

        # 2. A new version whose page fails or arrives cut short never replaces the board.
        for failing in ("500", "cut"):
            # The board of the step before stops first: its polls would reload it meanwhile.
            driver.get("about:blank")
            State.root, State.failing = old, None
            driver.get(url + "?speed=60" + DAY)
            mark()
            time.sleep(1.5)
            State.root, State.failing = new, failing
            time.sleep(4)
            # The mark set on the page survives only as long as the page is not replaced.
            if not marked():
                failures.append(f"a new page that fails ({failing}) replaced the board")
        State.failing = None

        # 3. A stopped server: the board keeps showing what it has, then says it is offline.
        driver.get("about:blank")
        State.root = old
        driver.get(url + "?speed=30000" + DAY)
        mark()
        time.sleep(0.5)
        server.shutdown()
        server.server_close()
        time.sleep(4)
        if not marked():
            failures.append("the board left its page when the server stopped")
        length = driver.execute_script(
            "const s = document.querySelector('.slide:not([hidden])');"
            "const n = document.getElementById('board-night');"
            "return (s ? s.textContent.trim().length : 0) + (n.hidden ? 0 : n.textContent.trim().length)")
        if length < 10:
            failures.append("the board went blank when the server stopped")
        if not wait(lambda: driver.execute_script(
                "const o = document.getElementById('board-offline');"
                "return !o.hidden && o.textContent.trim().length > 0"), 10):
            failures.append("no offline mark after a day without the server")

        # 4. Weeks in a minute: memory stays flat.
        server = start()
        url = f"http://127.0.0.1:{server.server_address[1]}/{board}"
        driver.get(url + "?speed=1000" + DAY)
        wait(ready, 10)
        time.sleep(3)

        def heap():
            driver.execute_cdp_cmd("HeapProfiler.collectGarbage", {})
            usage = driver.execute_cdp_cmd("Runtime.getHeapUsage", {})
            nodes = driver.execute_script("return document.getElementsByTagName('*').length")
            return usage["usedSize"], nodes

        before, nodes_before = heap()
        changes_before = driver.execute_script(
            "return Number(document.documentElement.getAttribute('data-current'))")
        start_time = time.time()
        seen = set()
        while time.time() - start_time < 60:
            seen.add(driver.execute_script(
                "return document.documentElement.getAttribute('data-current')"))
            time.sleep(0.5)
        after, nodes_after = heap()
        slides = driver.execute_script("return document.querySelectorAll('.slide').length")
        print(f"check_board_live: 60 s at 1000× (about {60000 // 12} slide changes and "
              f"{60000 // 60} polls): heap {before} → {after} bytes, "
              f"{nodes_before} → {nodes_after} elements, {len(seen)} of {slides} slides seen")
        if after > before * 1.10 + 512 * 1024:
            failures.append(f"the heap grew from {before} to {after} bytes")
        if nodes_after != nodes_before:
            failures.append(f"the page grew from {nodes_before} to {nodes_after} elements")
        if len(seen) < 2:
            failures.append(f"the slides did not rotate during the long run ({changes_before})")
    finally:
        driver.quit()
        server.shutdown()

    for failure in failures:
        print("check_board_live: " + failure)
    print(f"check_board_live: {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
