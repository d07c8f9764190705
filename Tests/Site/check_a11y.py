"""Runs axe-core in headless Chromium on the key pages of a built zhibu site.

Serves Site/ on 127.0.0.1 (a free port), opens each page given on the command line, injects
axe-core (bundled by the PyPI package axe-selenium-python) and fails when any violation has the
impact "serious" or "critical". Needs Debian's chromium and chromium-driver.
"""
import sys

from axe_selenium_python import Axe

from harness import chromium, serve


def main(root, pages):
    server = serve(root)
    port = server.server_address[1]
    driver = chromium(1280, 1000)
    failures = 0
    try:
        for page in pages:
            driver.get(f"http://127.0.0.1:{port}/{page}")
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
            print(f"{page or '/'}: {len(results['violations'])} violations, {len(bad)} serious or critical")
            for violation in bad:
                failures += 1
                nodes = ", ".join(n["target"][0] for n in violation["nodes"][:3])
                print(f"  {violation['impact']}: {violation['id']}: {violation['help']} ({nodes})")
    finally:
        driver.quit()
        server.shutdown()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
