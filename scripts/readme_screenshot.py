"""Take a README screenshot of a page of a running Odoo, as a demo user.

    python scripts/readme_screenshot.py URL OUTPUT.png [LOGIN] [DB]

URL is a path such as /odoo/action-tdkt_emulation.tdkt_movement_action/1 on
http://127.0.0.1:$HTTP_PORT; the user logs in with password = login (the
demo accounts). SCREENSHOT_CLICK may name a CSS selector to click first (a
notebook tab). Headless Chromium is driven over its DevTools protocol.

SCREENSHOT_JS, if set, is a list of JavaScript snippets separated by ";;",
each run in the page in turn (a few seconds apart) before the screenshot:
e.g. to lift a filter (the demo plan is of 2024) or switch to the chart.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time

import requests
import websocket

CHROME = os.environ.get("CHROME", "chromium")
DEBUG_PORT = int(os.environ.get("CHROME_DEBUG_PORT", "9569"))


def session(base, db, login):
    response = requests.post(
        f"{base}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": db, "login": login, "password": login},
        },
        timeout=60,
    )
    response.raise_for_status()
    return response.cookies["session_id"]


def main(url, output, login="office", db=None):
    base = f"http://127.0.0.1:{os.environ.get('HTTP_PORT', '8069')}"
    sid = session(base, db or os.environ.get("DB_NAME", "tdkt"), login)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        chrome = subprocess.Popen(
            [
                CHROME,
                "--headless=new",
                "--no-sandbox",
                "--hide-scrollbars",
                f"--remote-debugging-port={DEBUG_PORT}",
                f"--user-data-dir={profile}",
                "--window-size=1400,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _attempt in range(50):
                try:
                    pages = requests.get(
                        f"http://127.0.0.1:{DEBUG_PORT}/json", timeout=5
                    ).json()
                    break
                except requests.ConnectionError:
                    time.sleep(0.2)
            page = next(p for p in pages if p["type"] == "page")
            ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
            counter = iter(range(1, 10**6))

            def call(method, **params):
                message_id = next(counter)
                ws.send(
                    json.dumps({"id": message_id, "method": method, "params": params})
                )
                while True:
                    answer = json.loads(ws.recv())
                    if answer.get("id") == message_id:
                        return answer.get("result", {})

            call("Network.enable")
            call("Network.setCookie", name="session_id", value=sid, url=base)
            call("Page.navigate", url=base + url)
            time.sleep(float(os.environ.get("SCREENSHOT_WAIT", "8")))
            # SCREENSHOT_CLICK: a CSS selector clicked once the page is loaded
            # (e.g. a notebook tab), then a short wait.
            if os.environ.get("SCREENSHOT_CLICK"):
                selector = json.dumps(os.environ["SCREENSHOT_CLICK"])
                call(
                    "Runtime.evaluate",
                    expression=f"document.querySelector({selector}).click()",
                )
                time.sleep(2)
            for script in filter(None, os.environ.get("SCREENSHOT_JS", "").split(";;")):
                call("Runtime.evaluate", expression=script)
                time.sleep(3)
            shot = call("Page.captureScreenshot", format="png")
            with open(output, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
        finally:
            chrome.terminate()
            chrome.wait(timeout=30)


if __name__ == "__main__":
    main(*sys.argv[1:])
