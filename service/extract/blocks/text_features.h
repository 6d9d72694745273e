// Surface features of one block of text, computed in one pass over its UTF-8 bytes.
// These are the classifier's evidence for plain-text and HTML blocks alike.
// Pure functions; thread-safe.

#ifndef DECLUTTER_SERVICE_EXTRACT_BLOCKS_TEXT_FEATURES_H_
#define DECLUTTER_SERVICE_EXTRACT_BLOCKS_TEXT_FEATURES_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace declutter::extract {

struct TextFeatures {
  int32_t chars = 0;        // code points, whitespace excluded
  int32_t han = 0;          // CJK ideographs, kana and Hangul
  int32_t letters = 0;      // other alphabetic code points
  int32_t digits = 0;
  int32_t punctuation = 0;  // sentence and clause punctuation (, . ; : ! ? and CJK forms)
  int32_t words = 0;        // runs of letters/digits, plus one per Han character
  bool ends_sentence = false;   // last visible character closes a sentence
  // Closes with a full stop (。 . ．). Headlines may ask or exclaim but do not end
  // this way, so it separates a headline-shaped line from prose.
  bool ends_with_full_stop = false;
  bool starts_with_bullet = false;  // "- ", "• ", "1. ", "1、", "(1)"...
  int32_t list_number = -1;  // N of a leading "N、", "N." or "N)" marker, else -1
  int32_t list_marker_bytes = 0;  // bytes of that marker, trailing spaces included
  bool has_url = false;
  bool has_email = false;
  bool has_phone = false;   // a run of 7+ consecutive digits

  // Length in "reading units": Han characters weigh as much as ~2 Latin letters,
  // since a Chinese sentence needs far fewer characters than an English one.
  double Weight() const { return han * 2.0 + letters + digits; }
};

TextFeatures ComputeTextFeatures(absl::string_view utf8);

}  // namespace declutter::extract

#endif  // DECLUTTER_SERVICE_EXTRACT_BLOCKS_TEXT_FEATURES_H_
