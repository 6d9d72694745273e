#include "service/extract/metadata/credit_reader.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "service/extract/metadata/date_parser.h"

namespace declutter::extract {
namespace {

// A lead credit's bracket opens within this many bytes of its paragraph's
// start ("长江网10月4日讯（" is 25 bytes), and a credit in brackets is at most
// this long.
constexpr size_t kLeadBracketWithin = 60;
constexpr size_t kMaxBracketBytes = 90;
// The lead credit is looked for in this many first selected blocks, the
// closing credit in this many last ones.
constexpr size_t kLeadBlocks = 6;
constexpr size_t kClosingBlocks = 6;
// A dateline that may carry the site's unlabelled outlet is at most this long
// (code points).
constexpr int32_t kMaxDatelineChars = 60;

constexpr absl::string_view kOpenBrackets[] = {"\xEF\xBC\x88", "("};   // （ (
constexpr absl::string_view kCloseBrackets[] = {"\xEF\xBC\x89", ")"};  // ） )
// What ends a sentence right before a closing credit: 。！？ . ! ?
constexpr absl::string_view kSentenceEnds[] = {
    "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", ".", "!", "?"};

// Folds `from` into `into`: the first source, the editor in charge over a
// plain editor, every author once.
void Merge(const InfoLine& from, InfoLine* into) {
  if (into->source.empty()) into->source = from.source;
  for (const std::string& name : from.editors) {
    if (std::find(into->editors.begin(), into->editors.end(), name) ==
        into->editors.end())
      into->editors.push_back(name);
  }
  if (!from.editor.empty() &&
      (into->editor.empty() ||
       (from.editor_in_charge && !into->editor_in_charge))) {
    into->editor = from.editor;
    into->editor_in_charge = from.editor_in_charge;
  }
  for (auto [names, into_names] :
       {std::pair{&from.authors, &into->authors},
        std::pair{&from.contributors, &into->contributors}}) {
    for (const std::string& name : *names) {
      if (std::find(into_names->begin(), into_names->end(), name) ==
          into_names->end())
        into_names->push_back(name);
    }
  }
}

// The credit in brackets a paragraph opens with, after its dateline
// ("新京报讯（记者 陆一夫）", "新华社北京5月9日电（刘艺、杨吉）").
InfoLine LeadCredit(absl::string_view text) {
  for (size_t k = 0; k < 2; ++k) {
    const size_t open = text.find(kOpenBrackets[k]);
    if (open == absl::string_view::npos || open > kLeadBracketWithin) continue;
    const size_t from = open + kOpenBrackets[k].size();
    const size_t close = text.find(kCloseBrackets[k], from);
    if (close == absl::string_view::npos || close - from > kMaxBracketBytes)
      continue;
    const absl::string_view inside = text.substr(from, close - from);
    InfoLine l = InfoLineParser::Parse(inside);
    if (!l.Persons().empty()) return l;
    // Unlabelled names count only right after the dateline's 电 or 讯.
    const absl::string_view before = text.substr(0, open);
    if (absl::EndsWith(before, "\xE7\x94\xB5") ||  // 电
        absl::EndsWith(before, "\xE8\xAE\xAF") ||  // 讯
        absl::EndsWith(before, "\xE9\x9B\xBB") ||  // 電
        absl::EndsWith(before, "\xE8\xA8\x8A")) {  // 訊
      l.authors = InfoLineParser::BareNames(inside);
      return l;
    }
  }
  return {};
}

// The credit in brackets a paragraph closes with, after its last sentence
// ("…举行。（张巨峰）", "…需要。(文/图 刘玺东 易赛楠)"), or a paragraph that
// is only such a credit.
InfoLine ClosingCredit(absl::string_view text) {
  text = absl::StripTrailingAsciiWhitespace(text);
  for (size_t k = 0; k < 2; ++k) {
    if (!absl::EndsWith(text, kCloseBrackets[k])) continue;
    const absl::string_view body =
        text.substr(0, text.size() - kCloseBrackets[k].size());
    const size_t open = body.rfind(kOpenBrackets[k]);
    if (open == absl::string_view::npos) continue;
    const size_t from = open + kOpenBrackets[k].size();
    if (body.size() - from > kMaxBracketBytes) continue;
    const absl::string_view inside = body.substr(from);
    InfoLine l = InfoLineParser::Parse(inside);
    if (!l.empty()) return l;
    // Unlabelled names close a paragraph only after its last sentence: a
    // bracket inside a sentence ("（详见下文）") is prose.
    const absl::string_view before =
        absl::StripTrailingAsciiWhitespace(body.substr(0, open));
    const bool after_sentence =
        before.empty() ||
        std::any_of(
            std::begin(kSentenceEnds), std::end(kSentenceEnds),
            [&](absl::string_view e) { return absl::EndsWith(before, e); });
    if (after_sentence) l.authors = InfoLineParser::BareNames(inside);
    return l;
  }
  return {};
}

// What a dateline prints unlabelled around its date: the blog's poster
// ("Jeremy Tsheng 于 2023-03-12 13:08:03 发布"), the outlet ("2019年11月25日
// 18:57 参考消息") or the authors ("2020-06-05 20:35 叨叨姐 胡一刀"); empty
// when none.
InfoLine AfterDate(const Block& b) {
  InfoLine out;
  if (b.features.text.chars > kMaxDatelineChars) return out;
  const std::optional<ParsedDate> d = DateParser::Find(b.text);
  if (!d) return out;
  const absl::string_view text = b.text;
  const absl::string_view after = text.substr(d->end);
  if (std::string poster =
          InfoLineParser::PosterBeforeDate(text.substr(0, d->begin), after);
      !poster.empty()) {
    out.authors.push_back(std::move(poster));
    return out;
  }
  out.source = InfoLineParser::OutletAfterDate(after);
  if (out.source.empty()) out.authors = InfoLineParser::NamesAfterDate(after);
  return out;
}

}  // namespace

CreditWindows CreditWindows::Around(const BlockList& blocks,
                                    absl::string_view title,
                                    size_t header_blocks_after_start,
                                    size_t tail_blocks_after) {
  CreditWindows w;
  w.header_end = blocks.size();
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].selected) {
      w.header_end = std::min(blocks.size(), i + header_blocks_after_start);
      break;
    }
  }
  if (!title.empty()) {
    for (size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].text == title) {
        w.title_block = i;
        w.header_end = std::max(
            w.header_end,
            std::min(blocks.size(), i + 1 + header_blocks_after_start));
        break;
      }
    }
  }
  w.tail_end = blocks.size();
  for (size_t i = blocks.size(); i > 0; --i) {
    if (blocks[i - 1].selected) {
      w.tail_end = std::min(blocks.size(), i + tail_blocks_after);
      break;
    }
  }
  return w;
}

InfoLine CreditReader::Read(const BlockList& blocks,
                            const CreditWindows& windows) {
  InfoLine out;
  auto read_lines = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end && i < blocks.size(); ++i) {
      if (blocks[i].features.text.chars > kMaxLineChars) continue;
      Merge(InfoLineParser::Parse(blocks[i].text), &out);
    }
  };
  read_lines(0, windows.header_end);
  for (size_t i = 0; i < windows.header_end && i < blocks.size(); ++i) {
    if (blocks[i].features.text.chars <= kMaxDatelineChars)
      Merge(InfoLineParser::NameSlashOutlet(blocks[i].text), &out);
  }
  // The first selected paragraphs' lead credit.
  size_t seen = 0;
  for (size_t i = 0; i < blocks.size() && seen < kLeadBlocks; ++i) {
    if (!blocks[i].selected || blocks[i].text.empty()) continue;
    ++seen;
    Merge(LeadCredit(blocks[i].text), &out);
  }
  read_lines(windows.header_end, windows.tail_end);
  seen = 0;
  for (size_t i = blocks.size(); i > 0 && seen < kClosingBlocks; --i) {
    const Block& b = blocks[i - 1];
    if (!b.selected || b.text.empty()) continue;
    ++seen;
    Merge(ClosingCredit(b.text), &out);
  }
  // Unlabelled credits after the dateline count only when no label gave
  // them.
  InfoLine after_date;
  for (size_t i = 0;
       i < windows.header_end && i < blocks.size() && after_date.empty(); ++i)
    after_date = AfterDate(blocks[i]);
  if (out.source.empty()) out.source = after_date.source;
  if (out.authors.empty() && out.contributors.empty())
    out.authors = after_date.authors;
  if (out.authors.empty()) out.authors = std::move(out.contributors);
  out.contributors.clear();
  return out;
}

}  // namespace declutter::extract
