"""Typed results of cleaning: plain dataclasses made from the proto messages.

Enum values are given as the short lower-case words the CLI and the server's
metrics use ("navigation", "article"), not as enum names.
"""

from dataclasses import dataclass, field
from typing import List, Optional

import grpc

from declutter.v1 import declutter_pb2 as pb


def _word(enum_type, value, prefix):
    """REMOVED_KIND_NAVIGATION -> "navigation"; an unknown number -> None."""
    try:
        name = enum_type.Name(value)
    except ValueError:
        return None
    return name[len(prefix):].lower()


@dataclass(frozen=True)
class Article:
    """The page's main article (proto `Article`; "" or [] when unknown)."""

    title: str = ""
    text: str = ""
    authors: List[str] = field(default_factory=list)
    editor: str = ""
    source: str = ""
    published: str = ""  # ISO 8601, as the proto documents
    modified: str = ""
    site_name: str = ""
    language: str = ""  # BCP 47 ("en", "zh-Hans")
    description: str = ""
    keywords: List[str] = field(default_factory=list)
    tags: List[str] = field(default_factory=list)
    canonical_url: str = ""
    image: str = ""  # the lead image, absolute
    word_count: int = 0

    @classmethod
    def from_proto(cls, a):
        return cls(title=a.title, text=a.text, authors=list(a.authors), editor=a.editor,
                   source=a.source, published=a.published, modified=a.modified,
                   site_name=a.site_name, language=a.language, description=a.description,
                   keywords=list(a.keywords), tags=list(a.tags),
                   canonical_url=a.canonical_url, image=a.image, word_count=a.word_count)


@dataclass(frozen=True)
class RemovedBlock:
    """A dropped block (only when report_removed=True)."""

    kind: str  # "navigation", "related", "ad", ... ("other" for unknown values)
    text: str
    reason: str
    truncated: bool

    @classmethod
    def from_proto(cls, r):
        kind = _word(pb.RemovedKind, r.kind, "REMOVED_KIND_") or "other"
        return cls(kind=kind, text=r.text, reason=r.reason, truncated=r.truncated)


@dataclass(frozen=True)
class ItemError:
    """Why a page could not be cleaned, after any retries."""

    code: grpc.StatusCode
    message: str
    retry_after_ms: int = 0  # the server's last hint, for RESOURCE_EXHAUSTED

    def __str__(self):
        return f"{self.code.name}: {self.message}"


_CODES = {c.value[0]: c for c in grpc.StatusCode}


def status_code(number):
    """A grpc.StatusCode from its number (UNKNOWN for numbers gRPC lacks)."""
    return _CODES.get(number, grpc.StatusCode.UNKNOWN)


@dataclass(frozen=True)
class CleanResult:
    """One page's answer. Exactly one of `article` and `error` is set."""

    id: str  # the caller's id for the page
    article: Optional[Article] = None
    error: Optional[ItemError] = None
    removed: List[RemovedBlock] = field(default_factory=list)
    page_type: Optional[str] = None  # "article", "forum", ...; None when no model ran
    page_type_probability: float = 0.0
    extraction_confidence: float = 0.0
    input_kind: Optional[str] = None  # "html" or "text", as the server decided
    charset: str = ""  # the charset the bytes were decoded from
    attempts: int = 1  # how many times the page was sent

    @property
    def ok(self):
        return self.error is None

    @classmethod
    def from_proto(cls, response, id, attempts=1):
        error = None
        article = None
        if response.HasField("error"):
            e = response.error
            error = ItemError(status_code(e.code), e.message, e.retry_after_ms)
        else:
            article = Article.from_proto(response.article)
        page_type = None
        if response.page_type != pb.PAGE_TYPE_UNSPECIFIED:
            page_type = _word(pb.PageType, response.page_type, "PAGE_TYPE_")
        kind = None
        if response.HasField("input"):
            kind = _word(pb.InputKind, response.input.kind, "INPUT_KIND_")
        return cls(id=id, article=article, error=error,
                   removed=[RemovedBlock.from_proto(r) for r in response.removed],
                   page_type=page_type,
                   page_type_probability=response.page_type_probability,
                   extraction_confidence=response.extraction_confidence,
                   input_kind=kind, charset=response.input.charset, attempts=attempts)

    @classmethod
    def failed(cls, id, error, attempts):
        return cls(id=id, error=error, attempts=attempts)


class CleanError(Exception):
    """Client.clean's failure: the call's final gRPC status, after retries."""

    def __init__(self, code, message, retry_after_ms=0, attempts=1):
        super().__init__(f"{code.name}: {message}")
        self.code = code
        self.message = message
        self.retry_after_ms = retry_after_ms
        self.attempts = attempts
