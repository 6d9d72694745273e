#include "service/extract/output/article_writer.h"

#include "absl/strings/str_cat.h"

namespace declutter::extract {
namespace {

void AppendEscaped(absl::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '&': out->append("&amp;"); break;
      case '"': out->append("&quot;"); break;
      default: out->push_back(c);
    }
  }
}

void WriteHtml(const BlockList& blocks, std::string* out) {
  bool in_list = false;
  for (const Block& b : blocks) {
    if (!b.selected) continue;
    const bool item = b.role == BlockRole::kListItem;
    if (item != in_list) {
      out->append(item ? "<ul>\n" : "</ul>\n");
      in_list = item;
    }
    std::string open = "p";
    switch (b.role) {
      case BlockRole::kHeading: open = absl::StrCat("h", b.heading_level); break;
      case BlockRole::kListItem: open = "li"; break;
      case BlockRole::kQuote: open = "blockquote"; break;
      case BlockRole::kPreformatted: open = "pre"; break;
      default: break;
    }
    absl::StrAppend(out, "<", open, ">");
    AppendEscaped(b.text, out);
    absl::StrAppend(out, "</", open, ">\n");
  }
  if (in_list) out->append("</ul>\n");
}

}  // namespace

std::string ArticleWriter::Write(const BlockList& blocks, OutputFormat format) {
  std::string out;
  if (format == OutputFormat::kHtml) {
    WriteHtml(blocks, &out);
    return out;
  }
  const Block* previous = nullptr;
  for (const Block& b : blocks) {
    if (!b.selected) continue;
    if (previous != nullptr) {
      const bool list_run = previous->role == BlockRole::kListItem &&
                            b.role == BlockRole::kListItem;
      out.append(list_run ? "\n" : "\n\n");
    }
    previous = &b;
    if (format == OutputFormat::kMarkdown) {
      switch (b.role) {
        case BlockRole::kHeading:
          out.append(std::string(std::max(1, b.heading_level), '#')).append(" ");
          break;
        case BlockRole::kListItem: out.append("- "); break;
        case BlockRole::kQuote: out.append("> "); break;
        case BlockRole::kPreformatted:
          absl::StrAppend(&out, "```\n", b.text, "\n```");
          continue;
        default: break;
      }
    }
    out.append(b.text);
  }
  return out;
}

}  // namespace declutter::extract
