"""What the deputy's ballot page costs a phone: JavaScript sent (compressed and not) and the first
contentful paint, on a loopback link and on Chrome's "Fast 3G" profile, in real Chromium.

    python tests/bench/bench_frontend.py --base http://qingshi.localhost:8000 \
        --username qingshi-d01 --password 'Demo#2026' [--cycle 1] [--rounds 3] [--out FILE] [--json FILE]

Run it against a running platform (`make run` serves the demo); it logs in on the page as a
person would, then loads the ballot page with an empty cache each round.
"""

import argparse
import json
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.servers import CHROMIUM_ARGS  # noqa: E402

# Chrome DevTools' "Fast 3G" preset: 562.5 ms latency (150 ms x 3.75), 1.44 Mbit/s down, 675 kbit/s up.
FAST_3G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.44 * 1024 * 1024 / 8 * 0.9,
    "uploadThroughput": 675 * 1024 / 8 * 0.9,
}


# Records when the ballot page's own content (any data-testid="ballot-…") first appears.
SHOWN = """
new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid^="ballot-"]')) {
    window.__ballotShown = performance.now()
    observer.disconnect()
  }
}).observe(document, { childList: true, subtree: true })
"""


@dataclass
class Load:
    js_files: int = 0
    js_encoded: int = 0
    js_decoded: int = 0
    fcp_ms: float = 0.0
    shown_ms: float = 0.0  # the ballot page's own content on screen
    encodings: set[str] = field(default_factory=set)


def _log_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()
    page.get_by_test_id("congress-name").wait_for()


def _load(page: Page, url: str, network: dict[str, Any] | None) -> Load:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if network:
        cdp.send("Network.emulateNetworkConditions", network)
    scripts: dict[str, dict[str, Any]] = {}

    def on_response(event: dict[str, Any]) -> None:
        response = event["response"]
        if event.get("type") == "Script":
            headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
            scripts[event["requestId"]] = {"encoding": headers.get("content-encoding", "none")}

    def on_finished(event: dict[str, Any]) -> None:
        if event["requestId"] in scripts:
            scripts[event["requestId"]]["encoded"] = event["encodedDataLength"]

    def on_data(event: dict[str, Any]) -> None:
        if event["requestId"] in scripts:
            entry = scripts[event["requestId"]]
            entry["decoded"] = entry.get("decoded", 0) + event["dataLength"]

    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.dataReceived", on_data)
    page.add_init_script(SHOWN)
    page.goto(url, wait_until="networkidle", timeout=180_000)
    page.wait_for_function("() => window.__ballotShown !== undefined", timeout=180_000)
    fcp = page.evaluate(
        "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
    )
    shown = page.evaluate("() => window.__ballotShown")
    cdp.detach()
    return Load(
        js_files=len(scripts),
        js_encoded=sum(s.get("encoded", 0) for s in scripts.values()),
        js_decoded=sum(s.get("decoded", 0) for s in scripts.values()),
        fcp_ms=float(fcp),
        shown_ms=float(shown),
        encodings={s["encoding"] for s in scripts.values()},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--cycle", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    url = f"{args.base}/voting/cycles/{args.cycle}/ballot"
    results: dict[str, list[Load]] = {"loopback": [], "Fast 3G": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True
        )
        page = context.new_page()
        _log_in(page, args.base, args.username, args.password)
        for _round in range(args.rounds):
            results["loopback"].append(_load(context.new_page(), url, None))
            results["Fast 3G"].append(_load(context.new_page(), url, FAST_3G))
        browser.close()
    lines = [
        f"Command: `python {' '.join(sys.argv)}`",
        "",
        "| link | JS files | JS sent (KB) | JS uncompressed (KB) | encodings | FCP median ms "
        "(min-max) | ballot shown median ms (min-max) |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    for link, loads in results.items():
        fcps = [load.fcp_ms for load in loads]
        shown = [load.shown_ms for load in loads]
        first = loads[0]
        lines.append(
            f"| {link} | {first.js_files} | {first.js_encoded / 1024:.0f} | "
            f"{first.js_decoded / 1024:.0f} | {', '.join(sorted(first.encodings))} | "
            f"{statistics.median(fcps):.0f} ({min(fcps):.0f}-{max(fcps):.0f}) | "
            f"{statistics.median(shown):.0f} ({min(shown):.0f}-{max(shown):.0f}) |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        figures = {
            link: [asdict(load) | {"encodings": sorted(load.encodings)} for load in loads]
            for link, loads in results.items()
        }
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
