"""The declutter Python package against a real declutter-server process:
the samples unary and over the stream, TLS and mutual TLS, retries under
overload, a stream broken mid-way, and failures that become results.

Run by ctest (tests/python/CMakeLists.txt) with /usr/bin/python3 and
PYTHONPATH at the build tree's copy of the package.
"""

import collections
import os
import tempfile
import threading
import time
import unittest

import grpc

import declutter
from server_process import ServerProcess, make_certificates

SAMPLES = os.environ["DECLUTTER_SAMPLES"]

# What the samples are known to hold (samples/README.md): each page's title,
# authors, first words of the article and page-specific metadata.
EXPECTED = {
    "harbor-news.html": dict(
        content_type="text/html", input_kind="auto",
        title="Harbor bridge reopens after two-year repair", authors=["Maria Lopez"],
        published="2024-05-02T09:30:00-07:00", site_name="Bayside Courier", language="en",
        charset="UTF-8",
        snippet="The harbor bridge reopened to traffic on Thursday morning"),
    "city-fitness-gbk.html": dict(
        content_type="text/html; charset=gb2312", input_kind="auto",
        title="我市召开全民健身工作推进会", authors=["李明"], published="2024-04-18T10:20:00",
        editor="王芳", source="城市日报", language="zh-Hans", charset="GB18030",
        snippet="我市召开全民健身工作推进会，总结去年全民健身工作"),
    "nanyang-health-scraped.txt": dict(
        content_type="text/plain; charset=utf-8", input_kind="text",
        title="阔步新征程 谱写新篇章——加快推进南阳卫生健康体育事业高质量发展",
        authors=["张定有"], published="2023-03-17T11:10:17", language="zh-Hans",
        charset="UTF-8", snippet="3月16日上午,南阳召开2023年全市卫生健康体育工作会议"),
}


def sample(name):
    with open(os.path.join(SAMPLES, name), "rb") as f:
        return f.read()


def sample_pages():
    return [dict(id=name, content=sample(name), content_type=e["content_type"],
                 input_kind=e["input_kind"], url=f"https://news.example/{name}")
            for name, e in EXPECTED.items()]


class SamplesCase(unittest.TestCase):
    def check_sample(self, name, result):
        e = EXPECTED[name]
        self.assertTrue(result.ok, f"{name}: {result.error}")
        a = result.article
        self.assertEqual(a.title, e["title"], name)
        self.assertEqual(a.authors, e["authors"], name)
        self.assertEqual(a.published, e["published"], name)
        self.assertEqual(a.language, e["language"], name)
        self.assertEqual(result.charset, e["charset"], name)
        self.assertIn(e["snippet"], a.text, name)
        for key in ("site_name", "editor", "source"):
            if key in e:
                self.assertEqual(getattr(a, key), e[key], f"{name}: {key}")
        self.assertGreater(a.word_count, 50, name)


class PackageTest(unittest.TestCase):
    def test_the_package_tested_is_the_build_trees(self):
        # A stale installed copy must never stand in for the tree's code.
        build = os.environ["DECLUTTER_PYTHON_BUILD"]
        self.assertTrue(os.path.realpath(declutter.__file__).startswith(
            os.path.realpath(build)), declutter.__file__)

    def test_bad_arguments_are_clear_errors(self):
        with self.assertRaisesRegex(ValueError, "cert and key go together"):
            declutter.Client("127.0.0.1:1", cert=b"x")
        with self.assertRaisesRegex(ValueError, "pass tls=True"):
            declutter.Client("127.0.0.1:1", tls=False, ca=b"x")
        with self.assertRaisesRegex(ValueError, "cannot read"):
            declutter.Client("127.0.0.1:1", ca="/nonexistent/ca.pem")
        with self.assertRaisesRegex(ValueError, "output_format is 'pdf'"):
            declutter.make_request(b"x", output_format="pdf")

    def test_backoff_has_jitter_and_honours_the_hint(self):
        policy = declutter.RetryPolicy(base_delay=0.1, max_delay=10)
        delays = {policy.backoff(3) for _ in range(50)}
        self.assertGreater(len(delays), 1)
        self.assertTrue(all(0 <= d <= 0.8 for d in delays), delays)
        self.assertGreaterEqual(policy.backoff(1, hint_ms=1500), 1.5)
        self.assertTrue(all(policy.backoff(30) <= 10 for _ in range(50)))


class PlaintextTest(SamplesCase):
    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(["--plaintext"])
        cls.client = declutter.Client(cls.server.address)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.server.stop()

    def test_samples_unary(self):
        for page in sample_pages():
            result = self.client.clean(page["content"], url=page["url"],
                                       content_type=page["content_type"],
                                       input_kind=page["input_kind"], timeout=60)
            self.check_sample(page["id"], result)

    def test_samples_stream_in_completion_order_with_their_ids(self):
        results = list(self.client.clean_many(sample_pages(), in_flight=2))
        self.assertEqual(sorted(r.id for r in results), sorted(EXPECTED))
        for r in results:
            self.check_sample(r.id, r)

    def test_plain_contents_get_their_index_as_id(self):
        pages = [sample("harbor-news.html"), sample("harbor-news.html").decode()]
        results = {r.id: r for r in self.client.clean_many(pages)}
        self.assertEqual(sorted(results), ["0", "1"])
        self.check_sample("harbor-news.html", results["1"])

    def test_removed_kinds_are_words_and_formats_apply(self):
        result = self.client.clean(sample("harbor-news.html"), report_removed=True,
                                   output_format="markdown", fetch_time=time.time())
        kinds = {r.kind for r in result.removed}
        self.assertIn("navigation", kinds)
        self.assertIn("consent", kinds)
        self.assertFalse(any(k.startswith("REMOVED_KIND") for k in kinds), kinds)
        self.assertEqual(result.page_type, "article")
        self.assertEqual(result.input_kind, "html")
        self.assertIn("harbor bridge reopened", result.article.text)

    def test_a_bad_page_is_a_clear_error(self):
        with self.assertRaises(declutter.CleanError) as caught:
            self.client.clean(b"")
        self.assertEqual(caught.exception.code, grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("content is empty", caught.exception.message)

    def test_bad_pages_in_a_stream_are_results_and_the_rest_goes_on(self):
        pages = [dict(id="empty", content=b""), dict(id="none"),
                 dict(id="kind", content=b"x", input_kind="pdf")] + sample_pages()
        results = {r.id: r for r in self.client.clean_many(pages)}
        self.assertEqual(len(results), len(pages))
        self.assertEqual(results["empty"].error.code, grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("no content", results["none"].error.message)
        self.assertIn("input_kind is 'pdf'", results["kind"].error.message)
        for name in EXPECTED:
            self.check_sample(name, results[name])


    def test_a_bad_last_page_still_gets_its_result(self):
        pages = sample_pages() + [dict(id="last")]
        results = {r.id: r for r in self.client.clean_many(pages)}
        self.assertEqual(sorted(results), sorted(list(EXPECTED) + ["last"]))
        self.assertIn("no content", results["last"].error.message)

    def test_a_failing_iterable_raises_after_the_pages_it_gave(self):
        def pages():
            yield from sample_pages()[:2]
            raise OSError("the crawl store went away")

        seen = []
        with self.assertRaisesRegex(OSError, "went away"):
            for r in self.client.clean_many(pages()):
                seen.append(r.id)
        self.assertEqual(sorted(seen), sorted(list(EXPECTED)[:2]))


class TlsTest(SamplesCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory(prefix="declutter_py_tls_")
        cls.certs = make_certificates(cls.dir.name)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_tls_with_a_ca_file_and_with_ca_bytes(self):
        c = self.certs
        with ServerProcess([f"--tls_cert={c['server_cert']}",
                            f"--tls_key={c['server_key']}"]) as server:
            with open(c["ca"], "rb") as f:
                ca_bytes = f.read()
            for ca in (c["ca"], ca_bytes):
                with declutter.Client(server.address, ca=ca) as client:
                    self.check_sample("harbor-news.html", client.clean(
                        sample("harbor-news.html"), content_type="text/html"))
            # Plaintext against a TLS server fails as a result, not a hang.
            with declutter.Client(server.address, retry=declutter.NO_RETRIES) as client:
                with self.assertRaises(declutter.CleanError) as caught:
                    client.clean(sample("harbor-news.html"), timeout=30)
                self.assertEqual(caught.exception.code, grpc.StatusCode.UNAVAILABLE)

    def test_mutual_tls_unary_and_stream(self):
        c = self.certs
        with ServerProcess([f"--tls_cert={c['server_cert']}", f"--tls_key={c['server_key']}",
                            f"--tls_client_ca={c['ca']}"]) as server:
            with declutter.Client(server.address, tls=True, ca=c["ca"], cert=c["client_cert"],
                                  key=c["client_key"]) as client:
                page = sample_pages()[1]
                self.check_sample(page["id"], client.clean(
                    page["content"], content_type=page["content_type"]))
                results = list(client.clean_many(sample_pages()))
                self.assertEqual(sorted(r.id for r in results), sorted(EXPECTED))
                for r in results:
                    self.check_sample(r.id, r)
            # Without a client certificate every page comes back failed; none
            # is lost and nothing raises.
            policy = declutter.RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05)
            with declutter.Client(server.address, ca=c["ca"], retry=policy) as client:
                results = list(client.clean_many(sample_pages()))
                self.assertEqual(sorted(r.id for r in results), sorted(EXPECTED))
                self.assertTrue(all(r.error and r.error.code == grpc.StatusCode.UNAVAILABLE
                                    for r in results), results)


def repeated_pages(n):
    html = sample("harbor-news.html")
    return [dict(id=f"page-{i}", content=html, content_type="text/html") for i in range(n)]


class OverloadTest(unittest.TestCase):
    """One worker and one queue place: most concurrent pages are refused."""

    FLAGS = ["--plaintext", "--workers=1", "--queue_per_worker=1",
             "--stream_max_in_flight=16"]
    # Patient enough that no page runs out of sends on a loaded machine: these
    # tests are about every page coming back; the bound has its own tests.
    PATIENT = declutter.RetryPolicy(max_attempts=30)

    def test_stream_retries_refused_pages_until_each_comes_back_once(self):
        with ServerProcess(self.FLAGS) as server, \
                declutter.Client(server.address, retry=self.PATIENT) as client:
            stats = declutter.StreamStats()
            counts = collections.Counter()
            for r in client.clean_many(repeated_pages(60), in_flight=16, stats=stats):
                self.assertTrue(r.ok, f"{r.id}: {r.error}")
                self.assertEqual(r.article.title, EXPECTED["harbor-news.html"]["title"])
                counts[r.id] += 1
            self.assertEqual(set(counts), {f"page-{i}" for i in range(60)})
            self.assertEqual(max(counts.values()), 1)
            refused = server.metric("declutter_requests_total", method="CleanStream",
                                    code="RESOURCE_EXHAUSTED")
            self.assertGreater(stats.refusals, 0)
            self.assertEqual(stats.refusals, refused)
            self.assertEqual(stats.sent, 60 + stats.retries)

    def test_without_retries_refusals_are_results_with_the_servers_hint(self):
        with ServerProcess(self.FLAGS) as server, declutter.Client(server.address) as client:
            results = list(client.clean_many(repeated_pages(40), in_flight=16,
                                             retry=declutter.NO_RETRIES))
            self.assertEqual(sorted(r.id for r in results),
                             sorted(f"page-{i}" for i in range(40)))
            refused = [r for r in results if not r.ok]
            self.assertTrue(refused)
            for r in refused:
                self.assertEqual(r.error.code, grpc.StatusCode.RESOURCE_EXHAUSTED)
                self.assertGreater(r.error.retry_after_ms, 0)

    def test_unary_calls_are_retried_with_the_pushback(self):
        with ServerProcess(self.FLAGS) as server, \
                declutter.Client(server.address, retry=self.PATIENT) as client:
            results, errors = [], []

            def call(i):
                try:
                    results.append(client.clean(sample("harbor-news.html"), id=f"u{i}"))
                except Exception as e:  # noqa: BLE001 - reported below
                    errors.append(e)

            threads = [threading.Thread(target=call, args=(i,)) for i in range(24)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            self.assertEqual(sorted(r.id for r in results), sorted(f"u{i}" for i in range(24)))
            refused = server.metric("declutter_requests_total", method="Clean",
                                    code="RESOURCE_EXHAUSTED")
            self.assertEqual(sum(r.attempts - 1 for r in results), refused)


class BrokenStreamTest(unittest.TestCase):
    def test_a_stream_cut_mid_way_resends_its_unanswered_pages(self):
        # The server closes each connection after 300 ms (GOAWAY, then the
        # streams still open are cancelled), and one worker takes far longer
        # than that for the pages: streams break with pages unanswered.
        flags = ["--plaintext", "--workers=1", "--max_connection_age=300ms",
                 "--max_connection_age_grace=50ms"]
        html = sample("harbor-news.html")
        start, end = html.index(b"<p>"), html.rindex(b"</p>") + 4
        big = html[:start] + html[start:end] * 60 + html[end:]  # ~80 KB, tens of ms each
        pages = [dict(id=f"big-{i}", content=big) for i in range(40)]
        with ServerProcess(flags) as server, declutter.Client(server.address) as client:
            stats = declutter.StreamStats()
            counts = collections.Counter()
            for r in client.clean_many(pages, in_flight=4, stats=stats):
                self.assertTrue(r.ok, f"{r.id}: {r.error}")
                self.assertEqual(r.article.title, EXPECTED["harbor-news.html"]["title"])
                counts[r.id] += 1
            self.assertEqual(set(counts), {f"big-{i}" for i in range(40)})
            self.assertEqual(max(counts.values()), 1)
            self.assertGreater(stats.stream_breaks, 0)
            self.assertGreater(stats.retries, 0)  # unanswered pages were sent again
            self.assertEqual(stats.sent, 40 + stats.retries)


class UnreachableTest(unittest.TestCase):
    def test_every_page_fails_as_a_result_when_no_server_answers(self):
        server = ServerProcess(["--plaintext"])
        address = server.address
        server.stop()  # nothing listens on its port any more
        policy = declutter.RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05)
        stats = declutter.StreamStats()
        pages = [dict(id=f"p{i}", content=b"<p>words</p>") for i in range(20)]
        with declutter.Client(address, retry=policy) as client:
            results = list(client.clean_many(pages, in_flight=20, stats=stats))
        self.assertEqual(sorted(r.id for r in results), sorted(p["id"] for p in pages))
        for r in results:
            self.assertEqual(r.error.code, grpc.StatusCode.UNAVAILABLE)
            self.assertEqual(r.attempts, 2)
        # A stream that got no answer costs every waiting page a send, so the
        # pages fail after about max_attempts streams, not one stream for each
        # page a failing stream happened to send (gRPC fails it after one).
        self.assertLessEqual(stats.stream_breaks, 4)


if __name__ == "__main__":
    unittest.main()
