#include "service/extract/html/inert_content_stripper.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "service/extract/html/html_token_scanner.h"

namespace declutter::extract {
namespace {

using Scanner = HtmlTokenScanner;

// Where the tokenizer's tree builder is, as far as tokenizing depends on it.
enum class Mode {
  kHtml,     // HTML content: raw text elements switch the tokenizer's state
  kSelect,   // inside <select>: only <script> and <textarea> do
  kForeign,  // inside <svg>: no element does; "<![CDATA[" opens a section
};

// Foreign elements are followed only while they are plain SVG drawing
// elements, or <title> and <desc> holding only text: not foreignObject (an
// HTML integration point), not names that break out to HTML (b, div, p, span,
// font, ...), not script.
// Sorted, lower case.
constexpr std::array<absl::string_view, 59> kPlainSvgElements = {
    "a",
    "animate",
    "animatemotion",
    "animatetransform",
    "circle",
    "clippath",
    "defs",
    "ellipse",
    "feblend",
    "fecolormatrix",
    "fecomponenttransfer",
    "fecomposite",
    "feconvolvematrix",
    "fediffuselighting",
    "fedisplacementmap",
    "fedistantlight",
    "fedropshadow",
    "feflood",
    "fefunca",
    "fefuncb",
    "fefuncg",
    "fefuncr",
    "fegaussianblur",
    "feimage",
    "femerge",
    "femergenode",
    "femorphology",
    "feoffset",
    "fepointlight",
    "fespecularlighting",
    "fespotlight",
    "fetile",
    "feturbulence",
    "filter",
    "g",
    "glyph",
    "image",
    "line",
    "lineargradient",
    "marker",
    "mask",
    "metadata",
    "mpath",
    "path",
    "pattern",
    "polygon",
    "polyline",
    "radialgradient",
    "rect",
    "set",
    "stop",
    "style",
    "svg",
    "switch",
    "symbol",
    "text",
    "textpath",
    "tspan",
    "use",
};

// Table parts: inside a table they close an open <select>.
bool IsTablePart(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// Elements whose attributes the tree builder compares (the active formatting
// elements' "Noah's Ark" rule) or copies into elements it makes (isindex).
bool IsFormattingElement(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_NOBR:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_ISINDEX:
      return true;
    default:
      return false;
  }
}

// Deeper foreign nesting than this is not followed (the pass stops).
constexpr size_t kMaxForeignDepth = 256;

bool IsPlainSvgElement(absl::string_view lower_name) {
  return std::binary_search(kPlainSvgElements.begin(), kPlainSvgElements.end(),
                            lower_name);
}

// Start tags that change how <select>'s content is tokenized or that leave it
// in ways this pass does not follow (table parts close a <select> only inside a
// table).
bool UnfollowedInSelect(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
      return true;
    default:
      return IsTablePart(tag);
  }
}

// Whether a script with this `type` attribute is JSON-LD, which the metadata
// stage reads, or might be: a value with character references is decoded by
// the parser, so it is kept.
bool MayBeJsonLd(const TagTail& tail) {
  if (tail.type_count == 0) return false;
  if (tail.type_count > 1 || absl::StrContains(tail.type, '&')) return true;
  return absl::StrContains(absl::AsciiStrToLower(tail.type), "ld+json");
}

// One past the next '>' at or after `i` (the end of a DOCTYPE or a bogus
// comment), or html.size().
size_t PastNextGreater(absl::string_view html, size_t i) {
  const size_t gt = html.find('>', i);
  return gt == absl::string_view::npos ? html.size() : gt + 1;
}

class Stripper {
 public:
  Stripper(absl::string_view html, std::string* out) : html_(html), out_(out) {}

  StripStats Run() {
    const size_t n = html_.size();
    size_t i = 0;
    while (i < n) {
      const void* lt = std::memchr(html_.data() + i, '<', n - i);
      if (lt == nullptr) {
        CollapseWhitespace(i, n);
        break;
      }
      const size_t text_begin = i;
      i = static_cast<const char*>(lt) - html_.data();
      CollapseWhitespace(text_begin, i);
      if (i + 1 >= n) break;
      const char next = html_[i + 1];
      size_t resume = 0;
      if (next == '!') {
        resume = MarkupDeclaration(i);
      } else if (next == '?') {
        resume = PastNextGreater(html_, i + 2);  // a bogus comment
      } else if (next == '/') {
        resume = EndTag(i);
      } else if (Scanner::IsAlpha(next)) {
        resume = StartTag(i);
      } else {
        resume = i + 1;  // a lone '<' is text
      }
      if (resume == absl::string_view::npos) break;
      i = resume;
    }
    if (stats_.bytes_removed > 0)
      out_->append(html_.data() + copied_, n - copied_);
    return stats_;
  }

 private:
  static constexpr size_t kStop = absl::string_view::npos;

  // Drops html_[begin, end) from the output.
  void Cut(size_t begin, size_t end) {
    if (end <= begin) return;
    if (stats_.bytes_removed == 0) {
      out_->clear();
      out_->reserve(html_.size());
    }
    out_->append(html_.data() + copied_, begin - copied_);
    copied_ = end;
    stats_.bytes_removed += static_cast<int64_t>(end - begin);
  }

  // Cuts each run of whitespace in the text html_[begin, end) to its first
  // byte (a CR left alone is read as a line feed, as CR LF is).
  void CollapseWhitespace(size_t begin, size_t end) {
    if (keep_whitespace_) return;
    for (size_t k = begin; k < end; ++k) {
      if (!IsHtmlSpace(html_[k])) continue;
      size_t run_end = k + 1;
      while (run_end < end && IsHtmlSpace(html_[run_end])) ++run_end;
      if (run_end - k > 1) {
        Cut(k + 1, run_end);
        stats_.whitespace_removed += static_cast<int64_t>(run_end - k - 1);
      }
      k = run_end;  // html_[run_end] is not whitespace
    }
  }

  // The tokenizer's whitespace.
  static bool IsHtmlSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  size_t Stop(size_t at) {
    stats_.stopped_at = static_cast<int64_t>(at);
    return kStop;
  }

  // "<!" at `i`: a comment, a DOCTYPE, a CDATA section or a bogus comment.
  size_t MarkupDeclaration(size_t i) {
    const absl::string_view rest = html_.substr(i);
    if (absl::StartsWith(rest, "<!--")) {
      const CommentSpan span = Scanner::ScanComment(html_, i);
      if (span.body_end > span.body_begin) ++stats_.comments;
      Cut(span.body_begin, span.body_end);
      return span.end;
    }
    if (mode_ == Mode::kForeign && absl::StartsWith(rest, "<![CDATA["))
      return Stop(i);
    return PastNextGreater(html_,
                           i + 2);  // DOCTYPE and bogus comments end at '>'
  }

  // Reads the tag's name (into raw_name_ and, looked up in Gumbo's own table,
  // tag_) and attributes (into attributes_); false when the document ends
  // inside it.
  bool ReadTag(size_t name_begin, TagTail* tail) {
    const size_t name_end = Scanner::NameEnd(html_, name_begin);
    raw_name_ = html_.substr(name_begin, name_end - name_begin);
    tag_ = gumbo_tagn_enum(raw_name_.data(),
                           static_cast<unsigned>(raw_name_.size()));
    attributes_.clear();
    *tail = Scanner::ScanTail(html_, name_end, &attributes_);
    return tail->end != absl::string_view::npos;
  }

  // The current tag's name in lower case: foreign elements are matched by name,
  // and most are not in Gumbo's table.
  const std::string& LowerName() {
    lower_name_.assign(raw_name_.data(), raw_name_.size());
    absl::AsciiStrToLower(&lower_name_);
    return lower_name_;
  }

  // Drops the HTML start tag's attributes that nobody reads.
  void DropUnreadAttributes() {
    if (IsFormattingElement(tag_)) return;
    for (const AttributeSpan& a : attributes_) {
      if (InertContentStripper::KeepsAttribute(
              std::string_view(html_.data() + a.begin, a.name_end - a.begin))) {
        continue;
      }
      ++stats_.attributes;
      Cut(a.begin, a.end);
    }
  }

  size_t EndTag(size_t i) {
    if (i + 2 >= html_.size()) return kStop;  // "</" at the end is text
    const char c = html_[i + 2];
    if (c == '>') return i + 3;  // "</>" is dropped
    if (!Scanner::IsAlpha(c))
      return PastNextGreater(html_, i + 2);  // bogus comment
    TagTail tail;
    if (!ReadTag(i + 2, &tail)) return kStop;
    switch (mode_) {
      case Mode::kHtml:
        if (tag_ == GUMBO_TAG_TEMPLATE && template_depth_ > 0)
          --template_depth_;
        break;
      case Mode::kSelect:
        if (tag_ == GUMBO_TAG_SELECT) {
          mode_ = Mode::kHtml;
        } else if (tag_ == GUMBO_TAG_TEMPLATE || IsTablePart(tag_)) {
          return Stop(i);
        }
        break;
      case Mode::kForeign: {
        // The parser pops to the nearest open foreign element of that name;
        // with none, the end tag reaches the HTML elements around the <svg>.
        auto open = std::find(foreign_.rbegin(), foreign_.rend(), LowerName());
        if (open == foreign_.rend()) return Stop(i);
        foreign_.erase(std::prev(open.base()), foreign_.end());
        if (foreign_.empty()) mode_ = Mode::kHtml;
        break;
      }
    }
    return tail.end;
  }

  size_t StartTag(size_t i) {
    TagTail tail;
    if (!ReadTag(i + 1, &tail)) return kStop;
    const size_t body = tail.end;
    if (tag_ == GUMBO_TAG_PRE || tag_ == GUMBO_TAG_LISTING) keep_whitespace_ = true;
    if (mode_ == Mode::kForeign) {
      // <title> and <desc> are HTML integration points: text in them is plain
      // text, but a start tag there would be an HTML element.
      const bool in_text_point =
          foreign_.back() == "title" || foreign_.back() == "desc";
      const std::string& name = LowerName();
      const bool text_point = name == "title" || name == "desc";
      if (in_text_point || (!text_point && !IsPlainSvgElement(name)))
        return Stop(i);
      if (!tail.self_closing) {
        if (foreign_.size() >= kMaxForeignDepth) return Stop(i);
        foreign_.push_back(name);
      }
      return body;
    }
    DropUnreadAttributes();
    if (tag_ == GUMBO_TAG_SCRIPT) {
      const size_t end = Scanner::ScriptDataEnd(html_, body);
      if (!MayBeJsonLd(tail) && end > body) {
        ++stats_.scripts;
        Cut(body, end);
      }
      return end;
    }
    const absl::string_view name = gumbo_normalized_tagname(tag_);
    if (mode_ == Mode::kSelect) {
      switch (tag_) {
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_KEYGEN:
          mode_ = Mode::kHtml;  // each closes the open <select>
          return body;
        case GUMBO_TAG_TEXTAREA:
          mode_ = Mode::kHtml;
          return Scanner::RawTextEnd(html_, body, name);
        default:
          // Other tags in a <select> are options or ignored.
          return UnfollowedInSelect(tag_) ? Stop(i) : body;
      }
    }
    switch (tag_) {
      case GUMBO_TAG_STYLE: {
        const size_t end = Scanner::RawTextEnd(html_, body, name);
        if (end > body) {
          ++stats_.styles;
          Cut(body, end);
        }
        return end;
      }
      case GUMBO_TAG_XMP:
      case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_NOEMBED:
      case GUMBO_TAG_NOFRAMES:
      case GUMBO_TAG_TITLE:
      case GUMBO_TAG_TEXTAREA:
        return Scanner::RawTextEnd(html_, body,
                                   name);  // text the engine may read
      case GUMBO_TAG_PLAINTEXT:
        return kStop;  // the rest of the page is text
      case GUMBO_TAG_SVG:
        if (!tail.self_closing) {
          mode_ = Mode::kForeign;
          foreign_.assign(1, "svg");
        }
        return body;
      case GUMBO_TAG_SELECT:
        mode_ = Mode::kSelect;
        return body;
      case GUMBO_TAG_TEMPLATE:
        ++template_depth_;
        return body;
      case GUMBO_TAG_MATH:  // MathML's text integration points
        return tail.self_closing ? body : Stop(i);
      case GUMBO_TAG_FRAMESET:
        return Stop(i);
      case GUMBO_TAG_COL:
      case GUMBO_TAG_COLGROUP:
        // A <col> in a <template> makes the parser ignore the tags after it
        // until a table part.
        return template_depth_ > 0 ? Stop(i) : body;
      default:
        return body;
    }
  }

  const absl::string_view html_;
  std::string* const out_;
  size_t copied_ = 0;
  StripStats stats_;
  Mode mode_ = Mode::kHtml;
  int template_depth_ = 0;
  bool keep_whitespace_ = false;  // set at the first <pre> or <listing>
  std::vector<std::string> foreign_;  // open foreign elements, lower case
  absl::string_view raw_name_;        // the current tag's name, as written
  GumboTag tag_ = GUMBO_TAG_UNKNOWN;
  std::string lower_name_;                 // see LowerName()
  std::vector<AttributeSpan> attributes_;  // the current tag's attributes
};

}  // namespace

bool InertContentStripper::KeepsAllAttributes(absl::string_view name) {
  return IsFormattingElement(
      gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size())));
}

StripStats InertContentStripper::Strip(absl::string_view html,
                                       std::string* stripped) {
  return Stripper(html, stripped).Run();
}

}  // namespace declutter::extract
