#include "bench/quality/shingle_metric.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_join.h"
#include "service/extract/strings/utf8.h"

namespace declutter::bench {
namespace {

// Python's \w: alphanumeric (letters and every numeric character) or
// underscore.
bool IsWordChar(uint32_t cp) {
  return cp == '_' || u_isalpha(cp) ||
         u_getNumericValue(cp) != U_NO_NUMERIC_VALUE || u_isdigit(cp);
}

bool IsHan(uint32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(cp, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

using Shingles = absl::flat_hash_map<std::string, int>;

Shingles MakeShingles(const std::vector<std::string>& tokens) {
  Shingles out;
  if (tokens.empty()) return out;
  if (tokens.size() < 4) {
    ++out[absl::StrJoin(tokens, " ")];
    return out;
  }
  for (size_t i = 0; i + 4 <= tokens.size(); ++i) {
    ++out[absl::StrJoin(tokens.begin() + i, tokens.begin() + i + 4, " ")];
  }
  return out;
}

// \w+ runs of `text`, lower-cased (ICU full case folding is not what the
// published figures used: Python's str.lower()).
std::vector<std::string> LowerWords(absl::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (size_t i = 0; i < text.size();) {
    const uint32_t cp = extract::NextCodePoint(text, &i);
    if (!IsWordChar(cp)) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      continue;
    }
    const UChar32 lower = u_tolower(static_cast<UChar32>(cp));
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len,
                     lower);  // 4 bytes always fit
    current.append(buf, len);
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

std::vector<std::string> Tokenize(absl::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const uint32_t cp = extract::NextCodePoint(text, &i);
    if (!IsWordChar(cp)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
      continue;
    }
    if (IsHan(cp)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
      tokens.emplace_back(text.substr(start, i - start));
      continue;
    }
    current.append(text.data() + start, i - start);
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

PageScore ScoreShingles(absl::string_view truth, absl::string_view prediction) {
  const std::vector<std::string> t_tokens = Tokenize(truth);
  const std::vector<std::string> p_tokens = Tokenize(prediction);
  PageScore score;
  score.exact = t_tokens == p_tokens;
  const Shingles t = MakeShingles(t_tokens);
  const Shingles p = MakeShingles(p_tokens);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [s, n] : p) {
    auto it = t.find(s);
    const int truth_count = it == t.end() ? 0 : it->second;
    tp += std::min(n, truth_count);
    fp += std::max(0, n - truth_count);
  }
  for (const auto& [s, n] : t) {
    auto it = p.find(s);
    const int pred_count = it == p.end() ? 0 : it->second;
    fn += std::max(0, n - pred_count);
  }
  const double sum = tp + fp + fn;
  if (sum > 0) tp /= sum, fp /= sum, fn /= sum;
  score.precision =
      (fp == 0 && fn == 0) ? 1.0 : (tp + fp == 0 ? 0.0 : tp / (tp + fp));
  score.recall =
      (fp == 0 && fn == 0) ? 1.0 : (tp + fn == 0 ? 0.0 : tp / (tp + fn));
  return score;
}

SetScore Aggregate(const std::vector<PageScore>& pages) {
  SetScore s;
  s.pages = static_cast<int>(pages.size());
  if (pages.empty()) return s;
  int exact = 0;
  for (const PageScore& p : pages) {
    s.precision += p.precision;
    s.recall += p.recall;
    exact += p.exact;
  }
  s.precision /= pages.size();
  s.recall /= pages.size();
  s.accuracy = static_cast<double>(exact) / pages.size();
  s.f1 = F1(s.precision, s.recall);
  return s;
}

double F1(double precision, double recall) {
  return precision + recall == 0
             ? 0
             : 2 * precision * recall / (precision + recall);
}

WordScore ScoreWords(absl::string_view truth, absl::string_view prediction) {
  absl::flat_hash_map<std::string, int> t;
  int truth_n = 0, pred_n = 0, overlap = 0;
  for (std::string& w : LowerWords(truth)) {
    ++t[std::move(w)];
    ++truth_n;
  }
  for (const std::string& w : LowerWords(prediction)) {
    ++pred_n;
    auto it = t.find(w);
    if (it != t.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  WordScore score;
  if (truth_n == 0 && pred_n == 0) {
    score.f1 = 1.0;
    return score;
  }
  if (truth_n == 0 || pred_n == 0 || overlap == 0) return score;
  score.precision = static_cast<double>(overlap) / pred_n;
  score.recall = static_cast<double>(overlap) / truth_n;
  score.f1 = F1(score.precision, score.recall);
  return score;
}

std::string FoldForSnippet(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    const uint32_t cp = extract::NextCodePoint(text, &i);
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    const UChar32 lower = u_tolower(static_cast<UChar32>(cp));
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buf), len, lower);
    out.append(buf, len);
  }
  return out;
}

}  // namespace declutter::bench
