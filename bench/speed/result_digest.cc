#include "bench/speed/result_digest.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace declutter::bench {

std::string ResultDigest(const absl::StatusOr<extract::Result>& result) {
  if (!result.ok()) return result.status().ToString();
  const extract::Article& a = result->article;
  const extract::MetadataSources& s = a.sources;
  std::string out = absl::StrCat(
      "title=", a.title, "\ntext=", a.text,
      "\nauthors=", absl::StrJoin(a.authors, "|"), "\npublished=", a.published,
      "\nmodified=", a.modified, "\nsite=", a.site_name, "\nsource=", a.source,
      "\nlanguage=", a.language, "\ndescription=", a.description,
      "\nkeywords=", absl::StrJoin(a.keywords, "|"),
      "\ntags=", absl::StrJoin(a.tags, "|"), "\ncanonical=", a.canonical_url,
      "\nimage=", a.image, "\nwords=", a.word_count, "\neditor=", a.editor);
  absl::StrAppend(&out, "\nsources=", s.title, "|", s.authors, "|", s.published,
                  "|", s.modified, "|", s.site_name, "|", s.source, "|",
                  s.description, "|", s.keywords, "|", s.image, "|",
                  s.canonical_url, "|", s.editor);
  for (const extract::RemovedBlock& r : result->removed) {
    absl::StrAppend(&out, "\nremoved ", extract::BlockKindName(r.kind), " (",
                    r.reason, r.truncated ? ", truncated" : "", "): ", r.text);
  }
  absl::StrAppend(
      &out, "\nremoved counts=", absl::StrJoin(result->removed_counts, ","));
  const extract::InputInfo& in = result->input;
  absl::StrAppend(&out, "\ninput=", static_cast<int>(in.kind), " ", in.charset,
                  " ", in.charset_source, " ", in.bytes, " ",
                  in.replacement_count, " ", in.mojibake_repairs, " ",
                  in.tags_flattened, " ", in.lines_merged);
  return out;
}

}  // namespace declutter::bench
