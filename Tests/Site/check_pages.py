#!/usr/bin/env python3
"""Checks how portal pages read on a phone and a desktop, and how a status page prints.

Usage: check_pages.py SITE_DIR PAGE... [--max-height PAGE=PX ...] [--pdf PAGE=TEXT ...]
                      [--screenshots DIR]

Serves SITE_DIR on 127.0.0.1 and opens every PAGE (a path below the site, e.g.
`jiguan-committee/`) in headless Chromium at 360, 390 and 1280 px wide:

- fails when the page scrolls sideways (its document is wider than the window): wide tables
  and charts must scroll inside their own box;
- fails when a link, button or summary a reader taps is smaller than 44 × 44 px on a phone
  (in the header and the overview's matrix headings, where the targets are tools, not prose);
- with --max-height PAGE=PX, fails when PAGE is taller than PX at 1280 px;
- with --pdf PAGE=TEXT, prints PAGE to PDF (A4) with Chromium and fails unless TEXT is on its
  first page (pdftotext) and every page carries its number ("第 1 页" or "Page 1").

Exits 1 listing every failure.
"""

import argparse
import base64
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import chromium, serve


WIDTHS = [360, 390, 1280]

MEASURE = r"""
const root = document.documentElement;
const out = {width: root.scrollWidth, client: root.clientWidth, height: root.scrollHeight,
             small: []};
const targets = document.querySelectorAll(
  '.site-header a, .site-header button, button.sort, details > summary, form button, ' +
  'input[type=search]');
for (const el of targets) {
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  if (box.width < 43.5 || box.height < 43.5)
    out.small.push((el.textContent || '').trim().slice(0, 20) + ' ' +
                   Math.round(box.width) + '×' + Math.round(box.height));
}
return out;
"""


def size(driver, width, mobile):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile})


def pairs(values):
    result = {}
    for value in values or []:
        page, _, rest = value.partition("=")
        result[page] = rest
    return result


def pdf_pages(driver, url, save=None):
    driver.get(url)
    printed = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
        "displayHeaderFooter": False, "printBackground": True})
    data = base64.b64decode(printed["data"])
    if save:
        Path(save).write_bytes(data)
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        text = subprocess.run(["pdftotext", "-layout", pdf.name, "-"], check=True,
                              capture_output=True, text=True).stdout
    return text.split("\f")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--max-height", action="append")
    parser.add_argument("--pdf", action="append")
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    heights = pairs(args.max_height)
    prints = pairs(args.pdf)
    problems = []
    driver = chromium(1280, 800, "--hide-scrollbars")
    try:
        for page in args.pages:
            for width in WIDTHS:
                size(driver, width, width < 1000)
                driver.get(base + page)
                measured = driver.execute_script(MEASURE)
                where = f"{page or '/'} at {width} px"
                if measured["width"] > measured["client"] + 1:
                    problems.append(
                        f"{where}: scrolls sideways ({measured['width']} > {measured['client']})")
                if width < 1000 and measured["small"]:
                    problems.append(f"{where}: touch targets under 44 px: {measured['small'][:5]}")
                if width == 1280 and page in heights and measured["height"] > int(heights[page]):
                    problems.append(
                        f"{where}: {measured['height']} px tall, more than {heights[page]}")
                print(f"{where}: {measured['height']} px tall")
                if args.screenshots:
                    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                        "captureBeyondViewport": True, "format": "png"})
                    name = (page.strip("/").replace("/", "_") or "home") + f"-{width}.png"
                    Path(args.screenshots, name).write_bytes(base64.b64decode(shot["data"]))
        size(driver, 1280, False)
        for page, text in prints.items():
            save = None
            if args.screenshots:
                save = Path(args.screenshots, (page.strip("/").replace("/", "_") or "home") + ".pdf")
            pages = pdf_pages(driver, base + page, save)
            pages = [p for p in pages if p.strip()]
            if not pages:
                problems.append(f"{page}: the printed PDF is empty")
                continue
            if "".join(text.split()) not in "".join(pages[0].split()):
                problems.append(f"{page}: “{text}” is not on the first printed page")
            for number, content in enumerate(pages, 1):
                # pdftotext may drop the spaces around CJK text.
                squeezed = "".join(content.split())
                if f"第{number}页" not in squeezed and f"Page{number}of" not in squeezed:
                    problems.append(f"{page}: printed page {number} has no page number")
            print(f"{page}: printed on {len(pages)} pages")
    finally:
        driver.quit()
        server.shutdown()
    for problem in problems:
        print("FAIL", problem)
    print(f"check_pages: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
