// Prints CleanResponses for people (text) or programs (protobuf's proto3 JSON mapping:
// pretty JSON, or one compact line per response for JSONL). JSON output includes
// fields at their default values, so scripts can rely on every documented key.
// Not thread-safe: one printer per output stream.

#ifndef DECLUTTER_CLIENT_RESPONSE_PRINTER_H_
#define DECLUTTER_CLIENT_RESPONSE_PRINTER_H_

#include <ostream>
#include <string>

#include "proto/declutter/v1/declutter.pb.h"

namespace declutter::client {

enum class PrintFormat { kText, kJson, kJsonl };

class ResponsePrinter {
 public:
  ResponsePrinter(PrintFormat format, std::ostream& out) : format_(format), out_(out) {}

  void Print(const v1::CleanResponse& response);

  // `response` as one line of proto3 JSON, every field present, no newline.
  static std::string JsonLine(const v1::CleanResponse& response);

 private:
  PrintFormat format_;
  std::ostream& out_;
  int printed_ = 0;
};

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_RESPONSE_PRINTER_H_
