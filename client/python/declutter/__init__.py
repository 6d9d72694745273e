"""declutter: a client of the declutter gRPC service, which turns raw web pages
into clean articles (text and metadata).

    import declutter
    with declutter.Client("127.0.0.1:50051") as client:
        result = client.clean(page_bytes, url=url, content_type=content_type)
        for r in client.clean_many(pages):  # CleanStream, retries, completion order
            ...

declutter.scrapy.DeclutterPipeline is a Scrapy item pipeline (needs Scrapy;
imported only when used).
"""

from declutter.client import Client, make_request
from declutter.results import Article, CleanError, CleanResult, ItemError, RemovedBlock
from declutter.retry import NO_RETRIES, RETRYABLE, RetryPolicy
from declutter.stream import StreamStats

__all__ = ["Article", "Client", "CleanError", "CleanResult", "ItemError", "NO_RETRIES",
           "RETRYABLE", "RemovedBlock", "RetryPolicy", "StreamStats", "make_request"]
__version__ = "0.1.0"
