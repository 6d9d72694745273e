"""A Scrapy item pipeline that cleans each crawled page through declutter and
adds the article's text and metadata to its item.

The spider hands the pipeline the page in its item, in one of two ways:
  - a `response` field holding the Scrapy Response (the shortest:
    `yield {"response": response}`); the pipeline takes the body, the URL and
    the Content-Type header from it, and removes the field (a Response cannot
    be exported);
  - or `body` (bytes as fetched), `url` and `content_type` (or `headers`)
    fields, for items built elsewhere; `body` is removed after cleaning unless
    DECLUTTER_KEEP_BODY is set.
Items with neither pass through untouched. The item gets `url` (when it has
none) and the fields of DECLUTTER_FIELDS; items whose cleaning failed are kept
with DECLUTTER_ERROR_FIELD set, or dropped (DECLUTTER_ON_ERROR), and logged.

Pages go over one shared CleanStream: process_item returns a Deferred that
fires when that page's answer arrives, so the crawl goes on meanwhile. A worker
thread runs Client.clean_many over a queue the pipeline fills; answers come
back to Twisted's reactor thread with reactor.callFromThread. close_spider
waits for every outstanding page. Crawl stats: declutter/cleaned, /failed,
/dropped, /retries (resends of pages), /refusals (answers RESOURCE_EXHAUSTED),
/stream_breaks, /timeouts.

Scrapy item classes must declare the fields the pipeline sets; dicts need not.
"""

import itertools
import logging
import queue
import threading

import grpc
from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from twisted.internet import defer

import declutter
from declutter.results import ItemError

logger = logging.getLogger(__name__)

# The item fields added by default: the article's text and metadata. Any
# Article attribute may be named, and page_type, page_type_probability,
# extraction_confidence, charset and removed (a list of {kind, text, reason}).
DEFAULT_FIELDS = ("text", "title", "authors", "published", "modified", "editor", "source",
                  "site_name", "language", "description", "keywords", "tags", "canonical_url",
                  "image", "page_type")
_ARTICLE_FIELDS = frozenset(declutter.Article.__dataclass_fields__)
_RESULT_FIELDS = frozenset({"page_type", "page_type_probability", "extraction_confidence",
                            "charset", "removed"})
_END = object()  # closes the page queue


def _fields(setting):
    """{result field: item key} from a list of names or a dict."""
    mapping = dict(setting) if isinstance(setting, dict) else {name: name for name in setting}
    unknown = sorted(set(mapping) - _ARTICLE_FIELDS - _RESULT_FIELDS)
    if unknown:
        raise ValueError(f"DECLUTTER_FIELDS names {unknown}: expected some of "
                         f"{sorted(_ARTICLE_FIELDS | _RESULT_FIELDS)}")
    return mapping


def _header(value):
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value


class DeclutterPipeline:
    """Settings (Scrapy settings, e.g. in settings.py or custom_settings):

    DECLUTTER_TARGET        the server, "host:port" (required)
    DECLUTTER_TLS           True/False; default: on when a TLS file is set
    DECLUTTER_TLS_CA        PEM file verifying the server (default: system roots)
    DECLUTTER_TLS_CERT/_KEY PEM client certificate and key (mutual TLS)
    DECLUTTER_FIELDS        fields to add: names, or {name: item key}
    DECLUTTER_ON_ERROR      "keep" (default; sets DECLUTTER_ERROR_FIELD) or "drop"
    DECLUTTER_ERROR_FIELD   default "declutter_error": "CODE: message"
    DECLUTTER_IN_FLIGHT     pages sent and unanswered at most (default 16)
    DECLUTTER_MAX_ATTEMPTS  sends of one page at most (default 8)
    DECLUTTER_TIMEOUT       seconds a page may wait for its answer, retries
                            included, before it fails DEADLINE_EXCEEDED (120);
                            at close, how long a stream still waiting for an
                            unresponsive server may linger before it is cut
    DECLUTTER_OUTPUT_FORMAT "text" (default), "markdown" or "html"
    DECLUTTER_KEEP_BODY     keep an item's `body` field (default False)
    """

    def __init__(self, settings, stats=None):
        self.target = settings.get("DECLUTTER_TARGET")
        if not self.target:
            raise ValueError("DECLUTTER_TARGET is not set: expected the declutter server's "
                             "host:port")
        tls = settings.get("DECLUTTER_TLS")
        self.tls = None if tls is None else settings.getbool("DECLUTTER_TLS")
        self.ca = settings.get("DECLUTTER_TLS_CA")
        self.cert = settings.get("DECLUTTER_TLS_CERT")
        self.key = settings.get("DECLUTTER_TLS_KEY")
        self.fields = _fields(settings.get("DECLUTTER_FIELDS") or DEFAULT_FIELDS)
        self.on_error = settings.get("DECLUTTER_ON_ERROR", "keep")
        if self.on_error not in ("keep", "drop"):
            raise ValueError(f"DECLUTTER_ON_ERROR is {self.on_error!r}: expected 'keep' or "
                             "'drop'")
        self.error_field = settings.get("DECLUTTER_ERROR_FIELD", "declutter_error")
        self.in_flight = settings.getint("DECLUTTER_IN_FLIGHT", 16)
        self.retry = declutter.RetryPolicy(
            max_attempts=settings.getint("DECLUTTER_MAX_ATTEMPTS", 8))
        self.timeout = settings.getfloat("DECLUTTER_TIMEOUT", 120.0)
        self.output_format = settings.get("DECLUTTER_OUTPUT_FORMAT", "text")
        declutter.make_request(b"x", output_format=self.output_format)  # validates it
        self.keep_body = settings.getbool("DECLUTTER_KEEP_BODY", False)
        self.stats = stats
        self._ids = itertools.count()
        self._pending = {}  # id -> (Deferred, timer); reactor thread only
        self._idle = None  # fired when _pending empties after close_spider
        self._worker = None
        self._worker_done = None
        self._queue = None
        self._client = None
        self._stream_stats = declutter.StreamStats()
        self._cut = False  # close_spider closed the channel under a stuck stream

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings, crawler.stats)

    # --- lifecycle -----------------------------------------------------------

    def open_spider(self, spider):
        from twisted.internet import reactor  # the reactor Scrapy installed

        self._reactor = reactor
        self._client = declutter.Client(self.target, tls=self.tls, ca=self.ca, cert=self.cert,
                                        key=self.key, retry=self.retry)
        self._queue = queue.Queue()
        self._worker_done = defer.Deferred()
        self._worker = threading.Thread(target=self._run, name="declutter-pipeline",
                                        daemon=True)
        self._worker.start()

    def close_spider(self, spider):
        self._queue.put(_END)
        self._idle = defer.Deferred()
        if not self._pending:
            self._idle.callback(None)
        self._idle.addCallback(self._finish)
        return self._idle

    def _finish(self, _):
        """Every page is settled: the stream ends on its own once the worker
        reads the queue's end; a stuck one (its pages timed out) is cut by
        closing the channel after DECLUTTER_TIMEOUT more seconds."""
        def cut_stream():
            self._cut = True
            self._client.close()

        cut = self._reactor.callLater(self.timeout, cut_stream)

        def closed(_):
            if cut.active():
                cut.cancel()
            self._client.close()
            self._record_stream_stats()

        return self._worker_done.addCallback(closed)

    def _run(self):
        """The worker thread: the stream's results to the reactor thread."""
        try:
            for result in self._client.clean_many(
                    iter(self._queue.get, _END), in_flight=self.in_flight,
                    output_format=self.output_format, stats=self._stream_stats):
                self._reactor.callFromThread(self._deliver, result)
        except Exception as e:  # noqa: BLE001 - every page still waiting fails with it
            if self._cut:
                logger.warning("declutter: the stream was still waiting for the server at "
                               "close; cut (%r)", e)
            else:
                self._reactor.callFromThread(self._fail_all, e)
        finally:
            self._reactor.callFromThread(self._worker_done.callback, None)

    # --- pages ---------------------------------------------------------------

    def _page(self, adapter):
        """(body, url, content_type) of the item's page, or None."""
        response = adapter.get("response")
        if response is not None and hasattr(response, "body"):
            return (response.body, response.url,
                    _header(response.headers.get("Content-Type")))
        body = adapter.get("body")
        if isinstance(body, (bytes, str)):
            content_type = adapter.get("content_type")
            headers = adapter.get("headers")
            if content_type is None and headers is not None:
                content_type = headers.get("Content-Type") or headers.get(b"Content-Type")
            return body, adapter.get("url"), _header(content_type)
        return None

    def process_item(self, item, spider):
        adapter = ItemAdapter(item)
        page = self._page(adapter)
        if page is None:
            return item
        body, url, content_type = page
        if "response" in adapter:
            del adapter["response"]
        if url and "url" not in adapter:
            adapter["url"] = url
        page_id = str(next(self._ids))
        d = defer.Deferred()
        timer = self._reactor.callLater(self.timeout, self._time_out, page_id)
        self._pending[page_id] = (d, timer)
        self._queue.put({"id": page_id, "content": body, "url": url,
                         "content_type": content_type})
        d.addCallback(self._apply, item, adapter, url, spider)
        return d

    def _settle(self, page_id):
        entry = self._pending.pop(page_id, None)
        if entry is not None and not self._pending and self._idle is not None \
                and not self._idle.called:
            self._reactor.callLater(0, self._idle.callback, None)
        return entry

    def _deliver(self, result):
        entry = self._settle(result.id)
        if entry is None:
            return  # it timed out before: already failed
        d, timer = entry
        if timer.active():
            timer.cancel()
        d.callback(result)

    def _time_out(self, page_id):
        entry = self._settle(page_id)
        if entry is not None:
            self._inc("declutter/timeouts")
            error = ItemError(grpc.StatusCode.DEADLINE_EXCEEDED,
                              f"no answer within DECLUTTER_TIMEOUT ({self.timeout:g} s)")
            entry[0].callback(declutter.CleanResult.failed(page_id, error, 0))

    def _fail_all(self, exception):
        logger.error("declutter: the stream worker failed: %r", exception)
        for page_id in list(self._pending):
            d, timer = self._settle(page_id)
            if timer.active():
                timer.cancel()
            error = ItemError(grpc.StatusCode.UNKNOWN,
                              f"the declutter stream failed: {exception!r}")
            d.callback(declutter.CleanResult.failed(page_id, error, 0))

    def _apply(self, result, item, adapter, url, spider):
        if result.attempts > 1:
            self._inc("declutter/retries", result.attempts - 1)
        if not self.keep_body and "body" in adapter:
            del adapter["body"]
        if result.ok:
            self._inc("declutter/cleaned")
            for name, key in self.fields.items():
                adapter[key] = self._value(result, name)
            return item
        self._inc("declutter/failed")
        if self.on_error == "drop":
            self._inc("declutter/dropped")
            raise DropItem(f"declutter could not clean {url}: {result.error}")
        logger.warning("declutter could not clean %s: %s (item kept)", url, result.error,
                       extra={"spider": spider})
        adapter[self.error_field] = str(result.error)
        return item

    @staticmethod
    def _value(result, name):
        if name in _ARTICLE_FIELDS:
            return getattr(result.article, name)
        if name == "removed":
            return [{"kind": r.kind, "text": r.text, "reason": r.reason}
                    for r in result.removed]
        return getattr(result, name)

    def _inc(self, key, count=1):
        if self.stats is not None:
            self.stats.inc_value(key, count)

    def _record_stream_stats(self):
        if self.stats is not None:
            s = self._stream_stats
            for key in ("sent", "refusals", "stream_breaks"):
                self.stats.set_value(f"declutter/{key}", getattr(s, key))
