#include "service/extract/html/html_token_scanner.h"

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace declutter::extract {
namespace {

constexpr size_t kNpos = absl::string_view::npos;

// The index of the next `c` at or after `i`, or html.size().
size_t Find(absl::string_view html, size_t i, char c) {
  if (i >= html.size()) return html.size();
  const void* hit = std::memchr(html.data() + i, c, html.size() - i);
  return hit == nullptr ? html.size()
                        : static_cast<const char*>(hit) - html.data();
}

// Whether `html[i...]` is `lower_name` (ignoring case) followed by a space,
// '/' or '>': the "appropriate end tag" test of the raw text states.
bool IsEndTagName(absl::string_view html, size_t i,
                  absl::string_view lower_name) {
  if (html.size() - i <= lower_name.size()) return false;
  if (!absl::EqualsIgnoreCase(html.substr(i, lower_name.size()), lower_name)) {
    return false;
  }
  const char after = html[i + lower_name.size()];
  return HtmlTokenScanner::IsSpace(after) || after == '/' || after == '>';
}

// Reads ASCII letters from `i` and sets `*next` past them and the character
// that ends them: true when they spell "script" (any case) ended by a space,
// '/' or '>', the condition that starts and ends a script's double escape.
bool ScriptNameEnds(absl::string_view html, size_t i, size_t* next) {
  const size_t start = i;
  while (i < html.size() && HtmlTokenScanner::IsAlpha(html[i])) ++i;
  const bool ended = i < html.size() && (HtmlTokenScanner::IsSpace(html[i]) ||
                                         html[i] == '/' || html[i] == '>');
  *next = ended ? i + 1 : i;
  return ended &&
         absl::EqualsIgnoreCase(html.substr(start, i - start), "script");
}

}  // namespace

size_t HtmlTokenScanner::NameEnd(absl::string_view html, size_t i) {
  while (i < html.size() && !IsSpace(html[i]) && html[i] != '/' &&
         html[i] != '>')
    ++i;
  return i;
}

TagTail HtmlTokenScanner::ScanTail(absl::string_view html, size_t i,
                                   std::vector<AttributeSpan>* attributes) {
  enum class State {
    kBeforeName,
    kName,
    kAfterName,
    kBeforeValue,
    kUnquoted,
    kAfterQuoted,
    kSelfClosing,
  };
  TagTail tail;
  State state = State::kBeforeName;
  AttributeSpan current;  // the attribute being read, while `open`
  bool open = false;
  bool is_type = false;
  size_t value_begin = 0;
  auto start_name = [&] {
    if (open && attributes != nullptr) attributes->push_back(current);
    current = {i, i, i};
    open = true;
    ++tail.attribute_count;
    is_type = false;
    state = State::kName;
  };
  auto end_name = [&] {
    current.name_end = current.end = i;
    is_type = i - current.begin == 4 &&
              absl::EqualsIgnoreCase(html.substr(current.begin, 4), "type");
    if (is_type) ++tail.type_count;
  };
  auto take_value = [&](size_t begin, size_t end, size_t span_end) {
    if (is_type && tail.type_count == 1)
      tail.type = html.substr(begin, end - begin);
    current.end = span_end;
  };
  auto finish = [&](size_t end, bool self_closing) {
    if (open && attributes != nullptr) attributes->push_back(current);
    tail.end = end;
    tail.self_closing = self_closing;
    return tail;
  };
  while (i < html.size()) {
    const char c = html[i];
    switch (state) {
      case State::kBeforeName:
        if (c == '>') return finish(i + 1, false);
        if (c == '/') {
          state = State::kSelfClosing;
        } else if (!IsSpace(c)) {
          start_name();  // '=' here starts a name, as the tokenizer says
        }
        ++i;
        break;
      case State::kName:
        if (IsSpace(c) || c == '/' || c == '=' || c == '>') {
          end_name();
          if (c == '>') return finish(i + 1, false);
          state = c == '/'   ? State::kSelfClosing
                  : c == '=' ? State::kBeforeValue
                             : State::kAfterName;
        }
        ++i;
        break;
      case State::kAfterName:
        if (c == '>') return finish(i + 1, false);
        if (c == '/') {
          state = State::kSelfClosing;
        } else if (c == '=') {
          state = State::kBeforeValue;
        } else if (!IsSpace(c)) {
          start_name();
        }
        ++i;
        break;
      case State::kBeforeValue:
        if (c == '>')
          return finish(i + 1, false);  // a missing value ends the tag
        if (c == '"' || c == '\'') {
          const size_t close = Find(html, i + 1, c);
          if (close == html.size())
            return tail;  // the document ends in the value
          take_value(i + 1, close, close + 1);
          i = close + 1;
          state = State::kAfterQuoted;
          break;
        }
        if (!IsSpace(c)) {
          value_begin = i;
          state = State::kUnquoted;
        }
        ++i;
        break;
      case State::kUnquoted:
        if (IsSpace(c) || c == '>') {
          take_value(value_begin, i, i);
          if (c == '>') return finish(i + 1, false);
          state = State::kBeforeName;
        }
        ++i;
        break;
      case State::kAfterQuoted:
        if (c == '>') return finish(i + 1, false);
        if (c == '/') {
          state = State::kSelfClosing;
          ++i;
        } else {
          state = State::kBeforeName;
          if (IsSpace(c)) ++i;  // anything else is reconsumed
        }
        break;
      case State::kSelfClosing:
        if (c == '>') return finish(i + 1, true);
        state = State::kBeforeName;  // reconsumed
        break;
    }
  }
  return tail;
}

CommentSpan HtmlTokenScanner::ScanComment(absl::string_view html, size_t i) {
  CommentSpan span;
  span.body_begin = i + 4;
  const absl::string_view rest = html.substr(span.body_begin);
  // "<!-->" and "<!--->" are whole (empty) comments.
  if (absl::StartsWith(rest, ">") || absl::StartsWith(rest, "->")) {
    span.body_end = span.body_begin;
    span.end = span.body_begin + (rest[0] == '>' ? 1 : 2);
    return span;
  }
  // Otherwise the first "--" followed by ">" or "!>" ends it; "---" runs and
  // "--!" followed by anything else stay in the comment.
  size_t from = span.body_begin;
  while (true) {
    const size_t dashes = html.find("--", from);
    if (dashes == kNpos) break;
    const absl::string_view after = html.substr(dashes + 2);
    if (absl::StartsWith(after, ">") || absl::StartsWith(after, "!>")) {
      span.body_end = dashes;
      span.end = dashes + 2 + (after[0] == '>' ? 1 : 2);
      return span;
    }
    from = dashes + 1;
  }
  span.body_end = span.end = html.size();
  return span;
}

size_t HtmlTokenScanner::RawTextEnd(absl::string_view html, size_t i,
                                    absl::string_view lower_name) {
  while (true) {
    i = Find(html, i, '<');
    if (i == html.size()) return i;
    if (i + 1 < html.size() && html[i + 1] == '/' &&
        IsEndTagName(html, i + 2, lower_name)) {
      return i;
    }
    ++i;
  }
}

size_t HtmlTokenScanner::ScriptDataEnd(absl::string_view html, size_t i) {
  enum class State {
    kData,
    kEscaped,
    kEscapedDash,
    kEscapedDashDash,
    kDoubleEscaped,
    kDoubleEscapedDash,
    kDoubleEscapedDashDash,
  };
  State state = State::kData;
  const size_t n = html.size();
  while (i < n) {
    if (state == State::kData) {
      i = Find(html, i, '<');
      if (i + 1 >= n) return n;
      if (html[i + 1] == '/') {
        if (IsEndTagName(html, i + 2, "script")) return i;
        i += 2;  // "</" and any letters after it are text
      } else if (html[i + 1] == '!' && i + 3 < n && html[i + 2] == '-' &&
                 html[i + 3] == '-') {
        state = State::kEscapedDashDash;  // "<!--"
        i += 4;
      } else {
        i += 1;  // the next character is reconsumed as data
      }
      continue;
    }
    const bool doubled = state == State::kDoubleEscaped ||
                         state == State::kDoubleEscapedDash ||
                         state == State::kDoubleEscapedDashDash;
    const char c = html[i];
    if (c == '-') {
      state = doubled ? (state == State::kDoubleEscaped
                             ? State::kDoubleEscapedDash
                             : State::kDoubleEscapedDashDash)
                      : (state == State::kEscaped ? State::kEscapedDash
                                                  : State::kEscapedDashDash);
      ++i;
    } else if (c == '>' && (state == State::kEscapedDashDash ||
                            state == State::kDoubleEscapedDashDash)) {
      state = State::kData;  // "-->" ends the escape
      ++i;
    } else if (c == '<' && !doubled) {
      // The escaped less-than sign state.
      if (i + 1 < n && html[i + 1] == '/') {
        if (IsEndTagName(html, i + 2, "script")) return i;
        state = State::kEscaped;
        i += 2;
      } else if (i + 1 < n && IsAlpha(html[i + 1])) {
        // "<script" followed by a space, '/' or '>' starts the double escape.
        state = ScriptNameEnds(html, i + 1, &i) ? State::kDoubleEscaped
                                                : State::kEscaped;
      } else {
        state = State::kEscaped;
        i += 1;
      }
    } else if (c == '<') {
      // The double escaped less-than sign state: "</script" followed by a
      // space, '/' or '>' ends the double escape (back to escaped).
      if (i + 1 < n && html[i + 1] == '/') {
        state = ScriptNameEnds(html, i + 2, &i) ? State::kEscaped
                                                : State::kDoubleEscaped;
      } else {
        state = State::kDoubleEscaped;
        i += 1;
      }
    } else {
      state = doubled ? State::kDoubleEscaped : State::kEscaped;
      ++i;
    }
  }
  return n;
}

}  // namespace declutter::extract
