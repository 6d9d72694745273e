"""A small news site for the Scrapy pipeline test, written from templates:
24 articles (20 in English, 4 in Chinese served as GBK with the charset only
in the Content-Type header), 4 list pages and a front page, all with a site
header, navigation, a cookie banner, share bars, related links, comments and
a footer around the article. Every article's title, byline, date, paragraphs
and (on some) description and lead image are known, so the test can compare
each item with what its page holds. serve() serves it on loopback.
"""

import html
import random
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SITE_NAME = "Loopback Gazette"
ARTICLES_PER_LIST = 6
LISTS = 4

# Sentence parts of the English articles: each paragraph is a few sentences
# drawn from these, so every page's text is distinct and reads as prose.
_SUBJECTS = ["The city council", "A group of residents", "The harbour authority",
             "Local teachers", "The regional transit agency", "Volunteers from the library",
             "The hospital board", "Farmers in the valley", "The county planning office",
             "Engineers at the water plant", "Shop owners on Market Street",
             "The university's climate lab"]
_VERBS = ["approved", "questioned", "presented", "postponed", "welcomed", "criticised",
          "published", "measured", "debated", "funded"]
_OBJECTS = ["a plan to widen the northern cycle path", "the budget for winter road repairs",
            "new figures on river water quality", "a proposal for a weekend farmers market",
            "the results of a two-year traffic survey", "a scheme to plant four thousand trees",
            "changes to the night bus timetable", "the design of the new public pool",
            "a report on school building maintenance", "plans for a flood barrier near the docks"]
_TAILS = ["after a long public hearing on Tuesday evening",
          "despite objections from several neighbourhood groups",
          "with a vote of seven to two", "following months of careful negotiation",
          "in a meeting that lasted well past midnight",
          "according to documents released this week",
          "while promising further consultation in the spring",
          "and said the work should begin before the end of the year"]
_QUOTES = ["\u201cWe listened to everyone who wrote to us,\u201d said a spokesperson.",
           "Critics said the timeline left too little room for local input.",
           "Supporters argued that the change was overdue and would save money.",
           "Officials expect to publish a detailed schedule next month.",
           "Residents can comment on the proposal until the end of the month."]
_AUTHORS = ["Ana Ruiz", "Tom Becker", "Priya Nair", "Liam O'Connor", "Mei Lin",
            "Jonas Berg", "Sara Haddad", "David Okafor"]
_TOPICS = ["Council", "Transit", "Harbour", "Schools", "Parks", "Health", "Water", "Markets"]

_ZH_SENTENCES = ["市政府召开专题会议，研究部署城市公共交通改善工作。",
                 "会议指出，过去一年全市新增公交线路十二条，市民出行更加便利。",
                 "会议要求，各部门要加强协调配合，确保各项任务按期完成。",
                 "社区志愿者积极参与垃圾分类宣传活动，居民参与率明显提高。",
                 "今年以来，全市新建口袋公园二十余处，群众休闲空间不断扩大。",
                 "相关负责人表示，下一步将继续推进老旧小区改造，提升居住品质。",
                 "专家认为，完善基层医疗服务体系是提高群众健康水平的关键。",
                 "据介绍，新建的图书馆将于年底前对外开放，藏书超过三十万册。"]
_ZH_AUTHORS = ["王静", "刘洋", "陈晨", "赵磊"]
_ZH_TITLES = ["我市推进公共交通改善工作", "社区垃圾分类工作取得新进展",
              "口袋公园扩大群众休闲空间", "新图书馆年底前对外开放"]


@dataclass
class Article:
    path: str
    title: str
    author: str
    published: str  # the date the page states, YYYY-MM-DD
    paragraphs: list
    language: str
    description: str = ""
    image: str = ""  # absolute URL path of the lead image, "" when none
    chrome: list = field(default_factory=list)  # texts of the page that are not the article


def _english_paragraph(rng):
    sentences = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                 f"{rng.choice(_TAILS)}." for _ in range(rng.randint(2, 3))]
    sentences.append(rng.choice(_QUOTES))
    return " ".join(sentences)


def _articles():
    articles = []
    for i in range(LISTS * ARTICLES_PER_LIST):
        rng = random.Random(i)
        month, day = 1 + i % 12, 1 + (i * 7) % 28
        published = f"2024-{month:02d}-{day:02d}"
        if i % 6 == 5:  # the Chinese ones
            k = i // 6
            paragraphs = ["".join(rng.sample(_ZH_SENTENCES, 3)) for _ in range(4)]
            articles.append(Article(
                path=f"/articles/zh-{i}.html", title=_ZH_TITLES[k % len(_ZH_TITLES)] + f"（{i}）",
                author=_ZH_AUTHORS[k % len(_ZH_AUTHORS)], published=published,
                paragraphs=paragraphs, language="zh-Hans"))
            continue
        topic = _TOPICS[i % len(_TOPICS)]
        paragraphs = [_english_paragraph(rng) for _ in range(rng.randint(5, 8))]
        title = f"{topic} report {i}: {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} " \
                f"{rng.choice(_OBJECTS)}"
        articles.append(Article(
            path=f"/articles/story-{i}.html", title=title, author=_AUTHORS[i % len(_AUTHORS)],
            published=published, paragraphs=paragraphs, language="en",
            description=f"What happened in {topic.lower()} news this week, story {i}."
            if i % 3 else "",
            image=f"/images/story-{i}.jpg" if i % 2 == 0 else ""))
    return articles


_NAV = ["Home", "Local news", "Business", "Sport", "Culture", "Opinion", "Weather"]
_FOOTER = "\u00a9 2024 Loopback Gazette. All rights reserved. Contact the newsroom."
_ZH_FOOTER = "版权所有 Loopback Gazette 京ICP备00000000号 联系我们"
_COOKIE = "We use cookies to improve your experience. Accept all cookies or manage settings."
_SHARE = "Share this story: Facebook Twitter Email"


def _comments(rng, n):
    names = ["reader42", "harbourfan", "m.k.", "cyclist_jo", "oldtimer"]
    return "\n".join(f'<li class="comment"><span class="commenter">{rng.choice(names)}'
                     f'</span><p>Comment {c}: I think this is interesting, thanks.</p></li>'
                     for c in range(n))


def _footer(a):
    return _FOOTER if a.language == "en" else _ZH_FOOTER


def _article_page(a, articles, base):
    rng = random.Random(a.path)
    esc = html.escape
    related = [r for r in articles if r is not a][:5]
    meta = [f'<meta property="og:site_name" content="{SITE_NAME}">',
            f'<meta property="article:published_time" content="{a.published}T08:00:00Z">',
            f'<link rel="canonical" href="{base}{a.path}">']
    if a.description:
        meta.append(f'<meta name="description" content="{esc(a.description)}">')
    if a.image:
        meta.append(f'<meta property="og:image" content="{a.image}">')
    if a.language == "en":
        byline = f'<p class="byline">By <a rel="author" href="/authors/x.html">{esc(a.author)}' \
                 f'</a> \u00b7 <time datetime="{a.published}">{a.published}</time></p>'
        lang = "en"
    else:
        byline = f'<p class="info">{a.published} 来源：{SITE_NAME} 作者：{a.author}</p>'
        lang = "zh-CN"
    body = "\n".join(f"<p>{esc(p)}</p>" for p in a.paragraphs)
    nav = "".join(f'<li><a href="/list/{1 + n % LISTS}.html">{t}</a></li>'
                  for n, t in enumerate(_NAV))
    rel = "".join(f'<li><a href="{r.path}">{esc(r.title)}</a></li>' for r in related)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><title>{esc(a.title)} | {SITE_NAME}</title>
{chr(10).join(meta)}
</head><body>
<div class="cookie-banner">{_COOKIE}</div>
<header class="site-header"><a href="/index.html">{SITE_NAME}</a>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<main><article>
<h1>{esc(a.title)}</h1>
{byline}
<div class="share">{_SHARE}</div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>{rel}</ul></aside>
<section class="comments"><h2>Comments</h2><ul>{_comments(rng, 200)}</ul></section>
</main>
<footer class="site-footer"><p>{_footer(a)}</p></footer>
</body></html>"""


def _list_page(n, articles):
    items = articles[(n - 1) * ARTICLES_PER_LIST:n * ARTICLES_PER_LIST]
    links = "".join(f'<li><a href="{a.path}">{html.escape(a.title)}</a></li>' for a in items)
    more = f'<a href="/list/{n + 1}.html">Older stories</a>' if n < LISTS else ""
    return f"""<!DOCTYPE html><html lang="en"><head><title>Stories, page {n} | {SITE_NAME}
</title></head><body><nav><a href="/index.html">Home</a></nav><h1>Stories, page {n}</h1>
<ul>{links}</ul>{more}<footer>{_FOOTER}</footer></body></html>"""


def build_site(base):
    """({path: (body bytes, Content-Type)}, [Article]) for a site served at `base`."""
    articles = _articles()
    pages = {"/index.html": (
        ("<!DOCTYPE html><html><head><title>" + SITE_NAME + "</title></head><body><ul>"
         + "".join(f'<li><a href="/list/{n}.html">Page {n}</a></li>' for n in range(1, LISTS + 1))
         + "</ul></body></html>").encode(), "text/html; charset=utf-8")}
    for n in range(1, LISTS + 1):
        pages[f"/list/{n}.html"] = (_list_page(n, articles).encode(), "text/html; charset=utf-8")
    for a in articles:
        page = _article_page(a, articles, base)
        a.chrome = [_footer(a), _COOKIE, "Related stories", "Comment 3: I think this"]
        if a.language == "en":
            pages[a.path] = (page.encode(), "text/html; charset=utf-8")
        else:  # only the header names the charset
            pages[a.path] = (page.encode("gbk"), "text/html; charset=gbk")
    return pages, articles


class SiteServer:
    """The site on 127.0.0.1 (a free port) in a thread; counts requests per path."""

    def __init__(self):
        self.hits = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                found = site.pages.get(self.path)
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                if found is None:
                    self.send_error(404)
                    return
                body, content_type = found
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.pages, self.articles = build_site(self.base)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
