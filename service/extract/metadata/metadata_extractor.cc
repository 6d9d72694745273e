#include "service/extract/metadata/metadata_extractor.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "service/extract/blocks/boilerplate_lexicon.h"
#include "service/extract/metadata/byline_parser.h"
#include "service/extract/metadata/credit_reader.h"
#include "service/extract/metadata/date_chooser.h"
#include "service/extract/metadata/date_parser.h"
#include "service/extract/metadata/info_line_parser.h"
#include "service/extract/metadata/title_chooser.h"
#include "service/extract/metadata/url_resolver.h"
#include "service/extract/score/block_labeller.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// A byline block is at most this long (code points), and lies at most this many
// blocks past the first selected one.
constexpr int32_t kMaxBylineChars = 100;
constexpr size_t kBylineBlocksAfterStart = 15;
// A dateline may stand this many blocks above the headline (a kicker line).
constexpr size_t kDatelineBlocksAboveTitle = 3;
// Credits at an article's end ("（责任编辑：魏喆）", "本文来源：..."): looked
// for up to this many blocks after the last selected one.
constexpr size_t kCreditBlocksAfterEnd = 10;

// The page's first this many blocks are looked at for a visible headline,
// those of at most this many code points.
constexpr size_t kTitleLineBlocks = 400;
constexpr int32_t kMaxTitleLineChars = 150;

// How many leading lines of a text page may hold the title/date/source header.
constexpr size_t kTextHeaderLines = 12;

absl::string_view FirstMeta(const HtmlFacts& f,
                            std::initializer_list<absl::string_view> keys) {
  for (absl::string_view k : keys) {
    if (absl::string_view v = f.Meta(k); !v.empty()) return v;
  }
  return {};
}

// Splits a keyword list at , ; and their full-width forms and 、 (by code
// point, so multi-byte delimiters never cut a character).
std::vector<std::string> SplitList(absl::string_view raw) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= raw.size() && out.size() < 64;) {
    size_t next = i;
    uint32_t cp = i < raw.size() ? NextCodePoint(raw, &next) : ',';
    if (i == raw.size()) next = i + 1;
    if (cp == ',' || cp == ';' || cp == 0xFF0C || cp == 0xFF1B ||
        cp == 0x3001) {
      absl::string_view part =
          absl::StripAsciiWhitespace(raw.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = next;
    }
    i = next;
  }
  return out;
}

// `rest` without a leading ASCII or full-width colon: what follows a "label:" .
absl::string_view AfterColon(absl::string_view rest) {
  if (!absl::ConsumePrefix(&rest, ":")) absl::ConsumePrefix(&rest, "：");
  return rest;
}

// The authors of the page's main schema.org item: the first item that names
// any.
std::vector<std::string> AuthorsFromJsonLd(
    const std::vector<JsonLdItem>& items) {
  for (const JsonLdItem& item : items) {
    std::vector<std::string> names;
    for (const std::string& value : item.GetAll("author")) {
      for (std::string& name : BylineParser::DeclaredNames(value))
        names.push_back(std::move(name));
    }
    if (!names.empty()) return names;
  }
  return {};
}

// Whether a line states a copyright itself (©, "版权所有", "All rights
// reserved"): the lexicon's copyright phrases, which labelled the footer.
bool ClaimsCopyright(absl::string_view text) {
  const LexiconEntry* e = BoilerplateLexicon::Find(text);
  return e != nullptr && e->kind == BlockKind::kCopyright;
}

// The dateline the reader sees by the headline: the first block short enough
// to be one ("Published March 17, 2023", "Dec 12, 2025 · 5 min read") that
// holds a date, from kDatelineBlocksAboveTitle blocks above the headline's
// block (the page's start when no block prints the headline) to the header's
// end. Further up, a date is the site's top bar.
std::optional<ParsedDate> VisibleDateline(const BlockList& blocks,
                                          const CreditWindows& windows,
                                          absl::Time fetched_at) {
  const size_t begin =
      windows.title_block == CreditWindows::kNoBlock
          ? 0
          : windows.title_block -
                std::min(windows.title_block, kDatelineBlocksAboveTitle);
  for (size_t i = begin; i < windows.header_end && i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    // A copyright line's date is when the site was built, not the article,
    // unless the line labels its credits ("版权声明 来源：当代商报 时间：…")
    // or only its container was taken for a copyright footer (a dateline
    // without a copyright word: "2019年09月11日 富达传媒 时政新闻").
    if (b.features.text.chars > kMaxBylineChars ||
        (b.kind == BlockKind::kCopyright && ClaimsCopyright(b.text) &&
         InfoLineParser::Parse(b.text).empty()))
      continue;
    std::optional<ParsedDate> d = DateParser::Find(b.text);
    if (!d) d = DateParser::FindRelative(b.text, fetched_at);
    if (!d) d = DateParser::FindShort(b.text);
    if (d && (d->year < 100 || DateParser::Plausible(*d, fetched_at))) return d;
  }
  return std::nullopt;
}

// A byline printed as text near the article's start: a short block opening with
// a label ("By Jane Doe"), or a label alone with the name in the next block.
// Looked for in blocks [begin, limit).
std::vector<std::string> AuthorsFromTextByline(const BlockList& blocks,
                                               size_t begin, size_t limit) {
  limit = std::min(limit, blocks.size());
  for (size_t i = begin; i < limit; ++i) {
    const Block& b = blocks[i];
    if (b.features.text.chars > kMaxBylineChars) continue;
    if (BylineParser::StartsWithLabel(b.text)) {
      std::vector<std::string> names = BylineParser::Names(b.text);
      if (!names.empty()) return names;
    }
    if (BylineParser::IsLabel(b.text) && i + 1 < limit &&
        blocks[i + 1].features.text.chars <= kMaxBylineChars) {
      std::vector<std::string> names = BylineParser::Names(blocks[i + 1].text);
      if (!names.empty()) return names;
    }
  }
  return {};
}

bool IsFileName(absl::string_view line, std::string* stem) {
  for (absl::string_view ext :
       {".docx", ".doc", ".pdf", ".pptx", ".ppt", ".xlsx", ".txt"}) {
    if (absl::EndsWithIgnoreCase(line, ext) && line.size() > ext.size() + 3) {
      *stem = std::string(line.substr(0, line.size() - ext.size()));
      return true;
    }
  }
  return false;
}

// Whether an author name taken from markup (meta, JSON-LD, byline classes)
// names no person: the site or an outlet ("网易" on 网易科技's pages, "新京报",
// "CSDN.NET"), or a credit line a byline class held whole ("责任编辑：张申";
// names hold no colon).
bool IsNoPerson(absl::string_view name, const Article& a,
                const std::vector<std::string>& editors) {
  if (InfoLineParser::IsOutletName(name) || InfoLineParser::IsNotAName(name) ||
      absl::StrContains(name, ":") || absl::StrContains(name, "\xEF\xBC\x9A"))
    return true;
  // Chinese news credits persons only; the outlet's name in the author meta
  // is the site's. (English sites credit organisations as authors too.)
  size_t first = 0;
  if (name.empty() || !IsHanLike(NextCodePoint(name, &first))) return false;
  // The CMS user in the author meta is often one of the page's editors.
  if (std::find(editors.begin(), editors.end(), name) != editors.end())
    return true;
  for (const std::string* other : {&a.site_name, &a.source}) {
    if (!other->empty() && absl::StrContains(*other, name)) return true;
  }
  return false;
}

// The source and editor the page prints, where the article has none yet.
void FillSourceAndEditor(const InfoLine& printed, Article* a) {
  if (a->source.empty() && !printed.source.empty()) {
    a->source = printed.source;
    a->sources.source = "text";
  }
  if (a->editor.empty() && !printed.editor.empty()) {
    a->editor = printed.editor;
    a->sources.editor = "text";
  }
}

// The source, editor and authors the page prints (CreditReader). Fills the
// source and editor when still empty. Markup authors that name no person are
// dropped, and the first outlet among them becomes the source when the page
// prints none. Printed authors replace what markup gave, which on news sites
// often names the outlet, the CMS user or an account, unless JSON-LD named
// persons.
void FillCredits(const BlockList& blocks, const CreditWindows& windows,
                 Article* a) {
  const InfoLine printed = CreditReader::Read(blocks, windows);
  FillSourceAndEditor(printed, a);
  const std::string authors_from = a->sources.authors;
  std::string outlet;
  std::erase_if(a->authors, [&](const std::string& name) {
    const bool no_person = IsNoPerson(name, *a, printed.editors);
    if (no_person && outlet.empty() && InfoLineParser::IsOutletName(name) &&
        !absl::StrContains(name, ":") &&
        !absl::StrContains(name, "\xEF\xBC\x9A"))
      outlet = name;
    return no_person;
  });
  if (a->authors.empty()) a->sources.authors.clear();
  if (a->source.empty() && !outlet.empty()) {
    a->source = outlet;
    a->sources.source = authors_from;
  }
  if (!printed.authors.empty() &&
      (a->authors.empty() || a->sources.authors != "json-ld")) {
    a->authors = printed.authors;
    a->sources.authors = "text";
  }
}

// What an HTML page offers as metadata evidence, for the steps of FromHtml.
struct HtmlEvidence {
  const HtmlFacts& facts;
  const std::vector<JsonLdItem>& json_ld;
  const BlockList& blocks;  // after selection
  absl::string_view url;
  absl::Time fetched_at;
  // Where the header's and the end's credits and datelines are looked for;
  // set once the title is known.
  CreditWindows windows;
};

void FillSiteName(const HtmlEvidence& in, Article* a) {
  a->site_name = std::string(
      FirstMeta(in.facts, {"og:site_name", "application-name", "sitename"}));
  if (!a->site_name.empty()) a->sources.site_name = "meta";
  for (const JsonLdItem& item : in.json_ld) {
    if (!a->site_name.empty()) break;
    if (item.HasTypeContaining("WebSite"))
      a->site_name = std::string(item.Get("name"));
    if (!a->site_name.empty()) a->sources.site_name = "json-ld";
  }
}

void FillTitle(const HtmlEvidence& in, Article* a) {
  const HtmlFacts& f = in.facts;
  TitleCandidates titles;
  titles.h1 = f.h1;
  titles.og_title = FirstMeta(f, {"og:title", "twitter:title"});
  titles.json_headline = JsonLd::First(in.json_ld, "headline");
  titles.title_tag = f.title;
  titles.site_name = a->site_name;
  titles.url = in.url;
  // The page's short lines, for a headline <title> glues to a site's name.
  for (size_t i = 0; i < in.blocks.size() && i < kTitleLineBlocks; ++i) {
    const Block& b = in.blocks[i];
    if (b.features.text.chars <= kMaxTitleLineChars)
      titles.visible_lines.push_back(b.text);
  }
  titles.is_article = absl::EqualsIgnoreCase(f.Meta("og:type"), "article") ||
                      std::any_of(in.json_ld.begin(), in.json_ld.end(),
                                  [](const JsonLdItem& i) {
                                    return i.HasTypeContaining("Article") ||
                                           i.HasTypeContaining("Posting");
                                  });
  ChosenTitle title = TitleChooser::Choose(titles);
  if (title.text.empty()) {
    // Older sites and Chinese government sites name the headline in their own
    // meta.
    title = {std::string(FirstMeta(f, {"headline", "articletitle"})), "meta"};
  }
  a->title = std::move(title.text);
  if (!a->title.empty()) a->sources.title = std::move(title.source);
}

// Sets `*field` to the date in `raw`, and `*source` to `from`, unless `*field`
// is already set or the date is not plausible: sources are tried most reliable
// first.
void SetDateIfUnset(absl::string_view raw, const char* from,
                    absl::Time fetched_at, std::string* field,
                    std::string* source) {
  if (!field->empty() || raw.empty()) return;
  std::optional<ParsedDate> d = DateParser::Find(raw);
  if (d && DateParser::Plausible(*d, fetched_at)) {
    *field = d->ToIso8601();
    *source = from;
  }
}

// Adds the date in `raw`, when there is a plausible one, as a candidate.
void AddDate(absl::string_view raw, DateOrigin origin, absl::Time fetched_at,
             std::vector<DateCandidate>* out) {
  if (raw.empty()) return;
  std::optional<ParsedDate> d = DateParser::Find(raw);
  if (d && DateParser::Plausible(*d, fetched_at)) out->push_back({*d, origin});
}

constexpr std::initializer_list<absl::string_view> kModifiedKeys = {
    "article:modified_time", "og:updated_time", "datemodified",
    "dcterms.modified",
    "dateupdate"};  // schema.org-style itemprop some Chinese CMSes print

// Published: every place that gives a date, weighed by DateChooser; then
// modified.
void FillDates(const HtmlEvidence& in, Article* a) {
  const HtmlFacts& f = in.facts;
  std::vector<DateCandidate> dates;
  AddDate(
      FirstMeta(f, {"article:published_time", "og:published_time",
                    "datepublished", "pubdate", "publishdate", "publish_date",
                    "date", "dc.date", "dc.date.issued", "dcterms.created",
                    "sailthru.date", "parsely-pub-date"}),
      DateOrigin::kMeta, in.fetched_at, &dates);
  // "pubDate" is the name some blog platforms' JSON-LD gives the same date.
  for (absl::string_view key : {"datePublished", "pubDate"}) {
    AddDate(JsonLd::First(in.json_ld, key), DateOrigin::kJsonLd, in.fetched_at,
            &dates);
  }
  for (const std::string& raw : f.dates)
    AddDate(raw, DateOrigin::kTimeElement, in.fetched_at, &dates);
  if (std::optional<ParsedDate> d = DateParser::FromUrl(in.url);
      d && DateParser::Plausible(*d, in.fetched_at))
    dates.push_back({*d, DateOrigin::kUrl});
  AddDate(FirstMeta(f, kModifiedKeys), DateOrigin::kModified, in.fetched_at,
          &dates);
  AddDate(JsonLd::First(in.json_ld, "dateModified"), DateOrigin::kModified,
          in.fetched_at, &dates);
  if (std::optional<ParsedDate> d =
          VisibleDateline(in.blocks, in.windows, in.fetched_at)) {
    // A short dateline ("10-08 12:00") takes its year from markup that
    // gives the same day; without such markup it is no date.
    bool dated = d->year >= 100;
    for (size_t i = 0; i < dates.size() && !dated; ++i)
      dated = DateParser::CompleteYear(dates[i].date, &*d);
    if (dated) dates.push_back({*d, DateOrigin::kVisible});
  }
  ChosenDate published = DateChooser::ChoosePublished(dates);
  a->published = std::move(published.iso);
  a->sources.published = std::move(published.source);
  SetDateIfUnset(FirstMeta(f, kModifiedKeys), "meta", in.fetched_at,
                 &a->modified, &a->sources.modified);
  SetDateIfUnset(JsonLd::First(in.json_ld, "dateModified"), "json-ld",
                 in.fetched_at, &a->modified, &a->sources.modified);
}

// The author a labelled Twitter card states: CMSes (Yoast SEO and others)
// print the byline as twitter:labelN "Written by" with the name in
// twitter:dataN.
std::vector<std::string> AuthorsFromTwitterLabels(const HtmlFacts& f) {
  constexpr int kMaxTwitterLabels = 4;
  for (int i = 1; i <= kMaxTwitterLabels; ++i) {
    const absl::string_view label = f.Meta(absl::StrCat("twitter:label", i));
    if (!label.empty() && BylineParser::IsLabel(label))
      return BylineParser::Names(f.Meta(absl::StrCat("twitter:data", i)));
  }
  return {};
}

// Scholarly pages list each author in a citation_author meta of its own.
std::vector<std::string> AuthorsFromCitationMeta(const HtmlFacts& f) {
  std::vector<std::string> names;
  for (const auto& [key, value] : f.meta) {
    // "citation_authors": the plural some journal templates write.
    if ((key != "citation_author" && key != "citation_authors") ||
        names.size() >= BylineParser::kMaxNames)
      continue;
    // One author per tag, often written "Last, First": named as read.
    std::string name = value;
    const std::vector<absl::string_view> last_first =
        absl::StrSplit(value, absl::MaxSplits(',', 1));
    if (last_first.size() == 2 &&
        last_first[1].find(',') == absl::string_view::npos) {
      const absl::string_view first = absl::StripAsciiWhitespace(last_first[1]);
      const absl::string_view last = absl::StripAsciiWhitespace(last_first[0]);
      if (!first.empty() && !last.empty())
        name = absl::StrCat(first, " ", last);
    }
    if (std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(std::move(name));
  }
  return names;
}

void FillAuthors(const HtmlEvidence& in, Article* a) {
  const HtmlFacts& f = in.facts;
  a->authors = AuthorsFromJsonLd(in.json_ld);
  if (!a->authors.empty()) a->sources.authors = "json-ld";
  if (a->authors.empty()) {
    a->authors = BylineParser::DeclaredNames(
        FirstMeta(f, {"author", "article:author", "dc.creator",
                      "parsely-author", "sailthru.author"}));
    if (!a->authors.empty()) a->sources.authors = "meta";
  }
  if (a->authors.empty()) {
    a->authors = AuthorsFromTwitterLabels(f);
    if (!a->authors.empty()) a->sources.authors = "meta";
  }
  // The citation metas list every author of a paper, where JSON-LD and the
  // author meta often name the first alone: the longer list that holds what
  // those gave wins.
  if (std::vector<std::string> cited = AuthorsFromCitationMeta(f);
      cited.size() > a->authors.size() &&
      std::all_of(
          a->authors.begin(), a->authors.end(), [&](const std::string& name) {
            return std::find(cited.begin(), cited.end(), name) != cited.end();
          })) {
    a->authors = std::move(cited);
    a->sources.authors = "meta";
  }
  for (bool strong : {true, false}) {
    for (size_t i = 0; i < f.bylines.size() && a->authors.empty(); ++i) {
      if (f.bylines[i].strong == strong)
        a->authors = BylineParser::Names(f.bylines[i].text);
      if (!a->authors.empty()) a->sources.authors = "byline-markup";
    }
  }
  // The header's byline, else one the article's end prints (an author box:
  // "Written by Jane Doe").
  if (a->authors.empty())
    a->authors = AuthorsFromTextByline(in.blocks, 0, in.windows.header_end);
  if (a->authors.empty())
    a->authors = AuthorsFromTextByline(in.blocks, in.windows.header_end,
                                       in.windows.tail_end);
  if (!a->authors.empty() && a->sources.authors.empty())
    a->sources.authors = "text";
}

// The description, the keywords and the article:tag / article:section tags.
void FillDescriptionAndTopics(const HtmlEvidence& in, Article* a) {
  const HtmlFacts& f = in.facts;
  a->description = std::string(
      FirstMeta(f, {"description", "og:description", "twitter:description"}));
  if (!a->description.empty()) a->sources.description = "meta";
  if (a->description.empty()) {
    a->description = std::string(JsonLd::First(in.json_ld, "description"));
    if (!a->description.empty()) a->sources.description = "json-ld";
  }
  a->keywords = SplitList(FirstMeta(f, {"keywords", "news_keywords"}));
  if (!a->keywords.empty()) a->sources.keywords = "meta";
  for (const auto& [k, v] : f.meta) {
    if ((k == "article:tag" || k == "article:section") && a->tags.size() < 64) {
      a->tags.push_back(v);
    }
  }
}

// The canonical URL and the lead image, made absolute against the page's URL.
void FillLinks(const HtmlEvidence& in, Article* a) {
  const HtmlFacts& f = in.facts;
  a->canonical_url = UrlResolver::Resolve(in.url, f.canonical);
  if (!a->canonical_url.empty()) a->sources.canonical_url = "link";
  if (a->canonical_url.empty()) {
    a->canonical_url = UrlResolver::Resolve(in.url, FirstMeta(f, {"og:url"}));
    if (!a->canonical_url.empty()) a->sources.canonical_url = "meta";
  }
  a->image = UrlResolver::Resolve(
      in.url,
      FirstMeta(f, {"og:image", "og:image:url", "twitter:image", "image"}));
  if (!a->image.empty()) a->sources.image = "meta";
  if (a->image.empty()) {
    a->image = UrlResolver::Resolve(in.url, JsonLd::First(in.json_ld, "image"));
    if (!a->image.empty()) a->sources.image = "json-ld";
  }
}

}  // namespace

void MetadataExtractor::FromHtml(const HtmlFacts& f,
                                 const std::vector<JsonLdItem>& json_ld,
                                 const BlockList& blocks, absl::string_view url,
                                 absl::Time fetched_at, Article* a) {
  HtmlEvidence in{f, json_ld, blocks, url, fetched_at, {}};
  FillSiteName(in, a);
  FillTitle(in, a);  // strips the site name, so after it
  if (a->site_name.empty()) {
    // Else the part of <title> the headline is not ("标题_城市新闻网").
    a->site_name = TitleChooser::SitePart(f.title, a->title);
    if (!a->site_name.empty()) a->sources.site_name = "title";
  }
  in.windows = CreditWindows::Around(blocks, a->title, kBylineBlocksAfterStart,
                                     kCreditBlocksAfterEnd);
  FillDates(in, a);
  FillAuthors(in, a);
  FillDescriptionAndTopics(in, a);
  FillLinks(in, a);
  // A repost names its original publisher in JSON-LD's sourceOrganization.
  a->source = std::string(JsonLd::First(json_ld, "sourceOrganization"));
  if (!a->source.empty()) a->sources.source = "json-ld";
  FillCredits(blocks, in.windows, a);
}

namespace {

// The first kTextHeaderLines lines: an original-title line, the source line and
// the date line, each left out as metadata. Returns the date line's index, or
// -1.
int ReadTextHeader(absl::Time fetched_at, BlockList* blocks, Article* a) {
  BlockList& bs = *blocks;
  const size_t header = std::min(bs.size(), kTextHeaderLines);
  int date_line = -1;
  for (size_t i = 0; i < header; ++i) {
    Block& b = bs[i];
    const absl::string_view t = b.text;
    if (a->title.empty()) {
      for (absl::string_view label : {"原标题", "原標題"}) {
        if (absl::StartsWith(t, label)) {
          a->title = std::string(
              absl::StripAsciiWhitespace(AfterColon(t.substr(label.size()))));
          a->sources.title = "text";
          LeaveOutAsMetadata("original-title line", &b);
        }
      }
    }
    const std::string source = InfoLineParser::Parse(t).source;
    const bool short_line =
        b.features.text.chars <= 60 && !b.features.text.ends_sentence;
    if (!source.empty() && short_line) {
      if (a->source.empty()) a->source = source, a->sources.source = "text";
      LeaveOutAsMetadata("source line", &b);
    }
    if (a->published.empty() && short_line) {
      std::optional<ParsedDate> d = DateParser::Find(t);
      if (!d) d = DateParser::FindRelative(t, fetched_at);
      if (d && DateParser::Plausible(*d, fetched_at)) {
        a->published = d->ToIso8601();
        a->sources.published = "text";
        date_line = static_cast<int>(i);
        LeaveOutAsMetadata("date line", &b);
      }
    }
  }
  return date_line;
}

// The title when the header had none: a short, title-like line just before the
// date line.
void TitleBeforeDateLine(int date_line, BlockList* blocks, Article* a) {
  BlockList& bs = *blocks;
  if (a->title.empty() && date_line > 0) {
    for (int i = date_line - 1; i >= 0; --i) {
      const Block& b = bs[i];
      if (b.kind == BlockKind::kMetadata) continue;
      if (b.features.text.chars >= 6 && b.features.text.chars <= 100 &&
          !b.features.text.ends_with_full_stop &&
          (b.kind == BlockKind::kNone || b.kind == BlockKind::kOther)) {
        a->title = b.text;
        a->sources.title = "text";
        LeaveOutAsMetadata("title line", &bs[i]);
      }
      break;
    }
  }
}

// Anywhere on the page: a document's file name as its title, and keywords.
// (Credits are read by CreditReader, as on HTML pages.)
void ReadTextLabels(BlockList* blocks, Article* a) {
  BlockList& bs = *blocks;
  for (Block& b : bs) {
    const absl::string_view t = b.text;
    std::string stem;
    if (a->title.empty() && b.features.text.chars <= 120 &&
        IsFileName(t, &stem)) {
      a->title = stem;
      a->sources.title = "text";
      LeaveOutAsMetadata("document file-name line", &b);
    }
    for (absl::string_view label : {"文章关键词", "文章關鍵詞", "关键词"}) {
      if (a->keywords.empty() && absl::StartsWith(t, label)) {
        absl::string_view rest = AfterColon(t.substr(label.size()));
        rest = rest.substr(0, rest.find(' '));
        a->keywords = SplitList(rest);
        if (!a->keywords.empty()) a->sources.keywords = "text";
      }
    }
  }
}

}  // namespace

void MetadataExtractor::FromText(absl::Time fetched_at, BlockList* blocks,
                                 Article* a) {
  const int date_line = ReadTextHeader(fetched_at, blocks, a);
  TitleBeforeDateLine(date_line, blocks, a);
  ReadTextLabels(blocks, a);
  // The credits HTML pages are read for (info lines, lead and closing
  // credits, the outlet after a dateline), where the header left a field
  // empty.
  const InfoLine printed = CreditReader::Read(
      *blocks, CreditWindows::Around(*blocks, a->title, kBylineBlocksAfterStart,
                                     kCreditBlocksAfterEnd));
  FillSourceAndEditor(printed, a);
  if (a->authors.empty() && !printed.authors.empty()) {
    a->authors = printed.authors;
    a->sources.authors = "text";
  }
}

}  // namespace declutter::extract
