"""Crawls the test site with Scrapy through DeclutterPipeline; run in its own
process by scrapy_pipeline_test.py (Twisted's reactor starts once a process).

Usage: scrapy_crawl.py START_URL ITEMS_JSONL STATS_JSON SETTINGS_JSON
The spider follows every link of the site and yields {"response": response}
for the article pages; items go to ITEMS_JSONL, the crawl's stats to STATS_JSON.
"""

import json
import sys

import scrapy
from scrapy.crawler import CrawlerProcess


class SiteSpider(scrapy.Spider):
    name = "site"

    def __init__(self, start_url, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [start_url]

    def parse(self, response):
        if "/articles/" in response.url:
            yield {"response": response}
        for href in response.css("a::attr(href)").getall():
            if not href.startswith("/authors/"):
                yield response.follow(href, callback=self.parse)


def main():
    start_url, items_path, stats_path, settings_json = sys.argv[1:5]
    settings = {
        "ITEM_PIPELINES": {"declutter.scrapy.DeclutterPipeline": 300},
        "FEEDS": {items_path: {"format": "jsonlines", "encoding": "utf8"}},
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "CONCURRENT_REQUESTS": 32,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    settings.update(json.loads(settings_json))
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteSpider)
    process.crawl(crawler, start_url=start_url)
    process.start()
    with open(stats_path, "w") as f:
        json.dump(crawler.stats.get_stats(), f, default=str)


if __name__ == "__main__":
    main()
