#include "client/response_printer.h"

#include "absl/strings/str_format.h"
#include "service/api/proto_json.h"
#include "service/api/proto_labels.h"

namespace declutter::client {
namespace {

// The server's HTTP answers and the CLI's JSON print alike.
std::string ToJson(const v1::CleanResponse& response, bool pretty) {
  return api::ResponseJson(response, pretty);
}

}  // namespace

std::string ResponsePrinter::JsonLine(const v1::CleanResponse& response) {
  return ToJson(response, false);
}

void ResponsePrinter::Print(const v1::CleanResponse& response) {
  switch (format_) {
    case PrintFormat::kJsonl:
      out_ << ToJson(response, false) << "\n";
      break;
    case PrintFormat::kJson:
      out_ << ToJson(response, true);
      break;
    case PrintFormat::kText:
      if (printed_ > 0) out_ << "\n";
      out_ << "==> " << response.id() << " <==\n";
      if (response.has_error()) {
        out_ << "error " << response.error().code() << ": "
             << response.error().message() << "\n";
        break;
      }
      if (!response.article().title().empty()) {
        out_ << "# " << response.article().title() << "\n\n";
      }
      if (response.page_type() != v1::PAGE_TYPE_UNSPECIFIED) {
        out_ << absl::StrFormat(
            "[%s page (%.2f), extraction confidence %.2f]\n\n",
            api::PageTypeLabel(response.page_type()),
            response.page_type_probability(), response.extraction_confidence());
      }
      out_ << response.article().text() << "\n";
      for (const v1::RemovedBlock& r : response.removed()) {
        out_ << "[removed " << api::RemovedKindLabel(r.kind()) << "] "
             << r.text() << (r.truncated() ? "..." : "") << "  (" << r.reason()
             << ")\n";
      }
      break;
  }
  out_.flush();
  ++printed_;
}

}  // namespace declutter::client
