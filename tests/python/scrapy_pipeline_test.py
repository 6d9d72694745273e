"""DeclutterPipeline in a real Scrapy crawl: the loopback test site
(scrapy_site.py, 24 articles) crawled by scrapy_crawl.py in its own process,
through a real declutter-server with one worker and one queue place, so the
pipeline's stream is refused for overload and must retry. Every article must
arrive once, carrying its own text and metadata.
"""

import collections
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

import declutter

from scrapy_site import SITE_NAME, SiteServer
from server_process import ServerProcess, make_certificates

HERE = os.path.dirname(os.path.abspath(__file__))
OVERLOADED = ["--plaintext", "--workers=1", "--queue_per_worker=1",
              "--stream_max_in_flight=16"]


class NeighbourLoad:
    """Another client's large pages, one after another, while the crawl runs:
    the one worker is busy with them most of the time, so the crawl's pages
    are refused for overload however fast or slow Scrapy hands them over."""

    def __init__(self, address):
        with open(os.path.join(os.environ["DECLUTTER_SAMPLES"], "harbor-news.html"), "rb") as f:
            page = f.read()
        start, end = page.index(b"<p>"), page.rindex(b"</p>") + 4
        self.page = page[:start] + page[start:end] * 60 + page[end:]  # ~80 KB
        self.client = declutter.Client(address, retry=declutter.NO_RETRIES)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        while not self.stop.is_set():
            try:
                self.client.clean(self.page, timeout=60)
            except declutter.CleanError:
                pass  # refused too at times: it only keeps the worker busy

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self.client.close()


def crawl(site, settings):
    """Runs the crawl; returns (items, stats, log)."""
    with tempfile.TemporaryDirectory(prefix="declutter_scrapy_") as tmp:
        items_path = os.path.join(tmp, "items.jsonl")
        stats_path = os.path.join(tmp, "stats.json")
        run = subprocess.run(
            [sys.executable, "-B", os.path.join(HERE, "scrapy_crawl.py"),
             site.base + "/index.html", items_path, stats_path, json.dumps(settings)],
            capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            raise AssertionError(f"the crawl exited {run.returncode}: {run.stderr[-4000:]}")
        items = []
        if os.path.exists(items_path):
            with open(items_path, encoding="utf-8") as f:
                items = [json.loads(line) for line in f if line.strip()]
        with open(stats_path) as f:
            stats = json.load(f)
        return items, stats, run.stderr


class ScrapyPipelineTest(unittest.TestCase):
    def setUp(self):
        self.site = SiteServer()

    def tearDown(self):
        self.site.stop()

    def test_every_article_arrives_once_with_its_text_and_metadata_under_overload(self):
        with ServerProcess(OVERLOADED) as server, NeighbourLoad(server.address):
            items, stats, log = crawl(self.site, {"DECLUTTER_TARGET": server.address,
                                                  "DECLUTTER_IN_FLIGHT": 16,
                                                  "DECLUTTER_MAX_ATTEMPTS": 30})
            refused = server.metric("declutter_requests_total", method="CleanStream",
                                    code="RESOURCE_EXHAUSTED")
        base = self.site.base
        articles = {base + a.path: a for a in self.site.articles}
        self.assertGreaterEqual(len(articles), 20)
        counts = collections.Counter(item["url"] for item in items)
        self.assertEqual(set(counts), set(articles), log[-3000:])
        self.assertEqual(max(counts.values()), 1)
        for item in items:
            a = articles[item["url"]]
            with self.subTest(url=item["url"]):
                self.assertNotIn("response", item)
                self.assertNotIn("declutter_error", item)
                self.assertEqual(item["title"], a.title)
                self.assertEqual(item["authors"], [a.author])
                self.assertTrue(item["published"].startswith(a.published), item["published"])
                self.assertEqual(item["site_name"], SITE_NAME)
                self.assertEqual(item["language"], a.language)
                self.assertEqual(item["canonical_url"], base + a.path)
                self.assertEqual(item["description"], a.description)
                self.assertEqual(item["image"], base + a.image if a.image else "")
                self.assertEqual(item["page_type"], "article")
                for paragraph in a.paragraphs:
                    self.assertIn(paragraph, item["text"])
                for chrome in a.chrome:
                    self.assertNotIn(chrome[:20], item["text"])
        # The server refused pages for overload, and the pipeline resent them.
        print(f"\n{len(items)} items; {refused:g} refusals; pipeline stats: "
              + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())
                          if k.startswith("declutter/")), file=sys.stderr)
        self.assertGreater(refused, 0)
        self.assertEqual(stats.get("declutter/refusals"), refused)
        self.assertGreaterEqual(stats.get("declutter/retries", 0), refused)
        self.assertEqual(stats.get("declutter/cleaned"), len(articles))
        self.assertNotIn("declutter/failed", stats)
        # The stream ended on its own at close_spider, not cut by a closed channel.
        self.assertEqual(stats.get("declutter/stream_breaks"), 0)
        self.assertNotIn("stream worker failed", log)

    def test_failed_pages_are_kept_or_dropped_as_configured_and_logged(self):
        server = ServerProcess(["--plaintext"])
        address = server.address
        server.stop()  # nothing answers there any more
        down = {"DECLUTTER_TARGET": address, "DECLUTTER_MAX_ATTEMPTS": 2}
        items, stats, log = crawl(self.site, dict(down, DECLUTTER_ON_ERROR="keep"))
        self.assertEqual(len(items), len(self.site.articles))
        for item in items:
            self.assertTrue(item["declutter_error"].startswith("UNAVAILABLE: "), item)
            self.assertNotIn("text", item)
        self.assertIn("declutter could not clean", log)
        self.assertEqual(stats.get("declutter/failed"), len(self.site.articles))

        items, stats, log = crawl(self.site, dict(down, DECLUTTER_ON_ERROR="drop"))
        self.assertEqual(items, [])
        self.assertEqual(stats.get("declutter/dropped"), len(self.site.articles))
        self.assertEqual(stats.get("item_dropped_count"), len(self.site.articles))
        self.assertIn("declutter could not clean", log)

    def test_mutual_tls_from_settings(self):
        with tempfile.TemporaryDirectory(prefix="declutter_scrapy_tls_") as tmp:
            c = make_certificates(tmp)
            with ServerProcess([f"--tls_cert={c['server_cert']}", f"--tls_key={c['server_key']}",
                                f"--tls_client_ca={c['ca']}"]) as server:
                items, _, log = crawl(self.site, {
                    "DECLUTTER_TARGET": server.address, "DECLUTTER_TLS_CA": c["ca"],
                    "DECLUTTER_TLS_CERT": c["client_cert"],
                    "DECLUTTER_TLS_KEY": c["client_key"]})
        titles = {a.path: a.title for a in self.site.articles}
        self.assertEqual(len(items), len(titles), log[-3000:])
        for item in items:
            self.assertEqual(item["title"], titles[item["url"][len(self.site.base):]])

    def test_a_server_that_never_answers_costs_each_page_its_timeout(self):
        # A listener that accepts connections and says nothing: the pages
        # time out, are kept with the error, and the crawl still ends.
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        try:
            items, stats, log = crawl(self.site, {
                "DECLUTTER_TARGET": f"127.0.0.1:{silent.getsockname()[1]}",
                "DECLUTTER_TIMEOUT": 2})
        finally:
            silent.close()
        self.assertEqual(len(items), len(self.site.articles))
        for item in items:
            self.assertTrue(item["declutter_error"].startswith("DEADLINE_EXCEEDED: "), item)
        self.assertEqual(stats.get("declutter/timeouts"), len(self.site.articles))

    def test_fields_and_a_missing_target_are_configured_by_settings(self):
        with ServerProcess(["--plaintext"]) as server:
            items, _, _ = crawl(self.site, {
                "DECLUTTER_TARGET": server.address,
                "DECLUTTER_FIELDS": {"title": "headline", "text": "body_text",
                                     "removed": "removed"}})
        self.assertEqual(len(items), len(self.site.articles))
        for item in items:
            self.assertEqual(set(item), {"url", "headline", "body_text", "removed"})
            self.assertEqual(item["removed"], [])  # report_removed is off
        # Without a target the crawl does not start: Scrapy logs the error.
        items, _, log = crawl(self.site, {})
        self.assertEqual(items, [])
        self.assertIn("DECLUTTER_TARGET is not set", log)


if __name__ == "__main__":
    unittest.main()
