#!/usr/bin/python3
"""Flattens HTML pages to plain text the way a simple scraper does, for training and
measuring the text path (issue 23: "the same for scraped text").

Every block-level element (p, div, li, h1-h6, tr, br, section, article, header, footer,
nav, aside, dt, dd, blockquote, pre, table, form, ...) ends the current line; inline
text is joined, whitespace collapsed, and empty lines dropped. script, style,
template, svg and title (metadata, not page text) are dropped. Nothing else is:
navigation, headers, footers, sidebars and hidden elements stay, since a naive scraper
keeps them. <noscript> stays too: a scraper runs no scripts, so it reads what a browser
without them shows (some forum engines serve their posts only there). Table cells of
one row are joined with a space; lines inside <pre> stay lines. Pages that render
their text from scripts alone flatten to (almost) nothing, as they do for a scraper.

Bytes are decoded by the page's <meta charset> (or http-equiv Content-Type) when Python
knows the name, else as UTF-8, with U+FFFD for invalid bytes. Deterministic: the same
page gives the same text.

Usage:
  flatten_html.py --data ../shared/data/wcxb-dev --out DIR
    (every html/ID.html.gz -> DIR/ID.txt)
  flatten_html.py FILE.html[.gz]   (one page to stdout)
"""

import argparse
import codecs
import gzip
import html.parser
import os
import re
import sys

# Elements that end a line before and after them.
BLOCK = frozenset("""
address article aside blockquote body br caption center dd details dialog dir div dl
dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr
html legend li main menu nav ol optgroup option p pre section summary table tbody
tfoot thead tr ul
""".split())
# Elements whose content a scraper never sees as text.
SKIP = frozenset("script style template svg title".split())
# Elements without an end tag: a start tag of one of these never opens a SKIP range.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
CELL = frozenset(("td", "th"))

SPACE = re.compile(r"\s+")
META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


def decode(raw):
    """The page's text: by its declared charset if Python knows it, else UTF-8."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    m = META_CHARSET.search(raw[:8192])
    encoding = "utf-8"
    if m:
        name = m.group(1).decode("ascii", errors="replace").lower()
        # Browsers read these labels as their supersets (WHATWG Encoding).
        name = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252",
                "latin1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}.get(name, name)
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            pass
        # A UTF-16 label in a page read as bytes is always wrong (the meta is ASCII).
        if encoding.startswith("utf-16") or encoding.startswith("utf-32"):
            encoding = "utf-8"
    return raw.decode(encoding, errors="replace")


class Flattener(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.current = []
        self.skip = []  # open SKIP elements, innermost last
        self.pre = 0

    def _break(self):
        if self.current:
            text = "".join(self.current)
            self.current = []
            if self.pre:
                for line in text.split("\n"):
                    line = SPACE.sub(" ", line).strip()
                    if line:
                        self.lines.append(line)
            else:
                line = SPACE.sub(" ", text).strip()
                if line:
                    self.lines.append(line)

    def handle_starttag(self, tag, attrs):
        if self.skip:
            if tag in SKIP and tag not in VOID:
                self.skip.append(tag)
            return
        if tag in SKIP:
            self.skip.append(tag)
            return
        if tag in BLOCK:
            self._break()
            if tag == "pre":
                self.pre += 1
        elif tag in CELL:
            self.current.append(" ")

    def handle_startendtag(self, tag, attrs):
        if not self.skip and tag in BLOCK:
            self._break()

    def handle_endtag(self, tag):
        if self.skip:
            # Close up to the matching SKIP element; a stray end tag is ignored.
            if tag in self.skip:
                while self.skip.pop() != tag:
                    pass
            return
        if tag in BLOCK:
            self._break()
            if tag == "pre" and self.pre:
                self.pre -= 1
        elif tag in CELL:
            self.current.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)

    def text(self):
        self._break()
        return "\n".join(self.lines) + ("\n" if self.lines else "")


def flatten(raw):
    """The scraped text of one page's bytes."""
    parser = Flattener()
    parser.feed(decode(raw))
    parser.close()
    return parser.text()


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", nargs="?", help="one page to flatten to stdout")
    parser.add_argument("--data", help="a benchmark folder with html/ID.html.gz pages")
    parser.add_argument("--out", help="the folder for ID.txt (created)")
    args = parser.parse_args()
    if args.page:
        sys.stdout.write(flatten(read(args.page)))
        return
    if not args.data or not args.out:
        parser.error("expected a page, or --data and --out")
    html_dir = os.path.join(args.data, "html")
    os.makedirs(args.out, exist_ok=True)
    n = 0
    for name in sorted(os.listdir(html_dir)):
        if not name.endswith((".html", ".html.gz")):
            continue
        page = name.split(".", 1)[0]
        with open(os.path.join(args.out, page + ".txt"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write(flatten(read(os.path.join(html_dir, name))))
        n += 1
    print(f"flatten_html: {n} pages -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
