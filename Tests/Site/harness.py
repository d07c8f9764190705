"""What the browser checks of Tests/Site share: a quiet local server for a built site, and
Debian's headless Chromium driven by its chromedriver.

Imported by the check scripts beside it (Python puts a script's own folder on its path).
"""

import functools
import http.server
import socketserver
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files and keeps the request log out of the test output."""

    def log_message(self, *args):
        pass


def serve(root):
    """Serves the folder `root` on 127.0.0.1 at a free port, on threads, until the process
    ends; returns the server (its port is `server.server_address[1]`)."""
    server = socketserver.ThreadingTCPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium(width=1280, height=800, *flags, javascript=True):
    """Headless Chromium at `width`×`height`, with any further command-line `flags`; with
    `javascript=False`, scripts are off."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 f"--window-size={width},{height}") + flags:
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
