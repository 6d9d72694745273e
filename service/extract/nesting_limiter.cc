#include "service/extract/nesting_limiter.h"

#include <array>
#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace declutter::extract {
namespace {

// Tag names longer than this are not HTML elements anyone nests deeply.
constexpr size_t kMaxName = 16;

using Name = std::array<char, kMaxName + 1>;

bool Is(const Name& name, const char* s) {
  return std::strcmp(name.data(), s) == 0;
}
bool Is(const Name& a, const Name& b) {
  return std::strcmp(a.data(), b.data()) == 0;
}

bool IsAnyOf(const Name& name, std::initializer_list<const char*> names) {
  for (const char* s : names) {
    if (Is(name, s)) return true;
  }
  return false;
}

// HTML's void elements: never opened, so never deepen the tree.
bool IsVoid(const Name& n) {
  return IsAnyOf(n, {"area", "base", "basefont", "bgsound", "br", "col",
                     "embed", "frame", "hr", "img", "input", "keygen", "link",
                     "meta", "param", "source", "track", "wbr", "image"});
}

// Elements whose content is raw text up to their own end tag.
bool IsRawText(const Name& n) {
  return IsAnyOf(n, {"script", "style", "textarea", "title", "xmp", "iframe",
                     "noembed", "noframes", "plaintext"});
}

// Start tags that close an open element of the same family (the parser's
// implied end tags); the open one is looked for among the top few entries only,
// as the parser's scope rules stop at the enclosing list or table.
bool ClosesSibling(const Name& incoming, const Name& open) {
  if (Is(incoming, "li")) return Is(open, "li");
  if (Is(incoming, "dt") || Is(incoming, "dd"))
    return Is(open, "dt") || Is(open, "dd");
  if (Is(incoming, "td") || Is(incoming, "th"))
    return Is(open, "td") || Is(open, "th");
  if (Is(incoming, "tr")) return Is(open, "tr");  // and the cells above it
  if (Is(incoming, "option")) return Is(open, "option");
  return false;
}

// Start tags that close an open <p> (the "close a p element" steps of the
// spec).
bool ClosesParagraph(const Name& n) {
  return IsAnyOf(
      n, {"p",          "div",        "ul",      "ol",     "dl",      "table",
          "section",    "article",    "aside",   "header", "footer",  "nav",
          "main",       "blockquote", "pre",     "form",   "h1",      "h2",
          "h3",         "h4",         "h5",      "h6",     "address", "figure",
          "fieldset",   "details",    "menu",    "center", "listing", "hgroup",
          "figcaption", "dir",        "summary", "search"});
}

constexpr size_t kSiblingLookback = 4;

// Reads a tag name at `html[i]` (lower-cased, cut at kMaxName); returns the
// index after it.
size_t ReadName(absl::string_view html, size_t i, Name* name) {
  size_t len = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>' || c == '/' ||
        absl::ascii_isspace(static_cast<unsigned char>(c)))
      break;
    if (len < kMaxName)
      (*name)[len++] = absl::ascii_tolower(static_cast<unsigned char>(c));
    ++i;
  }
  (*name)[len] = '\0';
  return i;
}

// The index just past the '>' closing a tag whose attributes start at `i`,
// honouring quoted attribute values; html.size() when the tag never closes.
size_t SkipAttributes(absl::string_view html, size_t i) {
  char quote = 0;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open a value right after '='.
      size_t j = i;
      while (j > 0 &&
             absl::ascii_isspace(static_cast<unsigned char>(html[j - 1])))
        --j;
      if (j > 0 && html[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

// The index just past the end tag `</name...>` of a raw-text element, searched
// case-insensitively from `i`; html.size() when there is none.
size_t SkipRawText(absl::string_view html, size_t i, const Name& name) {
  const size_t len = std::strlen(name.data());
  while (true) {
    i = html.find("</", i);
    if (i == absl::string_view::npos) return html.size();
    if (i + 2 + len <= html.size() &&
        absl::EqualsIgnoreCase(html.substr(i + 2, len),
                               absl::string_view(name.data(), len))) {
      return SkipAttributes(html, i + 2 + len);
    }
    i += 2;
  }
}

}  // namespace

int64_t NestingLimiter::Limit(absl::string_view in, std::string* limited,
                              int max_depth) {
  std::vector<Name>
      open;  // the model's stack of open elements, at most max_depth
  open.reserve(64);
  std::string out;    // built only once a tag is deleted
  size_t copied = 0;  // in[0, copied) is already in `out`
  int64_t deleted = 0;
  int64_t pending_ends = 0;  // end tags owed to deleted start tags
  int foreign = 0;           // open <svg> and <math> elements in `open`
  auto is_foreign = [](const Name& n) { return Is(n, "svg") || Is(n, "math"); };
  auto pop_to = [&](size_t size) {
    while (open.size() > size) {
      if (is_foreign(open.back())) --foreign;
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
        const size_t end = in.find("-->", lt + 4);
        i = end == absl::string_view::npos ? in.size() : end + 3;
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
        !absl::ascii_isalpha(static_cast<unsigned char>(in[name_at]))) {
      i = lt + 1;  // a '<' in text
      continue;
    }
    Name name;
    const size_t tag_end = SkipAttributes(in, ReadName(in, name_at, &name));
    if (end_tag) {
      if (pending_ends > 0) {
        // Deleted elements were the deepest open, so their end tags come first.
        drop(lt, tag_end);
        --pending_ends;
      } else {
        size_t k = open.size();
        while (k > 0 && !Is(open[k - 1], name)) --k;
        if (k > 0) pop_to(k - 1);
      }
      i = tag_end;
      continue;
    }
    if (IsRawText(name)) {
      i = SkipRawText(in, tag_end, name);
      continue;
    }
    // In SVG and MathML, unlike HTML, "/>" closes the element it opens.
    const bool self_closed =
        foreign > 0 && tag_end >= 2 && in[tag_end - 2] == '/';
    if (IsVoid(name) || self_closed) {
      i = tag_end;
      continue;
    }
    for (size_t back = 0; back < kSiblingLookback && back < open.size();
         ++back) {
      const Name& candidate = open[open.size() - 1 - back];
      if (ClosesSibling(name, candidate) ||
          (Is(candidate, "p") && ClosesParagraph(name))) {
        pop_to(open.size() - 1 - back);
        break;
      }
    }
    if (static_cast<int>(open.size()) >= max_depth) {
      drop(lt, tag_end);
      ++pending_ends;
    } else {
      open.push_back(name);
      if (is_foreign(name)) ++foreign;
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
