#include "service/extract/html/nesting_limiter.h"

#include <gumbo.h>

#include <vector>

#include "service/extract/html/html_token_scanner.h"

namespace declutter::extract {
namespace {

// Tags are looked up in Gumbo's own table (case-insensitive), so the model and
// the parser agree on what a name is. Names Gumbo does not know (custom
// elements) are all GUMBO_TAG_UNKNOWN: an unknown end tag closes the nearest
// unknown open element, which is close enough for counting depth.

// HTML's void elements: never opened, so never deepen the tree.
bool IsVoid(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_IMAGE:
      return true;
    default:
      return false;
  }
}

// Elements whose content is raw text up to their own end tag.
bool IsRawText(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_PLAINTEXT:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open element of the same family (the parser's
// implied end tags); the open one is looked for among the top few entries only,
// as the parser's scope rules stop at the enclosing list or table.
bool ClosesSibling(GumboTag incoming, GumboTag open) {
  switch (incoming) {
    case GUMBO_TAG_LI:
      return open == GUMBO_TAG_LI;
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return open == GUMBO_TAG_DT || open == GUMBO_TAG_DD;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return open == GUMBO_TAG_TD || open == GUMBO_TAG_TH;
    case GUMBO_TAG_TR:
      return open == GUMBO_TAG_TR;  // and the cells above it
    case GUMBO_TAG_OPTION:
      return open == GUMBO_TAG_OPTION;
    default:
      return false;
  }
}

// Start tags that close an open <p> (the "close a p element" steps of the
// spec).
bool ClosesParagraph(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

bool IsForeign(GumboTag t) { return t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH; }

constexpr size_t kSiblingLookback = 4;

// One past the end tag that closes the raw-text element `tag` whose content
// starts at `i`, or html.size(): where the tokenizer ends it (HtmlTokenScanner).
size_t SkipRawText(absl::string_view html, size_t i, GumboTag tag) {
  if (tag == GUMBO_TAG_PLAINTEXT) return html.size();  // nothing ends it
  const absl::string_view name = gumbo_normalized_tagname(tag);
  const size_t end = tag == GUMBO_TAG_SCRIPT ? HtmlTokenScanner::ScriptDataEnd(html, i)
                                             : HtmlTokenScanner::RawTextEnd(html, i, name);
  if (end == html.size()) return end;
  const size_t close = HtmlTokenScanner::ScanTail(html, end + 2 + name.size()).end;
  return close == absl::string_view::npos ? html.size() : close;
}

}  // namespace

int64_t NestingLimiter::Limit(absl::string_view in, std::string* limited,
                              int max_depth) {
  std::vector<GumboTag>
      open;  // the model's stack of open elements, <= max_depth
  open.reserve(64);
  std::string out;    // built only once a tag is deleted
  size_t copied = 0;  // in[0, copied) is already in `out`
  int64_t deleted = 0;
  int64_t pending_ends = 0;  // end tags owed to deleted start tags
  int foreign = 0;           // open <svg> and <math> elements in `open`
  auto pop_to = [&](size_t size) {
    while (open.size() > size) {
      if (IsForeign(open.back())) --foreign;
      open.pop_back();
    }
  };

  auto drop = [&](size_t begin, size_t end) {
    if (deleted == 0) out.reserve(in.size());
    out.append(in.data() + copied, begin - copied);
    copied = end;
    ++deleted;
  };

  size_t i = 0;
  while (i < in.size()) {
    const size_t lt = in.find('<', i);
    if (lt == absl::string_view::npos || lt + 1 >= in.size()) break;
    const char next = in[lt + 1];
    if (next == '!') {  // comment, doctype or CDATA: no nesting inside
      if (in.compare(lt, 4, "<!--") == 0) {
        i = HtmlTokenScanner::ScanComment(in, lt).end;
      } else {
        const size_t end = in.find('>', lt + 2);
        i = end == absl::string_view::npos ? in.size() : end + 1;
      }
      continue;
    }
    if (next == '?') {
      const size_t end = in.find('>', lt + 2);
      i = end == absl::string_view::npos ? in.size() : end + 1;
      continue;
    }
    const bool end_tag = next == '/';
    const size_t name_at = lt + (end_tag ? 2 : 1);
    if (name_at >= in.size() ||
        !HtmlTokenScanner::IsAlpha(in[name_at])) {
      i = lt + 1;  // a '<' in text
      continue;
    }
    const size_t name_end = HtmlTokenScanner::NameEnd(in, name_at);
    const absl::string_view name = in.substr(name_at, name_end - name_at);
    const GumboTag tag =
        gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
    const TagTail tail = HtmlTokenScanner::ScanTail(in, name_end);
    const size_t tag_end = tail.end == absl::string_view::npos ? in.size() : tail.end;
    if (end_tag) {
      if (pending_ends > 0) {
        // Deleted elements were the deepest open, so their end tags come first.
        drop(lt, tag_end);
        --pending_ends;
      } else {
        size_t k = open.size();
        while (k > 0 && open[k - 1] != tag) --k;
        if (k > 0) pop_to(k - 1);
      }
      i = tag_end;
      continue;
    }
    if (IsRawText(tag)) {
      i = SkipRawText(in, tag_end, tag);
      continue;
    }
    // In SVG and MathML, unlike HTML, "/>" closes the element it opens.
    const bool self_closed = foreign > 0 && tail.self_closing;
    if (IsVoid(tag) || self_closed) {
      i = tag_end;
      continue;
    }
    for (size_t back = 0; back < kSiblingLookback && back < open.size();
         ++back) {
      const GumboTag candidate = open[open.size() - 1 - back];
      if (ClosesSibling(tag, candidate) ||
          (candidate == GUMBO_TAG_P && ClosesParagraph(tag))) {
        pop_to(open.size() - 1 - back);
        break;
      }
    }
    if (static_cast<int>(open.size()) >= max_depth) {
      drop(lt, tag_end);
      ++pending_ends;
    } else {
      open.push_back(tag);
      if (IsForeign(tag)) ++foreign;
    }
    i = tag_end;
  }
  if (deleted > 0) {
    out.append(in.data() + copied, in.size() - copied);
    *limited = std::move(out);
  }
  return deleted;
}

}  // namespace declutter::extract
