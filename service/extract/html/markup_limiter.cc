#include "service/extract/html/markup_limiter.h"

#include <gumbo.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "service/extract/html/block_level_tags.h"
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

// SVG's and MathML's elements whose content is parsed as HTML again (the
// spec's HTML and MathML text integration points).
bool IsIntegrationPoint(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_FOREIGNOBJECT:
    case GUMBO_TAG_DESC:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MI:
    case GUMBO_TAG_MO:
    case GUMBO_TAG_MN:
    case GUMBO_TAG_MS:
    case GUMBO_TAG_MTEXT:
    case GUMBO_TAG_ANNOTATION_XML:
      return true;
    default:
      return false;
  }
}

// HTML start tags that end foreign content: the parser pops every SVG and
// MathML element and reads them as HTML ("the rules for parsing tokens in
// foreign content"). <font> does too with some attributes; it is left out,
// which only errs deeper.
bool BreaksOutOfForeignContent(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_META:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_VAR:
      return true;
    default:
      return false;
  }
}

constexpr size_t kSiblingLookback = 4;

// One past the end tag that closes the raw-text element `tag` whose content
// starts at `i`, or html.size(): where the tokenizer ends it
// (HtmlTokenScanner).
size_t SkipRawText(absl::string_view html, size_t i, GumboTag tag) {
  if (tag == GUMBO_TAG_PLAINTEXT) return html.size();  // nothing ends it
  const absl::string_view name = gumbo_normalized_tagname(tag);
  const size_t end = tag == GUMBO_TAG_SCRIPT
                         ? HtmlTokenScanner::ScriptDataEnd(html, i)
                         : HtmlTokenScanner::RawTextEnd(html, i, name);
  if (end == html.size()) return end;
  const size_t close =
      HtmlTokenScanner::ScanTail(html, end + 2 + name.size()).end;
  return close == absl::string_view::npos ? html.size() : close;
}

}  // namespace

MarkupLimits MarkupLimits::ForPage(size_t page_bytes) {
  MarkupLimits limits;
  const int64_t bytes = static_cast<int64_t>(std::min<size_t>(
      page_bytes,
      std::numeric_limits<int64_t>::max() / (2 * kStructureCostPerByte)));
  limits.max_structure_cost = kMinStructureCost + kStructureCostPerByte * bytes;
  return limits;
}

MarkupLimitStats MarkupLimiter::Limit(absl::string_view in,
                                      const MarkupLimits& limits,
                                      std::string* limited) {
  const int max_depth = limits.max_depth;
  std::vector<GumboTag>
      open;  // the model's stack of open elements, <= max_depth
  open.reserve(64);
  std::string out;    // built only once a tag is deleted or flattened
  size_t copied = 0;  // in[0, copied) is already in `out`
  MarkupLimitStats stats;
  int64_t pending_ends = 0;  // end tags owed to deleted start tags
  // Per open element: whether its content is foreign (SVG or MathML, where
  // "/>" closes an element and HTML tags break out), parallel to `open`.
  std::vector<bool> foreign_inside;
  foreign_inside.reserve(64);
  auto in_foreign = [&] {
    return !foreign_inside.empty() && foreign_inside.back();
  };
  bool flattening = false;  // past max_structure_cost
  bool new_block = true;    // no text since the last block boundary
  auto pop_to = [&](size_t size) {
    while (open.size() > size) {
      open.pop_back();
      foreign_inside.pop_back();
    }
  };
  // Replaces in[begin, end) with `with` ("" or " ").
  auto cut = [&](size_t begin, size_t end, absl::string_view with) {
    if (stats.tags_deleted + stats.tags_flattened == 0) out.reserve(in.size());
    out.append(in.data() + copied, begin - copied);
    out.append(with.data(), with.size());
    copied = end;
  };
  auto drop = [&](size_t begin, size_t end) {
    cut(begin, end, "");
    ++stats.tags_deleted;
  };
  auto flatten = [&](size_t begin, size_t end) {
    cut(begin, end, " ");
    ++stats.tags_flattened;
  };
  // Adds the cost of the text in[begin, end) and of a tag after it; true
  // when the page has passed its budget.
  auto over_budget = [&](size_t begin, size_t end, int64_t elements,
                         int64_t attributes) {
    const int64_t tag_cost =
        MarkupCosts::kElement * elements + MarkupCosts::kAttribute * attributes;
    stats.elements += elements;
    stats.attributes += attributes;
    if (end > begin) {
      size_t k = begin;
      while (k < end && HtmlTokenScanner::IsSpace(in[k])) ++k;
      if (k == end) {
        ++stats.space_runs;
        stats.structure_cost += MarkupCosts::kSpaceRun;
      } else {
        ++stats.text_runs;
        stats.structure_cost += MarkupCosts::kTextRun;
        if (new_block) {
          ++stats.blocks;
          stats.structure_cost += MarkupCosts::kBlock;
        }
        new_block = false;
      }
    }
    stats.structure_cost += tag_cost;
    flattening = stats.structure_cost > limits.max_structure_cost;
    return flattening;
  };

  size_t i = 0;
  size_t text_from = 0;  // where the text before the next tag starts
  while (i < in.size()) {
    const size_t lt = in.find('<', i);
    if (lt == absl::string_view::npos || lt + 1 >= in.size()) break;
    const char next = in[lt + 1];
    if (next == '!' || next == '?') {  // comment, doctype, CDATA or PI
      size_t end;
      if (next == '!' && in.compare(lt, 4, "<!--") == 0) {
        end = HtmlTokenScanner::ScanComment(in, lt).end;
      } else {
        end = in.find('>', lt + 2);
        end = end == absl::string_view::npos ? in.size() : end + 1;
      }
      // A comment is a node of its own, however short.
      if (flattening || over_budget(text_from, lt, 1, 0)) {
        flatten(lt, end);
      } else {
        text_from = end;
      }
      i = end;
      continue;
    }
    const bool end_tag = next == '/';
    const size_t name_at = lt + (end_tag ? 2 : 1);
    if (name_at >= in.size() || !HtmlTokenScanner::IsAlpha(in[name_at])) {
      i = lt + 1;  // a '<' in text
      continue;
    }
    const size_t name_end = HtmlTokenScanner::NameEnd(in, name_at);
    const absl::string_view name = in.substr(name_at, name_end - name_at);
    const GumboTag tag =
        gumbo_tagn_enum(name.data(), static_cast<unsigned int>(name.size()));
    const TagTail tail = HtmlTokenScanner::ScanTail(in, name_end);
    const size_t tag_end =
        tail.end == absl::string_view::npos ? in.size() : tail.end;
    if (flattening) {
      flatten(lt, !end_tag && IsRawText(tag) ? SkipRawText(in, tag_end, tag)
                                             : tag_end);
      i = copied;
      continue;
    }
    if (end_tag) {
      size_t k = open.size();
      while (k > 0 && open[k - 1] != tag) --k;
      // An end tag that closes nothing still makes an element of "</p>" and
      // "</br>"; costing every such one errs high.
      if (over_budget(text_from, lt, pending_ends == 0 && k == 0 ? 1 : 0, 0)) {
        flatten(lt, tag_end);
        i = tag_end;
        continue;
      }
      new_block = new_block || StartsBlock(tag);
      if (pending_ends > 0) {
        // Deleted elements were the deepest open, so their end tags come first.
        drop(lt, tag_end);
        --pending_ends;
      } else if (k > 0) {
        pop_to(k - 1);
      }
      i = text_from = tag_end;
      continue;
    }
    if (over_budget(text_from, lt, 1, tail.attribute_count)) {
      flatten(lt, IsRawText(tag) ? SkipRawText(in, tag_end, tag) : tag_end);
      i = copied;
      continue;
    }
    if (IsRawText(tag)) {
      i = text_from = SkipRawText(in, tag_end, tag);
      continue;
    }
    i = text_from = tag_end;
    new_block = new_block || StartsBlock(tag);
    // In SVG and MathML, unlike HTML, "/>" closes the element it opens.
    const bool self_closed = in_foreign() && tail.self_closing;
    if (in_foreign() && BreaksOutOfForeignContent(tag)) {
      size_t k = open.size();
      while (k > 0 && foreign_inside[k - 1]) --k;
      pop_to(k);
      pending_ends = 0;  // deleted elements were inside, and are closed too
    }
    if (IsVoid(tag) || self_closed) continue;
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
      foreign_inside.push_back(IsForeign(tag) ||
                               (in_foreign() && !IsIntegrationPoint(tag)));
      open.push_back(tag);
    }
  }
  if (stats.tags_deleted > 0 || stats.tags_flattened > 0) {
    out.append(in.data() + copied, in.size() - copied);
    *limited = std::move(out);
  }
  return stats;
}

}  // namespace declutter::extract
