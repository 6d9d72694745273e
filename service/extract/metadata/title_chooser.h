// Chooses an HTML page's title from the candidates the page offers: its <h1>
// headings, og:title (or twitter:title), the JSON-LD headline and <title>.
//
// A page's <title> and og:title usually glue the site's name to the headline
// ("Headline | Site", "Site - Headline", "标题_网站名"); the <h1> is the
// headline as the reader sees it but is sometimes the site's logo, a section
// label or a slogan. So an <h1> wins when a meta title agrees with it (whole,
// or its headline part, or containing it); on an article page (og:type article,
// a schema.org *Article or *Posting) its first <h1> of three words or more wins
// anyway, because the visible headline is what the article is called.
// Failing an agreeing <h1>, a CJK line of the page's visible text that is one
// end of <title> or og:title, set off from the rest by a separator or a space
// ("标题-纪检", "明日股市预测--标题", "标题 东区办事处_中山网"), is the
// headline as the reader sees it, whatever the separator. Otherwise the
// headline part of og:title, then the JSON-LD headline, then the headline part
// of <title>, then the first <h1>.
//
// The headline part of a glued title is its first part once the separator is
// found, skipping a leading part that is the site's name or its domain ("Reddit
// - ..." on reddit.com). Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_TITLE_CHOOSER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_TITLE_CHOOSER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

struct TitleCandidates {
  std::vector<std::string> h1;      // the page's <h1> texts, in order
  absl::string_view og_title;       // og:title, else twitter:title
  absl::string_view json_headline;  // the JSON-LD headline
  absl::string_view title_tag;      // <title>
  absl::string_view site_name;  // og:site_name or another declared site name
  absl::string_view url;        // the page's URL, for its domain; may be empty
  // Short lines of the page's visible text, in page order (headings, divs).
  std::vector<absl::string_view> visible_lines;
  bool is_article = false;  // the page declares itself an article
};

struct ChosenTitle {
  std::string text;
  // Where it came from: "h1", "og:title", "json-ld", "title"; "" when no
  // candidate.
  std::string source;
};

class TitleChooser {
 public:
  // Headings considered: the first few <h1>s (later ones are teasers and
  // widgets).
  static constexpr size_t kMaxHeadings = 3;
  // A visible line names the headline only when it is at least this long
  // (code points) and this share of the title it ends, so menu words that
  // begin a title ("首页") are not taken for it.
  static constexpr size_t kMinVisibleHeadlineChars = 5;
  static constexpr double kMinVisibleHeadlineShare = 0.3;
  // A space alone sets a headline off only when it is this long.
  static constexpr size_t kMinSpaceSetOffChars = 8;
  // Longer than this, a title's part is not a site's name (SitePart).
  static constexpr size_t kMaxSiteNameChars = 40;

  static ChosenTitle Choose(const TitleCandidates& candidates);

  // The headline part of a title with a site name glued on (see above).
  static std::string HeadlinePart(absl::string_view title,
                                  absl::string_view site_name,
                                  absl::string_view domain_label);

  // The site's part of a glued title whose headline part is `headline`: its
  // last part when the headline comes first ("标题_频道_城市新闻网"), its first
  // when the headline comes last; "" when the title is not glued, or neither
  // end is the headline.
  static std::string SitePart(absl::string_view title,
                              absl::string_view headline);

  // Whether `line` is the start of `title` (its end with `from_end`),
  // whitespace aside, set off from the rest by a separator (or a space, for a
  // long line), or all of it when nothing is glued on. Only
  // for lines in Chinese, Japanese or Korean script, whose titles glue with
  // unspaced separators; Latin titles' spaced ones HeadlinePart reads.
  static bool IsTitleEnd(absl::string_view title, absl::string_view line,
                         bool from_end);

  // A heading's text without the permalink mark documentation sites append
  // ("¶",
  // "#", "🔗").
  static std::string WithoutPermalink(absl::string_view heading);

  // The name part of the URL's host: "nytimes" for https://www.nytimes.com/..,
  // "bbc" for bbc.co.uk; "" when there is no host.
  static std::string DomainLabel(absl::string_view url);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_TITLE_CHOOSER_H_
