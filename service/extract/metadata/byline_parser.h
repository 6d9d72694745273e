// Turns a byline as pages print it ("By Jane Doe and John Roe", "Written by: A,
// B & C", "作者：张三") into clean personal names: labels removed, split at
// commas, semicolons, "and", "&", "|" and "、", and pieces that are no name
// dropped (URLs, e-mail addresses, style sheets, anything with digits (dates,
// counts, user ids), phrases starting in lower case, anything longer than a
// name). Credentials ("MD", "PhD") stay with the name before them, as printed.
// Names keep their order, without duplicates. Stateless; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_METADATA_BYLINE_PARSER_H_
#define DECLUTTER_SERVICE_EXTRACT_METADATA_BYLINE_PARSER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace declutter::extract {

class BylineParser {
 public:
  static constexpr int kMaxNameChars = 60;
  static constexpr int kMaxNameWords = 6;
  static constexpr size_t kMaxNames = 16;

  static std::vector<std::string> Names(absl::string_view byline);
  // Names as a field that holds the author states them (the author meta,
  // JSON-LD's author): as Names, but a user handle with digits
  // ("ggailey777") is a name there; a word of digits alone still is not.
  static std::vector<std::string> DeclaredNames(absl::string_view value);

  // Whether `text` opens with a byline label and has more after it ("By Jane
  // Doe").
  static bool StartsWithLabel(absl::string_view text);
  // Whether `text` is a byline label alone ("Written by"), the name in the next
  // line.
  static bool IsLabel(absl::string_view text);

 private:
  static std::vector<std::string> NamesOf(absl::string_view byline,
                                          bool declared);
};

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_METADATA_BYLINE_PARSER_H_
