"""The machinery behind Client.clean_many: one CleanStream at a time, fed from
the caller's iterable, with retries, and new streams after breaks.

Three parties share a StreamSession's state under one condition variable:
  - a feeder thread pulls the caller's pages (which may block, e.g. on a queue
    a Scrapy pipeline fills) into `fresh`, at most `in_flight` ahead;
  - gRPC's request thread runs `_requests`, sending due retries first, then
    fresh pages, while fewer than `in_flight` are outstanding;
  - the caller's thread runs `results`, reading answers and yielding them.
Every page taken from the caller gets exactly one final result: its answer,
or an error after its last allowed send. Answers are matched by the sequence
number sent as the request id, so the caller's ids need not be unique.
"""

import heapq
import threading
import time
from dataclasses import dataclass, field

import grpc

from declutter.results import CleanResult, ItemError, status_code
from declutter.retry import RETRYABLE

# Streams broken in a row, at most, counted into the backoff before a new
# stream (as the C++ CLI: up to 100 ms * 2^6 of jitter).
_MAX_BREAK_EXPONENT = 6


class BadPage(Exception):
    """A page that cannot be sent (no content, an unknown option)."""

    def __init__(self, user_id, message):
        super().__init__(message)
        self.user_id = user_id


@dataclass
class StreamStats:
    """Counts of one or more clean_many runs; read them after the run, or
    under `lock` during it."""

    sent: int = 0  # requests written, resends included
    retries: int = 0  # resends scheduled (answers refused, streams broken)
    refusals: int = 0  # answers RESOURCE_EXHAUSTED (the server at capacity)
    stream_breaks: int = 0  # streams that ended with an error
    failed: int = 0  # pages whose final result is an error
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, **counts):
        with self.lock:
            for name, n in counts.items():
                setattr(self, name, getattr(self, name) + n)


class _Page:
    __slots__ = ("seq", "user_id", "request", "attempts")

    def __init__(self, seq, user_id, request):
        self.seq = seq
        self.user_id = user_id
        self.request = request
        self.attempts = 0  # sends so far


class _StreamState:
    __slots__ = ("closed",)

    def __init__(self):
        self.closed = False  # the stream is over: its request thread stops


class StreamSession:
    """One clean_many run. open_stream(request_iterator) starts a CleanStream
    call; make_request(page, seq) -> (user id, CleanRequest with id str(seq))
    or raises BadPage; backoff(policy, attempt, hint_ms) -> seconds."""

    def __init__(self, open_stream, pages, make_request, in_flight, policy, backoff,
                 stats=None):
        self._open_stream = open_stream
        self._pages = pages
        self._make_request = make_request
        self._in_flight = in_flight
        self._policy = policy
        self._backoff = backoff
        self.stats = stats if stats is not None else StreamStats()
        self._cond = threading.Condition()
        self._fresh = []  # pages from the caller not yet sent (a FIFO; popped from 0)
        self._fresh_head = 0
        self._retry = []  # heap of (not_before, seq, page)
        self._outstanding = {}  # seq -> page, sent on the current stream
        self._ready = []  # final results made without the server (bad pages)
        self._unfinished = 0  # pages taken from the caller without a final result
        self._source_done = False
        self._source_error = None
        self._closed = False  # the caller stopped reading results

    # --- the feeder thread ---------------------------------------------------

    def _feed(self):
        try:
            for seq, page in enumerate(self._pages):
                try:
                    user_id, request = self._make_request(page, seq)
                except BadPage as e:
                    error = ItemError(grpc.StatusCode.INVALID_ARGUMENT, str(e))
                    with self._cond:
                        self._ready.append(CleanResult.failed(e.user_id, error, 0))
                        self.stats.add(failed=1)
                        self._cond.notify_all()
                    continue
                with self._cond:
                    while self._fresh_count() >= self._in_flight and not self._closed:
                        self._cond.wait()
                    if self._closed:
                        return
                    self._fresh.append(_Page(seq, user_id, request))
                    self._unfinished += 1
                    self._cond.notify_all()
        except BaseException as e:  # the caller's iterable failed: re-raised in results()
            self._source_error = e
        finally:
            with self._cond:
                self._source_done = True
                self._cond.notify_all()

    def _fresh_count(self):
        return len(self._fresh) - self._fresh_head

    def _pop_fresh(self):
        page = self._fresh[self._fresh_head]
        self._fresh[self._fresh_head] = None
        self._fresh_head += 1
        if self._fresh_head > 64 and self._fresh_head * 2 > len(self._fresh):
            del self._fresh[:self._fresh_head]
            self._fresh_head = 0
        return page

    # --- gRPC's request thread -----------------------------------------------

    def _all_done(self):
        return self._source_done and self._unfinished == 0

    def _next_page(self, state):
        """The next page to send on `state`'s stream, or None to half-close."""
        with self._cond:
            while True:
                if state.closed or self._closed or self._all_done():
                    return None
                now = time.monotonic()
                wait = None
                if len(self._outstanding) < self._in_flight:
                    page = None
                    if self._retry and self._retry[0][0] <= now:
                        page = heapq.heappop(self._retry)[2]
                    elif self._fresh_count():
                        page = self._pop_fresh()
                    if page is not None:
                        page.attempts += 1
                        self._outstanding[page.seq] = page
                        self.stats.add(sent=1)
                        self._cond.notify_all()  # the feeder may add a page
                        return page
                    if self._retry:
                        wait = self._retry[0][0] - now
                self._cond.wait(wait)

    def _requests(self, state):
        while True:
            page = self._next_page(state)
            if page is None:
                return
            yield page.request

    # --- the caller's thread -------------------------------------------------

    def _take_ready(self):
        with self._cond:
            ready, self._ready = self._ready, []
        return ready

    def _answer(self, response):
        """The final result `response` makes, or None (a resend, or not ours)."""
        with self._cond:
            try:
                page = self._outstanding.pop(int(response.id))
            except (ValueError, KeyError):
                return None  # not an id this session sent on this stream
            self._cond.notify_all()
            if response.HasField("error"):
                code = status_code(response.error.code)
                if code in RETRYABLE and page.attempts < self._policy.max_attempts:
                    delay = self._backoff(self._policy, page.attempts,
                                          response.error.retry_after_ms)
                    heapq.heappush(self._retry, (time.monotonic() + delay, page.seq, page))
                    refused = 1 if code == grpc.StatusCode.RESOURCE_EXHAUSTED else 0
                    self.stats.add(retries=1, refusals=refused)
                    return None
                self.stats.add(failed=1)
            self._unfinished -= 1
        return CleanResult.from_proto(response, id=page.user_id, attempts=page.attempts)

    def _after_stream(self, code, details, answered):
        """After a stream ended with `code`: its unanswered pages are resent
        (retryable codes, sends left) or get final errors, which are returned.
        A stream that got no answer at all (`answered` false: the server is
        unreachable, or refused the stream) costs every waiting page a send,
        so pages fail in bounded time however few each stream got to send."""
        failed = []
        retryable = code in RETRYABLE
        with self._cond:
            pages = list(self._outstanding.values())
            self._outstanding.clear()
            if not answered:
                waiting = [heapq.heappop(self._retry)[2] for _ in range(len(self._retry))]
                while self._fresh_count():
                    waiting.append(self._pop_fresh())
                for page in waiting:
                    page.attempts += 1
                pages += waiting
            now = time.monotonic()
            for page in sorted(pages, key=lambda p: p.seq):
                if retryable and page.attempts < self._policy.max_attempts:
                    heapq.heappush(self._retry, (now, page.seq, page))
                    self.stats.add(retries=1)
                else:
                    failed.append(CleanResult.failed(
                        page.user_id, ItemError(code, details), page.attempts))
                    self._unfinished -= 1
            self.stats.add(failed=len(failed))
            self._cond.notify_all()
        return failed

    def results(self):
        """Yields every page's final result, in completion order."""
        feeder = threading.Thread(target=self._feed, name="declutter-feeder", daemon=True)
        feeder.start()
        breaks = 0
        call = None
        try:
            while True:
                yield from self._take_ready()
                with self._cond:
                    if self._all_done():
                        break
                state = _StreamState()
                call = self._open_stream(self._requests(state))
                code, details = grpc.StatusCode.OK, ""
                answered = False
                try:
                    for response in call:
                        answered = True
                        yield from self._take_ready()
                        result = self._answer(response)
                        if result is not None:
                            breaks = 0
                            yield result
                except grpc.RpcError as e:
                    code, details = e.code(), e.details() or ""
                finally:
                    with self._cond:
                        state.closed = True
                        self._cond.notify_all()
                    call.cancel()
                    call = None
                yield from self._take_ready()
                with self._cond:
                    if self._all_done():
                        break
                if code == grpc.StatusCode.OK:
                    code = grpc.StatusCode.UNAVAILABLE
                    details = "the stream ended with pages unanswered"
                self.stats.add(stream_breaks=1)
                yield from self._after_stream(code, details, answered)
                breaks += 1
                time.sleep(self._backoff(self._policy, min(breaks, _MAX_BREAK_EXPONENT), 0))
            # Bad pages the feeder answered just before it finished.
            yield from self._take_ready()
        finally:
            with self._cond:
                self._closed = True
                self._cond.notify_all()
            if call is not None:
                call.cancel()
        if self._source_error is not None:
            raise self._source_error
