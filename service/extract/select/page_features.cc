#include "service/extract/select/page_features.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gumbo.h"
#include "service/extract/select/card_grid.h"
#include "service/extract/select/dom_aggregates.h"
#include "service/extract/select/thread_posts.h"
#include "service/extract/strings/phrase_matcher.h"
#include "service/extract/strings/utf8.h"

namespace declutter::extract {
namespace {

// ---- What the features measure, each with what it catches ----
// A block of prose: at least this much weight, few links (under
// ScoringParams::prose_link_share) and a sentence end. Runs of consecutive
// prose blocks are an article's body; a product page or a listing has short
// ones. Link text is what ScoringParams::link_dense_share calls link-dense
// (menus, teaser lists, tag clouds): the share of the page's text in it
// separates listings and collections from pages of prose.
constexpr double kProseWeight = 60;
// A price is a short block (a card's price line, a price table cell): a
// currency mark beside a digit in a block of at most this many chars.
constexpr int32_t kMaxPriceBlockChars = 80;
// URL path segments and tokens looked at; the rest of a long URL says nothing
// more about the page's kind.
constexpr int kMaxUrlSegments = 16;
constexpr int kMaxUrlTokens = 64;
// A slug of this many words or more is a headline's (an article, a thread); a
// category or a product code is shorter.
constexpr int kSlugWords = 4;
// The phrases (data/page_type_words.inc) are looked for in the first bytes of
// each block and of the page: enough to meet a page's buttons, labels and
// opening paragraphs, bounded on a page of any size.
constexpr size_t kMaxPhraseBlockBytes = 400;
constexpr size_t kMaxPhrasePageBytes = 64 * 1024;
// The <title> bytes read for words.
constexpr size_t kMaxTitleBytes = 512;
// A block of at most this many chars with a digit and a month name (or a
// numeric date) is a date line.
constexpr int32_t kMaxDateBlockChars = 40;
// An article opens with its headline, then a date and a byline within a few
// blocks; a service page's <h1> is followed by a pitch, a listing's by cards.
constexpr size_t kBlocksAfterH1 = 8;
constexpr int32_t kMaxBylineChars = 80;
// Counts of things in the page (blocks, siblings, types) are passed through
// log1p, and a count of declared types saturates here: one Product or ten say
// the same.
constexpr int kMaxTypeCount = 8;

// The URL path words' groups (data/page_type_words.inc).
enum class UrlGroup {
  kForum,
  kProduct,
  kCollection,
  kListing,
  kDocs,
  kArticle,
  kService,
  kCount,
};

struct UrlWord {
  absl::string_view token;
  UrlGroup group;
};

constexpr UrlWord kUrlWords[] = {
#define PAGE_TYPE_URL_WORDS
#include "service/extract/data/page_type_words.inc"
#undef PAGE_TYPE_URL_WORDS
};

// The schema.org types' groups (data/page_type_words.inc).
enum class SchemaGroup {
  kArticle,
  kProduct,
  kForum,
  kFaq,
  kCollection,
  kDocs,
  kBusiness,
  kOrganization,
  kWebPage,
  kBreadcrumb,
  kReview,
  kPerson,
  kEvent,
  kMedia,
  kNavigation,
  kCount,
};

struct SchemaType {
  absl::string_view name;
  SchemaGroup group;
};

constexpr SchemaType kSchemaTypes[] = {
#define PAGE_TYPE_SCHEMA_TYPES
#include "service/extract/data/page_type_words.inc"
#undef PAGE_TYPE_SCHEMA_TYPES
};

// The phrases' groups (data/page_type_words.inc).
enum class PhraseGroup {
  kService,
  kShop,
  kBrowse,
  kForum,
  kArticle,
  kDocs,
  kWe,
  kYou,
  kI,
  kCount,
};

struct Phrase {
  absl::string_view phrase;
  PhraseGroup group;
};

constexpr Phrase kPhrases[] = {
#define PAGE_TYPE_PHRASES
#include "service/extract/data/page_type_words.inc"
#undef PAGE_TYPE_PHRASES
};

constexpr absl::string_view kCurrencyMarks[] = {
#define PAGE_TYPE_CURRENCY_MARKS
#include "service/extract/data/page_type_words.inc"
#undef PAGE_TYPE_CURRENCY_MARKS
};

constexpr size_t kUrlGroups = static_cast<size_t>(UrlGroup::kCount);
constexpr size_t kSchemaGroups = static_cast<size_t>(SchemaGroup::kCount);
constexpr size_t kPhraseGroups = static_cast<size_t>(PhraseGroup::kCount);

// Everything the features are read from, gathered in one pass over each
// source.
struct PageSummary {
  bool html = false;
  // URL.
  bool url_known = false;
  int url_segments = 0;
  int url_numeric_segments = 0;
  bool url_date = false;   // a year segment then a month, or a yyyy-mm-dd
  int url_slug_words = 0;  // words of the last segment
  bool url_query = false;
  bool url_trailing_slash = false;
  bool url_file = false;  // the last segment has an extension (.html, .php)
  std::array<int, kUrlGroups> url_words{};
  std::array<int, kUrlGroups> url_first_word{};  // the first segment's group
  // The host's first label when it is a generic word ("docs.", "shop.",
  // "forum."); the rest of the host names the site and is never read.
  std::array<int, kUrlGroups> url_host_word{};
  // The same words in the page's <title> ("Category: Shoes", "Blog",
  // "Services", "Forum"), counted.
  std::array<int, kUrlGroups> title_words{};
  // Declared types.
  std::array<int, kSchemaGroups> json_ld{};
  std::array<int, kSchemaGroups> microdata{};
  int json_ld_items = 0;
  int og_type = 0;  // 1 article, 2 product, 3 website, 4 other; 0 none
  bool meta_article = false;  // article:published_time and the like
  bool meta_product = false;  // product:price and the like
  int dates = 0;
  bool declared_date = false;    // JSON-LD datePublished, a date <meta>
  bool declared_author = false;  // JSON-LD author, an author <meta>
  int strong_bylines = 0;
  int title_word_count = 0;  // words of the <title>: a headline has many
  int h1_word_count = 0;     // words of the first <h1>
  int h1 = 0;
  HtmlFacts::ElementCounts controls;
  std::array<int32_t, kClassWordGroups> class_words{};
  std::array<bool, kClassWordGroups> root_class_words{};
  // Blocks. Their lengths (`chars` and the *_chars sums) are in reading
  // units (TextFeatures::Weight), so a Chinese page measures as long as its
  // English translation; the DOM's sums are code points.
  int blocks = 0;
  double chars = 0;
  double code_points = 0;  // the DOM's unit, for the DOM's shares
  double link_dense_chars = 0;
  double heading_chars = 0;
  int headings = 0;
  int linked_headings = 0;  // headings that are links: teaser titles
  double list_chars = 0;
  double table_chars = 0;
  double pre_chars = 0;
  double quote_chars = 0;
  double positive_chars = 0;
  double labelled_chars = 0;  // a lexicon or other verdict against the block
  double negative_container_chars = 0;
  double comment_chars = 0;  // in containers or verdicts saying "comment"
  double prose_chars = 0;
  int prose_blocks = 0;
  double longest_prose_run = 0;
  double longest_block = 0;
  int ends_sentence = 0;
  int price_blocks = 0;
  int date_blocks = 0;  // short blocks that are a date: one per teaser card
  bool date_after_h1 = false;    // a date line soon after the first <h1>
  bool byline_after_h1 = false;  // a "By ..." line soon after the first <h1>
  double h1_position = -1;       // the first <h1>'s block position, 0-1
  int contact_blocks = 0;
  int bulleted_blocks = 0;
  int short_blocks = 0;  // under kProseWeight and not link text
  double score_sum = 0;
  double digits = 0;
  std::array<int, kPhraseGroups> phrases{};
  double phrase_words = 0;  // words of the text the phrases were looked for in
  // DOM.
  int nodes = 0;
  int max_depth = 0;
  int articles = 0;  // <article> elements: one for an article, many on indexes
  int sections = 0;
  int tables = 0;
  int code = 0;  // <pre> and <code>
  int images = 0;
  int navs = 0;  // <nav> and <aside>
  int headline_links = 0;
  int card_count = 0;
  double card_chars = 0;
  int teaser_grids = 0;
  double teaser_chars = 0;
  int repeated_siblings = 0;  // the largest group of siblings built alike
  double repeated_chars = 0;  // their text
  int repeated_groups = 0;    // groups of at least min_grid_cards siblings
  int posts = 0;              // posts in the run around the best container
  double best_chars = 0;      // the best container's text
  double best_link_density = 0;
};

bool IsDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

bool IsWordByte(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c));
}

// Words of a short text: runs of ASCII letters and digits, plus one per other
// non-space character that is not ASCII punctuation (a Han character is a
// word).
int CountWords(absl::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (IsWordByte(c)) {
      words += !in_word;
      in_word = true;
    } else {
      in_word = false;
      words += u >= 0xE0;  // the lead byte of a 3- or 4-byte character
    }
  }
  return words;
}

int UrlGroupOf(absl::string_view token) {
  for (const UrlWord& w : kUrlWords) {
    if (w.token == token) return static_cast<int>(w.group);
  }
  return -1;
}

// "2024-05-17" or "20240517" inside a segment.
bool HasInlineDate(absl::string_view segment) {
  for (size_t i = 0; i + 8 <= segment.size(); ++i) {
    const absl::string_view y = segment.substr(i, 4);
    if (!IsDigits(y) || (y[0] != '1' && y[0] != '2')) continue;
    if (i > 0 &&
        absl::ascii_isdigit(static_cast<unsigned char>(segment[i - 1])))
      continue;
    if (i + 10 <= segment.size() &&
        (segment[i + 4] == '-' || segment[i + 4] == '_') &&
        IsDigits(segment.substr(i + 5, 2)) &&
        segment[i + 7] == segment[i + 4] &&
        IsDigits(segment.substr(i + 8, 2))) {
      return true;
    }
  }
  return false;
}

void SummarizeUrl(absl::string_view url, PageSummary* s) {
  if (url.empty()) return;
  s->url_known = true;
  // Scheme and host off: the host names a site, so nothing below reads it.
  if (const size_t scheme = url.find("://"); scheme != absl::string_view::npos)
    url.remove_prefix(scheme + 3);
  const size_t path_start = url.find_first_of("/?#");
  {
    absl::string_view host = url.substr(0, path_start);
    host = host.substr(0, host.find(':'));
    const size_t dot = host.find('.');
    // Three labels or more: the first is a name within the site.
    if (dot != absl::string_view::npos &&
        host.find('.', dot + 1) != absl::string_view::npos) {
      const std::string label = absl::AsciiStrToLower(host.substr(0, dot));
      if (const int group = UrlGroupOf(label); group >= 0)
        s->url_host_word[group] = 1;
    }
  }
  url = path_start == absl::string_view::npos ? absl::string_view()
                                              : url.substr(path_start);
  if (const size_t hash = url.find('#'); hash != absl::string_view::npos)
    url = url.substr(0, hash);
  absl::string_view query;
  if (const size_t q = url.find('?'); q != absl::string_view::npos) {
    query = url.substr(q + 1);
    url = url.substr(0, q);
  }
  s->url_query = !query.empty();
  s->url_trailing_slash = url.size() > 1 && url.back() == '/';
  std::string path = absl::AsciiStrToLower(url);
  int tokens = 0;
  bool year_before = false;
  absl::string_view last;
  size_t at = 0;
  while (at < path.size() && s->url_segments < kMaxUrlSegments) {
    size_t end = path.find('/', at);
    if (end == std::string::npos) end = path.size();
    const absl::string_view segment(path.data() + at, end - at);
    at = end + 1;
    if (segment.empty()) continue;
    ++s->url_segments;
    last = segment;
    const bool numeric = IsDigits(segment);
    s->url_numeric_segments += numeric;
    if (numeric && segment.size() <= 2 && year_before) s->url_date = true;
    year_before = numeric && segment.size() == 4 &&
                  (segment[0] == '1' || segment[0] == '2');
    if (HasInlineDate(segment)) s->url_date = true;
    bool first_token = true;
    size_t t = 0;
    while (t <= segment.size() && tokens < kMaxUrlTokens) {
      size_t stop = segment.find_first_of("-_.+,;=", t);
      if (stop == absl::string_view::npos) stop = segment.size();
      const absl::string_view token = segment.substr(t, stop - t);
      t = stop + 1;
      if (token.empty()) continue;
      ++tokens;
      if (const int group = UrlGroupOf(token); group >= 0) {
        ++s->url_words[group];
        if (s->url_segments == 1 && first_token) s->url_first_word[group] = 1;
      }
      first_token = false;
    }
  }
  if (!last.empty()) {
    s->url_file = last.find('.') != absl::string_view::npos;
    const absl::string_view stem = last.substr(0, last.find('.'));
    int words = stem.empty() ? 0 : 1;
    for (char c : stem) words += c == '-' || c == '_';
    s->url_slug_words = words;
  }
  // Query keys name what a listing filters or a forum shows ("?q=", "?page=",
  // "?topic="): read as path words.
  for (size_t t = 0; t < query.size() && tokens < kMaxUrlTokens;) {
    size_t stop = query.find_first_of("=&", t);
    if (stop == absl::string_view::npos) stop = query.size();
    const bool key = t == 0 || query[t - 1] == '&';
    const std::string token = absl::AsciiStrToLower(query.substr(t, stop - t));
    t = stop + 1;
    if (!key || token.empty()) continue;
    ++tokens;
    if (const int group = UrlGroupOf(token); group >= 0) ++s->url_words[group];
  }
}

int SchemaGroupOf(absl::string_view type) {
  // "http://schema.org/Product" and "schema:Product" name Product too.
  if (const size_t cut = type.find_last_of("/:");
      cut != absl::string_view::npos)
    type.remove_prefix(cut + 1);
  for (const SchemaType& t : kSchemaTypes) {
    if (absl::EqualsIgnoreCase(t.name, type)) return static_cast<int>(t.group);
  }
  return -1;
}

void AddType(absl::string_view type, std::array<int, kSchemaGroups>* counts) {
  if (const int group = SchemaGroupOf(type); group >= 0)
    (*counts)[group] = std::min((*counts)[group] + 1, kMaxTypeCount);
}

void SummarizeFacts(const PageEvidence& page, PageSummary* s) {
  if (page.json_ld != nullptr) {
    s->json_ld_items = static_cast<int>(page.json_ld->size());
    for (const JsonLdItem& item : *page.json_ld) {
      for (const std::string& type : item.types) AddType(type, &s->json_ld);
      if (!item.Get("datePublished").empty()) s->declared_date = true;
      if (!item.Get("author").empty()) s->declared_author = true;
    }
  }
  const HtmlFacts* facts = page.facts;
  if (facts == nullptr) return;
  for (const std::string& type : facts->item_types)
    AddType(type, &s->microdata);
  const std::string og = absl::AsciiStrToLower(facts->Meta("og:type"));
  if (!og.empty()) {
    s->og_type = absl::StrContains(og, "article")   ? 1
                 : absl::StrContains(og, "product") ? 2
                 : og == "website"                  ? 3
                                                    : 4;
  }
  for (const auto& [key, value] : facts->meta) {
    if (absl::StartsWith(key, "article:")) s->meta_article = true;
    if (absl::StartsWith(key, "product:") || absl::StrContains(key, "price"))
      s->meta_product = true;
    if (absl::StrContains(key, "published") || key == "date" ||
        key == "pubdate" || absl::StartsWith(key, "dc.date")) {
      s->declared_date = true;
    }
    if (key == "author" || key == "article:author" || key == "dc.creator")
      s->declared_author = true;
  }
  // Title words, read as URL path words: ASCII letters and digits make a
  // token.
  const std::string title =
      absl::AsciiStrToLower(Utf8Prefix(facts->title, kMaxTitleBytes));
  for (size_t t = 0; t < title.size();) {
    size_t end = t;
    while (end < title.size() && IsWordByte(title[end])) ++end;
    if (end > t) {
      if (const int group =
              UrlGroupOf(absl::string_view(title).substr(t, end - t));
          group >= 0 && end - t > 1) {
        ++s->title_words[group];
      }
      t = end;
    } else {
      ++t;
    }
  }
  s->title_word_count = CountWords(title);
  if (!facts->h1.empty()) s->h1_word_count = CountWords(facts->h1.front());
  s->dates = static_cast<int>(facts->dates.size());
  for (const HtmlFacts::Byline& b : facts->bylines)
    s->strong_bylines += b.strong;
  s->h1 = static_cast<int>(facts->h1.size());
  s->controls = facts->counts;
  s->class_words = facts->class_words;
  s->root_class_words = facts->root_class_words;
}

// Month names and their abbreviations, English (the dev pages' language)
// and the CJK date marks.
const PhraseMatcher& MonthNames() {
  static const PhraseMatcher* const matcher =
      new PhraseMatcher({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                         "sep", "oct", "nov", "dec", "年", "月"},
                        PhraseMatcher::Case::kIgnoreAscii);
  return *matcher;
}

// A short line that is a date: a digit and a month name starting a word
// ("Mar 3, 2024", "3 March 2024", "2024年3月"), or digits split by / or -
// thrice ("03/04/2024", "2024-03-04").
bool IsDateLine(const Block& b) {
  if (b.features.text.digits == 0 ||
      b.features.text.chars > kMaxDateBlockChars) {
    return false;
  }
  const absl::string_view text = b.text;
  bool month = false;
  MonthNames().Scan(text, [&](size_t, size_t at) {
    month = at == 0 || !IsWordByte(text[at - 1]) ||
            static_cast<unsigned char>(text[at]) >= 0x80;
    return !month;
  });
  if (month) return true;
  int separators = 0;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    separators +=
        (text[i] == '/' || text[i] == '-' || text[i] == '.') &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[i - 1])) &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[i + 1]));
  }
  return separators >= 2;
}

// A currency mark with a digit right before or after it (spaces between
// allowed).
bool HasPrice(absl::string_view text) {
  for (absl::string_view mark : kCurrencyMarks) {
    for (size_t at = text.find(mark); at != absl::string_view::npos;
         at = text.find(mark, at + 1)) {
      size_t before = at;
      while (before > 0 && text[before - 1] == ' ') --before;
      size_t after = at + mark.size();
      while (after < text.size() && text[after] == ' ') ++after;
      if ((before > 0 &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[before - 1]))) ||
          (after < text.size() &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[after])))) {
        return true;
      }
    }
  }
  return false;
}

const PhraseMatcher& Phrases() {
  static const PhraseMatcher* const matcher = PhraseMatcher::NewForTable(
      kPhrases, &Phrase::phrase, PhraseMatcher::Case::kIgnoreAscii);
  return *matcher;
}

// Counts the phrases in `text` into `s` (bounded by the bytes looked at).
void CountPhrases(absl::string_view text, PageSummary* s) {
  Phrases().Scan(text, [&](size_t index, size_t at) {
    const absl::string_view phrase = kPhrases[index].phrase;
    const size_t end = at + phrase.size();
    if ((IsWordByte(phrase.front()) && at > 0 && IsWordByte(text[at - 1])) ||
        (IsWordByte(phrase.back()) && end < text.size() &&
         IsWordByte(text[end]))) {
      return true;
    }
    ++s->phrases[static_cast<size_t>(kPhrases[index].group)];
    return true;
  });
}

// Whether `b` reads as a byline: a short line opening with "By " (or "作者").
bool IsBylineLine(const Block& b) {
  if (b.features.text.chars > kMaxBylineChars) return false;
  const absl::string_view text = b.text;
  return (text.size() > 3 &&
          absl::EqualsIgnoreCase(text.substr(0, 3), "by ")) ||
         absl::StartsWith(text, "作者");
}

void SummarizeBlocks(const ScoringParams& p, const BlockList& blocks,
                     PageSummary* s) {
  size_t phrase_bytes = 0;
  size_t first_h1 = blocks.size();
  double run = 0;
  s->blocks = static_cast<int>(blocks.size());
  for (const Block& b : blocks) {
    // Lengths in reading units, so a Chinese page measures as long as its
    // English translation.
    const double weight = b.features.text.Weight();
    const double chars = weight;
    const double links = b.features.link_density;
    s->chars += chars;
    s->code_points += b.features.text.chars;
    s->digits += b.features.text.digits;
    s->longest_block = std::max(s->longest_block, chars);
    s->score_sum += b.score;
    if (b.score > 0) s->positive_chars += chars;
    if (b.kind != BlockKind::kNone) s->labelled_chars += chars;
    const bool link_text = links >= p.link_dense_share;
    if (link_text) s->link_dense_chars += chars;
    switch (b.role) {
      case BlockRole::kHeading:
        s->heading_chars += chars;
        ++s->headings;
        s->linked_headings += link_text;
        break;
      case BlockRole::kListItem:
        s->list_chars += chars;
        break;
      case BlockRole::kTableCell:
        s->table_chars += chars;
        break;
      case BlockRole::kPreformatted:
        s->pre_chars += chars;
        break;
      case BlockRole::kQuote:
        s->quote_chars += chars;
        break;
      case BlockRole::kParagraph:
        break;
    }
    if (b.features.dom.in_negative) {
      s->negative_container_chars += chars;
      if (b.features.dom.negative_kind == BlockKind::kComment)
        s->comment_chars += chars;
    } else if (b.kind == BlockKind::kComment) {
      s->comment_chars += chars;
    }
    s->ends_sentence += b.features.text.ends_sentence;
    s->bulleted_blocks += b.features.text.starts_with_bullet;
    s->contact_blocks += b.features.text.has_phone || b.features.text.has_email;
    if (!link_text && weight < kProseWeight) ++s->short_blocks;
    if (b.features.text.chars <= kMaxPriceBlockChars && HasPrice(b.text))
      ++s->price_blocks;
    const size_t index = static_cast<size_t>(&b - blocks.data());
    const bool date_line = IsDateLine(b);
    s->date_blocks += date_line;
    if (first_h1 == blocks.size() && b.role == BlockRole::kHeading &&
        b.heading_level == 1) {
      first_h1 = index;
      s->h1_position = b.features.position;
    } else if (first_h1 < index && index <= first_h1 + kBlocksAfterH1) {
      s->date_after_h1 |= date_line;
      s->byline_after_h1 |= IsBylineLine(b);
    }
    if (phrase_bytes < kMaxPhrasePageBytes) {
      const absl::string_view head = Utf8Prefix(
          b.text,
          std::min(kMaxPhraseBlockBytes, kMaxPhrasePageBytes - phrase_bytes));
      phrase_bytes += head.size();
      CountPhrases(head, s);
      s->phrase_words += head.size() == b.text.size()
                             ? b.features.text.words
                             : b.features.text.words *
                                   static_cast<double>(head.size()) /
                                   b.text.size();
    }
    const bool prose = weight >= kProseWeight && links < p.prose_link_share &&
                       b.features.text.ends_sentence;
    if (prose) {
      s->prose_chars += chars;
      ++s->prose_blocks;
      run += chars;
      s->longest_prose_run = std::max(s->longest_prose_run, run);
    } else if (b.role != BlockRole::kHeading || weight >= kProseWeight) {
      // A heading between paragraphs does not end the body; anything else does.
      run = 0;
    }
  }
}

// Tag-only keys live above every class key's range of tags, so the two never
// meet (as in card_grid.cc).
uint32_t BuildKey(const DomNode& n) {
  return n.class_key != 0 ? n.class_key : 0x80000000u | n.tag;
}

void SummarizeDom(const ScoringParams& p, const BlockList& blocks, DomTree* dom,
                  PageSummary* s) {
  DomTree& nodes = *dom;
  if (nodes.empty()) return;
  AggregateBlocks(p, blocks, &nodes);
  s->nodes = static_cast<int>(nodes.size());
  // Siblings built alike, keyed by (parent, build): a grid's cards, a thread's
  // posts, a list's items.
  absl::flat_hash_map<std::pair<int32_t, uint32_t>, std::pair<int, int64_t>>
      groups;
  int32_t best = -1;
  double best_score = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const DomNode& n = nodes[i];
    s->max_depth = std::max(s->max_depth, n.depth);
    switch (n.tag) {
      case GUMBO_TAG_ARTICLE:
        ++s->articles;
        break;
      case GUMBO_TAG_SECTION:
        ++s->sections;
        break;
      case GUMBO_TAG_TABLE:
        ++s->tables;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_CODE:
        ++s->code;
        break;
      case GUMBO_TAG_IMG:
        ++s->images;
        break;
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_ASIDE:
        ++s->navs;
        break;
      default:
        break;
    }
    if (n.parent >= 0 && n.text_chars > 0 && n.negative_ancestor < 0 &&
        !n.paragraph_like) {
      auto& g = groups[{n.parent, BuildKey(n)}];
      ++g.first;
      g.second += n.text_chars;
    }
    if (!n.paragraph_like && n.score > 0) {
      const double score = CandidateScore(p, n);
      if (best < 0 || score > best_score) {
        best = static_cast<int32_t>(i);
        best_score = score;
      }
    }
  }
  s->headline_links = nodes[0].headline_links;
  for (const auto& [key, g] : groups) {
    if (g.first >= p.min_grid_cards) ++s->repeated_groups;
    if (g.first > s->repeated_siblings ||
        (g.first == s->repeated_siblings && g.second > s->repeated_chars)) {
      s->repeated_siblings = g.first;
      s->repeated_chars = static_cast<double>(g.second);
    }
  }
  const CardGrid grid = FindCardGrid(p, nodes);
  s->card_count = grid.cards;
  s->card_chars = static_cast<double>(grid.chars);
  const std::vector<int32_t> teaser = TeaserGridAbove(p, nodes);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (teaser[i] != static_cast<int32_t>(i)) continue;
    ++s->teaser_grids;
    s->teaser_chars += nodes[i].text_chars;
  }
  if (best >= 0) {
    s->posts = static_cast<int>(RepeatedPosts(p, nodes, best).posts.size());
    s->best_chars = nodes[best].text_chars;
    s->best_link_density = LinkDensity(nodes[best]);
  }
}

double Share(double part, double whole) {
  return whole <= 0 ? 0.0 : part / whole;
}

double Log(double n) { return std::log1p(std::max(0.0, n)); }

// One named value per entry: the single table both PageFeatureNames and
// PageFeatureValues read, so names and values cannot drift apart.
struct PageColumn {
  const char* name;
  double (*value)(const PageSummary& s);
};

const PageColumn kColumns[] = {
    {"html", [](const PageSummary& s) -> double { return s.html; }},
    // The URL's shape and words (no host).
    {"url_known", [](const PageSummary& s) -> double { return s.url_known; }},
    {"url_segments",
     [](const PageSummary& s) -> double { return s.url_segments; }},
    {"url_numeric_segments",
     [](const PageSummary& s) -> double { return s.url_numeric_segments; }},
    {"url_date", [](const PageSummary& s) -> double { return s.url_date; }},
    {"url_slug_words",
     [](const PageSummary& s) -> double { return s.url_slug_words; }},
    {"url_long_slug",
     [](const PageSummary& s) -> double {
       return s.url_slug_words >= kSlugWords;
     }},
    {"url_query", [](const PageSummary& s) -> double { return s.url_query; }},
    {"url_trailing_slash",
     [](const PageSummary& s) -> double { return s.url_trailing_slash; }},
    {"url_file", [](const PageSummary& s) -> double { return s.url_file; }},
#define URL_GROUP(name, group)                                    \
  {"url_words_" name,                                             \
   [](const PageSummary& s) -> double {                           \
     return s.url_words[static_cast<int>(UrlGroup::group)];       \
   }},                                                            \
  {                                                               \
    "url_first_" name, [](const PageSummary& s) -> double {       \
      return s.url_first_word[static_cast<int>(UrlGroup::group)]; \
    }                                                             \
  }
    URL_GROUP("forum", kForum),
    URL_GROUP("product", kProduct),
    URL_GROUP("collection", kCollection),
    URL_GROUP("listing", kListing),
    URL_GROUP("docs", kDocs),
    URL_GROUP("article", kArticle),
    URL_GROUP("service", kService),
#undef URL_GROUP
#define HOST_GROUP(name, group)                                  \
  {                                                              \
    "url_host_" name, [](const PageSummary& s) -> double {       \
      return s.url_host_word[static_cast<int>(UrlGroup::group)]; \
    }                                                            \
  }
    HOST_GROUP("forum", kForum),
    HOST_GROUP("product", kProduct),
    HOST_GROUP("collection", kCollection),
    HOST_GROUP("listing", kListing),
    HOST_GROUP("docs", kDocs),
    HOST_GROUP("article", kArticle),
    HOST_GROUP("service", kService),
#undef HOST_GROUP
#define TITLE_GROUP(name, group)                               \
  {                                                            \
    "title_words_" name, [](const PageSummary& s) -> double {  \
      return s.title_words[static_cast<int>(UrlGroup::group)]; \
    }                                                          \
  }
    TITLE_GROUP("forum", kForum),
    TITLE_GROUP("product", kProduct),
    TITLE_GROUP("collection", kCollection),
    TITLE_GROUP("listing", kListing),
    TITLE_GROUP("docs", kDocs),
    TITLE_GROUP("article", kArticle),
    TITLE_GROUP("service", kService),
#undef TITLE_GROUP
// What the page declares itself: JSON-LD and microdata types (counts per
// group, saturating), Open Graph, article and product meta.
#define SCHEMA_GROUP(name, group)                               \
  {                                                             \
    "schema_" name, [](const PageSummary& s) -> double {        \
      return s.json_ld[static_cast<int>(SchemaGroup::group)] +  \
             s.microdata[static_cast<int>(SchemaGroup::group)]; \
    }                                                           \
  }
    SCHEMA_GROUP("article", kArticle),
    SCHEMA_GROUP("product", kProduct),
    SCHEMA_GROUP("forum", kForum),
    SCHEMA_GROUP("faq", kFaq),
    SCHEMA_GROUP("collection", kCollection),
    SCHEMA_GROUP("docs", kDocs),
    SCHEMA_GROUP("business", kBusiness),
    SCHEMA_GROUP("organization", kOrganization),
    SCHEMA_GROUP("webpage", kWebPage),
    SCHEMA_GROUP("breadcrumb", kBreadcrumb),
    SCHEMA_GROUP("review", kReview),
    SCHEMA_GROUP("person", kPerson),
    SCHEMA_GROUP("event", kEvent),
    SCHEMA_GROUP("media", kMedia),
    SCHEMA_GROUP("navigation", kNavigation),
#undef SCHEMA_GROUP
    {"json_ld_items",
     [](const PageSummary& s) -> double { return Log(s.json_ld_items); }},
    {"og_article",
     [](const PageSummary& s) -> double { return s.og_type == 1; }},
    {"og_product",
     [](const PageSummary& s) -> double { return s.og_type == 2; }},
    {"og_website",
     [](const PageSummary& s) -> double { return s.og_type == 3; }},
    {"og_other", [](const PageSummary& s) -> double { return s.og_type == 4; }},
    {"meta_article",
     [](const PageSummary& s) -> double { return s.meta_article; }},
    {"meta_product",
     [](const PageSummary& s) -> double { return s.meta_product; }},
    {"dates", [](const PageSummary& s) -> double { return s.dates; }},
    {"declared_date",
     [](const PageSummary& s) -> double { return s.declared_date; }},
    {"declared_author",
     [](const PageSummary& s) -> double { return s.declared_author; }},
    {"strong_bylines",
     [](const PageSummary& s) -> double { return s.strong_bylines; }},
    {"h1", [](const PageSummary& s) -> double { return s.h1; }},
    {"title_word_count",
     [](const PageSummary& s) -> double { return s.title_word_count; }},
    {"h1_word_count",
     [](const PageSummary& s) -> double { return s.h1_word_count; }},
    // Form controls.
    {"forms",
     [](const PageSummary& s) -> double { return Log(s.controls.forms); }},
    {"text_inputs",
     [](const PageSummary& s) -> double {
       return Log(s.controls.text_inputs);
     }},
    {"search_inputs",
     [](const PageSummary& s) -> double {
       return Log(s.controls.search_inputs);
     }},
    {"selects",
     [](const PageSummary& s) -> double { return Log(s.controls.selects); }},
    {"textareas",
     [](const PageSummary& s) -> double { return Log(s.controls.textareas); }},
    {"buttons",
     [](const PageSummary& s) -> double { return Log(s.controls.buttons); }},
    {"passwords",
     [](const PageSummary& s) -> double { return Log(s.controls.passwords); }},
    {"heading_ids",
     [](const PageSummary& s) -> double {
       return Log(s.controls.heading_ids);
     }},
    {"anchor_links",
     [](const PageSummary& s) -> double {
       return Log(s.controls.anchor_links);
     }},
// Class and id words: elements holding each group's (log count), and
// whether <html> or <body> holds them.
#define CLASS_GROUP(name, group)                                          \
  {"class_" name,                                                         \
   [](const PageSummary& s) -> double {                                   \
     return Log(s.class_words[static_cast<int>(ClassWordGroup::group)]);  \
   }},                                                                    \
  {                                                                       \
    "body_class_" name, [](const PageSummary& s) -> double {              \
      return s.root_class_words[static_cast<int>(ClassWordGroup::group)]; \
    }                                                                     \
  }
    CLASS_GROUP("article", kArticle),
    CLASS_GROUP("page", kPage),
    CLASS_GROUP("archive", kArchive),
    CLASS_GROUP("product", kProduct),
    CLASS_GROUP("shop_list", kShopList),
    CLASS_GROUP("forum", kForum),
    CLASS_GROUP("docs", kDocs),
    CLASS_GROUP("price", kPrice),
    CLASS_GROUP("card", kCard),
    CLASS_GROUP("comment", kComment),
    CLASS_GROUP("pagination", kPagination),
#undef CLASS_GROUP
// Phrases of each kind of page (counts), and who speaks (per word).
#define PHRASE_GROUP(name, group)                                  \
  {                                                                \
    "phrases_" name, [](const PageSummary& s) -> double {          \
      return Log(s.phrases[static_cast<int>(PhraseGroup::group)]); \
    }                                                              \
  }
    PHRASE_GROUP("service", kService),
    PHRASE_GROUP("shop", kShop),
    PHRASE_GROUP("browse", kBrowse),
    PHRASE_GROUP("forum", kForum),
    PHRASE_GROUP("article", kArticle),
    PHRASE_GROUP("docs", kDocs),
#undef PHRASE_GROUP
    {"we_per_word",
     [](const PageSummary& s) -> double {
       return Share(s.phrases[static_cast<int>(PhraseGroup::kWe)],
                    s.phrase_words);
     }},
    {"i_per_word",
     [](const PageSummary& s) -> double {
       return Share(s.phrases[static_cast<int>(PhraseGroup::kI)],
                    s.phrase_words);
     }},
    {"you_per_word",
     [](const PageSummary& s) -> double {
       return Share(s.phrases[static_cast<int>(PhraseGroup::kYou)],
                    s.phrase_words);
     }},
    // The blocks: how many, how long (in reading units), and where the text
    // is.
    {"log_blocks",
     [](const PageSummary& s) -> double { return Log(s.blocks); }},
    {"log_weight", [](const PageSummary& s) -> double { return Log(s.chars); }},
    {"mean_block_weight",
     [](const PageSummary& s) -> double {
       return Log(Share(s.chars, s.blocks));
     }},
    {"longest_block_share",
     [](const PageSummary& s) -> double {
       return Share(s.longest_block, s.chars);
     }},
    {"log_longest_block",
     [](const PageSummary& s) -> double { return Log(s.longest_block); }},
    {"link_dense_share",
     [](const PageSummary& s) -> double {
       return Share(s.link_dense_chars, s.chars);
     }},
    {"heading_share",
     [](const PageSummary& s) -> double {
       return Share(s.heading_chars, s.chars);
     }},
    {"log_headings",
     [](const PageSummary& s) -> double { return Log(s.headings); }},
    {"log_linked_headings",
     [](const PageSummary& s) -> double { return Log(s.linked_headings); }},
    {"linked_heading_share",
     [](const PageSummary& s) -> double {
       return Share(s.linked_headings, s.headings);
     }},
    {"headings_per_block",
     [](const PageSummary& s) -> double {
       return Share(s.headings, s.blocks);
     }},
    {"list_share",
     [](const PageSummary& s) -> double {
       return Share(s.list_chars, s.chars);
     }},
    {"table_share",
     [](const PageSummary& s) -> double {
       return Share(s.table_chars, s.chars);
     }},
    {"pre_share",
     [](const PageSummary& s) -> double {
       return Share(s.pre_chars, s.chars);
     }},
    {"quote_share",
     [](const PageSummary& s) -> double {
       return Share(s.quote_chars, s.chars);
     }},
    {"positive_share",
     [](const PageSummary& s) -> double {
       return Share(s.positive_chars, s.chars);
     }},
    {"labelled_share",
     [](const PageSummary& s) -> double {
       return Share(s.labelled_chars, s.chars);
     }},
    {"negative_container_share",
     [](const PageSummary& s) -> double {
       return Share(s.negative_container_chars, s.chars);
     }},
    {"comment_share",
     [](const PageSummary& s) -> double {
       return Share(s.comment_chars, s.chars);
     }},
    {"prose_share",
     [](const PageSummary& s) -> double {
       return Share(s.prose_chars, s.chars);
     }},
    {"mean_prose_block",
     [](const PageSummary& s) -> double {
       return Log(Share(s.prose_chars, s.prose_blocks));
     }},
    {"headings_per_prose_block",
     [](const PageSummary& s) -> double {
       return Share(s.headings, s.prose_blocks + 1);
     }},
    {"prose_run_share",
     [](const PageSummary& s) -> double {
       return Share(s.longest_prose_run, s.chars);
     }},
    {"log_prose_run",
     [](const PageSummary& s) -> double { return Log(s.longest_prose_run); }},
    {"ends_sentence_share",
     [](const PageSummary& s) -> double {
       return Share(s.ends_sentence, s.blocks);
     }},
    {"short_block_share",
     [](const PageSummary& s) -> double {
       return Share(s.short_blocks, s.blocks);
     }},
    {"bulleted_share",
     [](const PageSummary& s) -> double {
       return Share(s.bulleted_blocks, s.blocks);
     }},
    {"log_price_blocks",
     [](const PageSummary& s) -> double { return Log(s.price_blocks); }},
    {"price_share",
     [](const PageSummary& s) -> double {
       return Share(s.price_blocks, s.blocks);
     }},
    {"date_after_h1",
     [](const PageSummary& s) -> double { return s.date_after_h1; }},
    {"byline_after_h1",
     [](const PageSummary& s) -> double { return s.byline_after_h1; }},
    {"h1_position",
     [](const PageSummary& s) -> double { return s.h1_position; }},
    {"log_date_blocks",
     [](const PageSummary& s) -> double { return Log(s.date_blocks); }},
    {"date_block_share",
     [](const PageSummary& s) -> double {
       return Share(s.date_blocks, s.blocks);
     }},
    {"log_contact_blocks",
     [](const PageSummary& s) -> double { return Log(s.contact_blocks); }},
    {"digit_share",
     [](const PageSummary& s) -> double { return Share(s.digits, s.chars); }},
    {"mean_score",
     [](const PageSummary& s) -> double {
       return Share(s.score_sum, s.blocks);
     }},
    // The DOM: elements, repeated structures, the best container.
    {"log_nodes", [](const PageSummary& s) -> double { return Log(s.nodes); }},
    {"max_depth", [](const PageSummary& s) -> double { return s.max_depth; }},
    {"log_articles",
     [](const PageSummary& s) -> double { return Log(s.articles); }},
    {"log_sections",
     [](const PageSummary& s) -> double { return Log(s.sections); }},
    {"log_tables",
     [](const PageSummary& s) -> double { return Log(s.tables); }},
    {"log_code", [](const PageSummary& s) -> double { return Log(s.code); }},
    {"log_images",
     [](const PageSummary& s) -> double { return Log(s.images); }},
    {"log_navs", [](const PageSummary& s) -> double { return Log(s.navs); }},
    {"log_headline_links",
     [](const PageSummary& s) -> double { return Log(s.headline_links); }},
    {"headline_link_share",
     [](const PageSummary& s) -> double {
       return Share(s.headline_links, s.blocks);
     }},
    {"log_cards",
     [](const PageSummary& s) -> double { return Log(s.card_count); }},
    {"card_share",
     [](const PageSummary& s) -> double {
       return Share(s.card_chars, s.code_points);
     }},
    {"teaser_grids",
     [](const PageSummary& s) -> double { return Log(s.teaser_grids); }},
    {"teaser_share",
     [](const PageSummary& s) -> double {
       return Share(s.teaser_chars, s.code_points);
     }},
    {"log_repeated_siblings",
     [](const PageSummary& s) -> double { return Log(s.repeated_siblings); }},
    {"repeated_share",
     [](const PageSummary& s) -> double {
       return Share(s.repeated_chars, s.code_points);
     }},
    {"log_repeated_groups",
     [](const PageSummary& s) -> double { return Log(s.repeated_groups); }},
    {"log_posts", [](const PageSummary& s) -> double { return Log(s.posts); }},
    {"best_share",
     [](const PageSummary& s) -> double {
       return Share(s.best_chars, s.code_points);
     }},
    {"best_link_density",
     [](const PageSummary& s) -> double { return s.best_link_density; }},
};

}  // namespace

const std::vector<std::string>& PageFeatureNames() {
  static const std::vector<std::string>* const kNames = [] {
    auto* names = new std::vector<std::string>();
    for (const PageColumn& c : kColumns) names->push_back(c.name);
    return names;
  }();
  return *kNames;
}

std::vector<double> PageFeatureValues(const ScoringParams& params,
                                      const PageEvidence& page) {
  PageSummary s;
  s.html = page.dom != nullptr;
  SummarizeUrl(page.url, &s);
  SummarizeFacts(page, &s);
  SummarizeBlocks(params, *page.blocks, &s);
  if (page.dom != nullptr) SummarizeDom(params, *page.blocks, page.dom, &s);
  std::vector<double> values;
  values.reserve(std::size(kColumns));
  for (const PageColumn& c : kColumns) values.push_back(c.value(s));
  return values;
}

}  // namespace declutter::extract
