#!/usr/bin/env python3
"""Checks every display board of a built zhibu site in headless Chromium.

Usage: check_boards.py SITE_DIR BASE_URL [--screenshots DIR]

Serves SITE_DIR on 127.0.0.1 and, for every `*/board/index.html` (every organization, every
language):

- at 1920×1080 and at 1080×1920, after the board's own pagination, shows each slide in turn
  and fails when the page has a scroll bar, when any box's content is larger than the box
  (text clipped), when any text of a slide is smaller than 28 px at 1080 p, or when the date,
  the time, "data as of" or the QR code is not on screen;
- reads the QR code from a screenshot (zbar) and fails unless it is the organization's portal
  page under BASE_URL;
- parses the inline script as ECMAScript no newer than the esprima parser knows (ES2017 with
  object spread): an old Android TV box's Chromium runs it;
- with JavaScript off, checks that the first slide is shown and readable;
- on one branch board and one committee board: rotation seen at a short test pace, the forced
  portrait layout (?orientation=portrait), the board opened from file:// (rotation, no
  polling), and axe-core finding no contrast violation on any slide.

Exits 1 listing every failure. With --screenshots, saves a few boards as PNG for the README.
"""

import argparse
import io
import re
import sys
import time
from pathlib import Path

import esprima
from axe_selenium_python import Axe
from PIL import Image
from pyzbar import pyzbar

import harness
from harness import serve

SIZES = [(1920, 1080), (1080, 1920)]
# Boards are seen in the daytime unless a check says otherwise: at night a board shows only
# its clock (board.night).
DAY = "&clock=2026-11-24T09:30:00%2B08:00"

# Run in the page for the slide shown: every reason it would not fit a wall screen.
FIT_SCRIPT = r"""
const root = document.documentElement, problems = [];
const stageBox = document.getElementById('stage').getBoundingClientRect();
const unit = Math.min(stageBox.width, stageBox.height) / 1080;
if (root.scrollWidth > root.clientWidth + 1 || root.scrollHeight > root.clientHeight + 1)
  problems.push('the page scrolls: ' + root.scrollWidth + '×' + root.scrollHeight);
const slide = document.querySelector('.slide:not([hidden])');
if (!slide) return ['no slide is shown'];
for (const el of slide.querySelectorAll('*')) {
  const style = getComputedStyle(el);
  if (style.display === 'inline' || style.display === 'none' || el.closest('svg')) continue;
  if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
    problems.push('clipped: <' + el.tagName.toLowerCase() + ' class="' + el.className + '"> ' +
      el.scrollWidth + '×' + el.scrollHeight + ' in ' + el.clientWidth + '×' + el.clientHeight +
      ': ' + el.textContent.trim().slice(0, 40));
}
const box = slide.getBoundingClientRect();
for (const el of slide.querySelectorAll('p, li, h1, h2, span, strong, time, blockquote, td')) {
  if (!el.textContent.trim()) continue;
  const size = parseFloat(getComputedStyle(el).fontSize);
  if (size < 28 * unit - 0.5) problems.push('text of ' + size + 'px: ' + el.textContent.trim().slice(0, 30));
  const r = el.getBoundingClientRect();
  if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.top < box.top - 1)
    problems.push('outside its slide: ' + el.textContent.trim().slice(0, 40));
}
for (const id of ['board-date', 'board-time']) {
  const el = document.getElementById(id), r = el.getBoundingClientRect();
  if (!el.textContent.trim() || r.bottom > innerHeight || r.right > innerWidth) problems.push(id + ' not shown');
}
const asof = document.querySelector('.asof').getBoundingClientRect();
if (asof.bottom > innerHeight + 1 || asof.width === 0) problems.push('"data as of" not on screen');
const qr = document.querySelector('.qr svg');
if (qr) {
  const r = qr.getBoundingClientRect();
  if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.width < 100 * unit)
    problems.push('QR code not wholly on screen');
}
return problems;
"""


def browser(width, height, javascript=True):
    driver = harness.chromium(
        width, height, "--hide-scrollbars", "--allow-file-access-from-files",
        javascript=javascript)
    driver.set_script_timeout(120)
    size(driver, width, height)
    return driver


def size(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def show(driver, index):
    """Shows one slide as the board's rotation would."""
    driver.execute_script(
        "const s = document.querySelectorAll('.slide');"
        "s.forEach((el, i) => { el.hidden = i !== arguments[0]; });", index)


def slide_count(driver):
    """The number of slides once the board has laid them out."""
    end = time.time() + 10
    while time.time() < end:
        if driver.execute_script("return document.documentElement.getAttribute('data-ready')"):
            break
        time.sleep(0.05)
    return driver.execute_script("return document.querySelectorAll('.slide').length")


def decode_qr(driver):
    element = driver.find_element("css selector", ".qr svg")
    image = Image.open(io.BytesIO(element.screenshot_as_png)).convert("L")
    # Scale up so that zbar sees whole pixels per module at any screen size.
    image = image.resize((image.width * 3, image.height * 3), Image.NEAREST)
    codes = pyzbar.decode(image)
    return codes[0].data.decode("utf-8") if codes else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("base_url")
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    site = Path(args.site)
    base = args.base_url.rstrip("/") + "/"
    boards = sorted(str(p.relative_to(site).parent) + "/"
                    for p in site.glob("**/board/index.html"))
    if not boards:
        print("check_boards: no board in the site")
        return 1
    server = serve(args.site)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    failures = []
    shown = 0

    # The script, for an old TV box's browser.
    for board in boards:
        html = (site / board / "index.html").read_text(encoding="utf-8")
        scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
        if len(scripts) != 1:
            failures.append(f"{board}: {len(scripts)} inline scripts")
        for script in scripts:
            try:
                esprima.parseScript(script)
            except Exception as error:  # esprima raises its own error type
                failures.append(f"{board}: the script is newer than ES2017/2018: {error}")
        for pattern in (r"<script[^>]+src=", r"<link[^>]+href=\"(https?:)?//", r"@import",
                        r"url\((?!data:)"):
            if re.search(pattern, html):
                failures.append(f"{board}: loads something from elsewhere ({pattern})")

    for width, height in SIZES:
        driver = browser(width, height)
        try:
            for board in boards:
                driver.get(origin + board + "?slide=0" + DAY)
                count = slide_count(driver)
                if count < 1:
                    failures.append(f"{board}: no slides")
                for index in range(count):
                    show(driver, index)
                    for problem in driver.execute_script(FIT_SCRIPT):
                        failures.append(f"{board} slide {index + 1}/{count} at {width}×{height}: {problem}")
                    shown += 1
                if width == 1920:
                    expected = base + board[: -len("board/")]
                    if board.startswith("en/"):
                        expected = base + "en/" + board[3: -len("board/")]
                    found = decode_qr(driver)
                    if found != expected:
                        failures.append(f"{board}: the QR code reads {found!r}, not {expected!r}")
        finally:
            driver.quit()

    # The branch board with the most to show, and the top committee's.
    branches = [b for b in boards if b.count("/") >= 3 and not b.startswith("en/")] or boards
    branch = max(branches, key=lambda b: (site / b / "index.html").read_text(encoding="utf-8")
                 .count('<section class="slide'))
    committee = next((b for b in boards if b.count("/") == 2), boards[0])
    driver = browser(1920, 1080)
    try:
        # Rotation at a test pace: 12 s slides, 24 times faster.
        for board in (branch, committee):
            driver.get(origin + board + "?speed=24" + DAY)
            seen = set()
            end = time.time() + 3
            while time.time() < end:
                seen.add(driver.execute_script("return document.documentElement.getAttribute('data-current')"))
                time.sleep(0.05)
            if len(seen) < 3:
                failures.append(f"{board}: the slides did not rotate ({sorted(seen)})")
        # The night window of site.yml, if any: at 23:30 only the clock, at 09:30 the slides.
        night = (site / branch / "index.html").read_text(encoding="utf-8")
        if 'data-night="22:00-07:00"' in night:
            for clock, dark in (("23:30", True), ("09:30", False)):
                driver.get(origin + branch + f"?slide=0&clock=2026-11-24T{clock}:00%2B08:00")
                slide_count(driver)
                state = driver.execute_script(
                    "return [!document.getElementById('board-night').hidden,"
                    " document.getElementById('stage').hidden,"
                    " document.getElementById('board-night-clock').textContent]")
                if state[0] != dark or state[1] != dark or (dark and state[2] != clock):
                    failures.append(f"{branch} at {clock}: night screen {state}")
        # 4K: the same layout, twice the size.
        size(driver, 3840, 2160)
        driver.get(origin + branch + "?slide=0" + DAY)
        for index in range(slide_count(driver)):
            show(driver, index)
            for problem in driver.execute_script(FIT_SCRIPT):
                failures.append(f"{branch} slide {index + 1} at 3840×2160: {problem}")
        body = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
        if body < 56:
            failures.append(f"{branch} at 3840×2160: body text of {body}px")
        size(driver, 1920, 1080)
        # Forced portrait in a landscape window: the stage is portrait and nothing is clipped.
        driver.get(origin + branch + "?orientation=portrait&slide=0" + DAY)
        ratio = driver.execute_script(
            "const r = document.getElementById('stage').getBoundingClientRect(); return r.height / r.width")
        if not 1.7 < ratio < 1.8:
            failures.append(f"{branch}: ?orientation=portrait gives a stage of ratio {ratio:.2f}")
        for index in range(slide_count(driver)):
            show(driver, index)
            for problem in driver.execute_script(FIT_SCRIPT.replace(
                    "root.scrollWidth > root.clientWidth + 1 ||", "false &&")):
                if not problem.startswith("text of"):
                    failures.append(f"{branch} forced portrait, slide {index + 1}: {problem}")
        # From a USB stick: rotation works, nothing is polled.
        driver.get((site / branch / "index.html").resolve().as_uri() + "?speed=24" + DAY)
        time.sleep(1.5)
        if driver.execute_script("return document.documentElement.getAttribute('data-current')") in (None, "0"):
            failures.append(f"{branch}: does not rotate when opened as file://")
        # Contrast on every slide of both boards.
        for board in (branch, committee):
            driver.get(origin + board + "?slide=0" + DAY)
            axe = Axe(driver)
            axe.inject()
            for index in range(slide_count(driver)):
                show(driver, index)
                result = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast']}})"
                    ".then(r => done({violations: r.violations}), e => done({error: String(e)}));")
                if "error" in result:
                    failures.append(f"{board} slide {index + 1}: axe failed: {result['error']}")
                    continue
                for violation in result["violations"]:
                    nodes = ", ".join(n["target"][0] for n in violation["nodes"][:3])
                    failures.append(f"{board} slide {index + 1}: {violation['id']}: {nodes}")
        if args.screenshots:
            out = Path(args.screenshots)
            out.mkdir(parents=True, exist_ok=True)
            for name, board, w, h, slide in [
                    ("board-branch-landscape", branch, 1920, 1080, 2),
                    ("board-committee-landscape", committee, 1920, 1080, 0),
                    ("board-branch-portrait", branch, 1080, 1920, 6)]:
                size(driver, w, h)
                driver.get(origin + board + f"?slide={slide}" + DAY)
                time.sleep(0.3)
                image = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
                image = image.resize((w // 2, h // 2), Image.LANCZOS)
                image.save(out / f"{name}.png", optimize=True)
    finally:
        driver.quit()

    # With JavaScript off the first slide is there to read.
    driver = browser(1920, 1080, javascript=False)
    try:
        for board in (branch, committee):
            driver.get(origin + board)
            visible = driver.execute_script(
                "return [...document.querySelectorAll('.slide')].filter(s => s.offsetHeight > 0)"
                ".map(s => s.innerText.trim().length)")
            if len(visible) != 1 or visible[0] < 10:
                failures.append(f"{board} without JavaScript: slides shown {visible}")
    finally:
        driver.quit()
        server.shutdown()

    for failure in failures:
        print("check_boards: " + failure)
    print(f"check_boards: {len(boards)} boards, {shown} slides at two sizes, "
          f"{len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
