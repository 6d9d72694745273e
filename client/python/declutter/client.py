"""A client of the declutter gRPC service.

    with declutter.Client("127.0.0.1:50051") as client:
        result = client.clean(html_bytes, url="https://example.com/a",
                              content_type="text/html; charset=utf-8")
        print(result.article.title)

Thread safety: a Client may be shared by threads; clean_many's iterator is used
by one thread at a time.
"""

import datetime
import os
import random
import threading
import time

import grpc
from google.protobuf import timestamp_pb2

from declutter import stream
from declutter.results import CleanError, CleanResult
from declutter.retry import RETRYABLE, RetryPolicy
from declutter.v1 import declutter_pb2 as pb
from declutter.v1 import declutter_pb2_grpc as pb_grpc

INPUT_KINDS = {"auto": pb.INPUT_KIND_AUTO, "html": pb.INPUT_KIND_HTML, "text": pb.INPUT_KIND_TEXT}
OUTPUT_FORMATS = {"text": pb.OUTPUT_FORMAT_TEXT, "markdown": pb.OUTPUT_FORMAT_MARKDOWN,
                  "html": pb.OUTPUT_FORMAT_HTML}

# The largest page this client sends; the server's own --max_page_bytes
# (default 32 MiB) decides, and answers it with a clear INVALID_ARGUMENT.
MAX_PAGE_BYTES = 64 << 20


def _pem(value, what):
    """PEM bytes from bytes, or from the file a str/PathLike names."""
    if value is None or isinstance(value, bytes):
        return value
    try:
        with open(os.fspath(value), "rb") as f:
            return f.read()
    except OSError as e:
        raise ValueError(f"{what}: cannot read {value!r}: {e.strerror}") from e


def _choice(table, value, what):
    if value in table.values():
        return value
    try:
        return table[value]
    except KeyError:
        raise ValueError(f"{what} is {value!r}: expected one of {sorted(table)}") from None


def _timestamp(when):
    """A protobuf Timestamp from a datetime (naive: UTC) or seconds since 1970."""
    ts = timestamp_pb2.Timestamp()
    if isinstance(when, datetime.datetime):
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.timezone.utc)
        ts.FromDatetime(when.astimezone(datetime.timezone.utc).replace(tzinfo=None))
    else:
        ts.FromNanoseconds(int(float(when) * 1e9))
    return ts


def make_request(content, id="", url=None, content_type=None, input_kind="auto",
                 output_format="text", report_removed=False, fetch_time=None):
    """A CleanRequest. `content` is the page's raw bytes (str is sent as UTF-8)."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    if not isinstance(content, (bytes, bytearray, memoryview)):
        raise TypeError(f"content is {type(content).__name__}: expected bytes or str")
    request = pb.CleanRequest(id=id, content=bytes(content), url=url or "",
                              content_type=content_type or "",
                              input_kind=_choice(INPUT_KINDS, input_kind, "input_kind"))
    request.options.output_format = _choice(OUTPUT_FORMATS, output_format, "output_format")
    request.options.report_removed = bool(report_removed)
    if fetch_time is not None:
        request.fetch_time.CopyFrom(_timestamp(fetch_time))
    return request


def _pushback_ms(error):
    """The server's `grpc-retry-pushback-ms` trailing metadata, or 0."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-retry-pushback-ms":
            try:
                return max(0, int(value))
            except ValueError:
                return 0
    return 0


class Client:
    """A channel to a declutter server (or a load-balanced fleet).

    target: "host:port" (any gRPC target). TLS is on when `tls` is True or any
    of `ca`, `cert`, `key` is given (as the CLI's --tls* flags): `ca` verifies
    the server (default: the system's roots), `cert` with `key` present a
    client certificate (mutual TLS). Each is PEM bytes or a file's path.
    `server_name` overrides the name the server's certificate must carry.
    `retry` is the default RetryPolicy of clean() and clean_many().
    """

    def __init__(self, target, tls=None, ca=None, cert=None, key=None, *,
                 server_name=None, retry=None, options=()):
        if (cert is None) != (key is None):
            raise ValueError("cert and key go together: a client certificate needs its key")
        if tls is None:
            tls = ca is not None or cert is not None
        elif not tls and (ca is not None or cert is not None):
            raise ValueError("ca, cert and key are TLS files: pass tls=True (or leave tls unset)")
        channel_options = [("grpc.max_send_message_length", MAX_PAGE_BYTES + (1 << 20)),
                           ("grpc.max_receive_message_length", -1)]
        if server_name:
            channel_options.append(("grpc.ssl_target_name_override", server_name))
        channel_options.extend(options)
        if tls:
            credentials = grpc.ssl_channel_credentials(
                root_certificates=_pem(ca, "ca"), private_key=_pem(key, "key"),
                certificate_chain=_pem(cert, "cert"))
            self._channel = grpc.secure_channel(target, credentials, channel_options)
        else:
            self._channel = grpc.insecure_channel(target, channel_options)
        self._stub = pb_grpc.DeclutterStub(self._channel)
        self.target = target
        self.retry = retry or RetryPolicy()
        self._rng = random.Random()
        self._rng_lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Closes the channel; calls under way are cancelled."""
        self._channel.close()

    def wait_ready(self, timeout):
        """Waits up to `timeout` seconds for the channel to connect; False if it did not."""
        try:
            grpc.channel_ready_future(self._channel).result(timeout=timeout)
            return True
        except grpc.FutureTimeoutError:
            return False

    def _backoff(self, policy, attempt, hint_ms):
        with self._rng_lock:
            return policy.backoff(attempt, hint_ms, self._rng)

    def clean(self, content, url=None, content_type=None, input_kind="auto",
              output_format="text", report_removed=False, fetch_time=None,
              timeout=None, id="", retry=None):
        """Cleans one page with the unary Clean call; returns a CleanResult.

        content: the page's raw bytes as fetched (not decompressed by the
        server). content_type: the HTTP Content-Type header (its charset is
        strong evidence). input_kind: "auto", "html" or "text"; output_format:
        "text", "markdown" or "html". fetch_time: a datetime or epoch seconds.
        timeout: seconds for each attempt. UNAVAILABLE and RESOURCE_EXHAUSTED
        are retried per `retry` (honouring the server's
        grpc-retry-pushback-ms); any other failure, or the last, raises
        CleanError with the gRPC code and the server's message.
        """
        request = make_request(content, id, url, content_type, input_kind, output_format,
                               report_removed, fetch_time)
        policy = retry or self.retry
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._stub.Clean(request, timeout=timeout)
                return CleanResult.from_proto(response, id=id, attempts=attempt)
            except grpc.RpcError as e:
                code = e.code()
                hint = _pushback_ms(e)
                if code not in RETRYABLE or attempt >= policy.max_attempts:
                    raise CleanError(code, e.details() or "", hint, attempt) from None
                time.sleep(self._backoff(policy, attempt, hint))

    def clean_many(self, pages, in_flight=8, output_format="text", report_removed=False,
                   input_kind="auto", retry=None, stats=None):
        """Cleans many pages over one CleanStream at a time; yields CleanResults
        in completion order, each with its page's id.

        pages: an iterable (read lazily, as slots free up) of bytes/str
        contents (id: their index), or of dicts or objects with `content` and
        optional `id`, `url`, `content_type`, `input_kind`, `fetch_time`.
        in_flight: pages sent and unanswered at most. Pages answered
        RESOURCE_EXHAUSTED or UNAVAILABLE are sent again after a backoff (at
        least the server's retry_after_ms); when the stream breaks, its
        unanswered pages go again on a new stream; `retry` bounds the sends.
        A page that still fails, or fails otherwise, yields a result with
        `error` set: every page yields exactly one result. stats: an optional
        stream.StreamStats the counts are added to.
        """
        if in_flight < 1:
            raise ValueError(f"in_flight is {in_flight}: expected 1 or more")
        defaults = dict(output_format=output_format, report_removed=report_removed,
                        input_kind=input_kind)
        session = stream.StreamSession(
            open_stream=lambda requests: self._stub.CleanStream(requests),
            pages=pages, make_request=lambda page, seq: _page_request(page, seq, defaults),
            in_flight=in_flight, policy=retry or self.retry,
            backoff=lambda policy, attempt, hint: self._backoff(policy, attempt, hint),
            stats=stats)
        return session.results()


_PAGE_KEYS = ("id", "content", "url", "content_type", "input_kind", "fetch_time",
              "output_format", "report_removed")


def _page_request(page, seq, defaults):
    """(the caller's id, the CleanRequest sent with id `seq`) for one page."""
    fields = dict(defaults)
    if isinstance(page, (bytes, bytearray, memoryview, str)):
        fields["content"] = page
    elif isinstance(page, dict):
        fields.update({k: page[k] for k in _PAGE_KEYS if page.get(k) is not None})
    else:
        fields.update({k: getattr(page, k) for k in _PAGE_KEYS
                       if getattr(page, k, None) is not None})
    user_id = fields.pop("id", None)
    user_id = str(seq) if user_id is None else str(user_id)
    if "content" not in fields:
        raise stream.BadPage(user_id, f"page {user_id}: no content (expected bytes, or a "
                             "dict or object with `content`)")
    try:
        return user_id, make_request(id=str(seq), **fields)
    except (TypeError, ValueError) as e:
        raise stream.BadPage(user_id, f"page {user_id}: {e}") from None
