// `declutter batch`: pushes a whole crawl (directories, page files, JSONL,
// WARC) through the engine in-process on all cores (--local, the default) or
// through a fleet of servers (--server, plaintext or TLS), into one JSON line
// per page, resumably.
//
//   declutter batch [--server TARGET | --local] [--concurrency N]
//                   [--output OUT.jsonl] [--resume] [--shard I/N]
//                   [--inputs-from FILE] [--allow-errors] [--max-retries N]
//                   [--max-bytes N] [--tls] [--tls-ca FILE]
//                   [--tls-cert FILE --tls-key FILE] INPUT...
//
// The parts: batch_args (the command line), page_source and page_queue (pages
// in), CleanLocally or stream_cleaner (the work), batch_sink with batch_output
// and batch_tally (answers out, counted).
//
// Returns the process exit status: 0 when every page was cleaned (or errors
// were allowed), 1 when any page failed, 2 on a usage error, 3 when the output
// could not be written (the run stops there; --resume goes on from it).

#ifndef DECLUTTER_CLIENT_BATCH_COMMAND_H_
#define DECLUTTER_CLIENT_BATCH_COMMAND_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace declutter::client {

int RunBatch(int argc, char** argv);

// The shard (0..shards-1) a page id falls in: FNV-1a 64 of the id, so every run
// and every machine agrees without coordinating.
int ShardOf(absl::string_view id, int shards);

}  // namespace declutter::client

#endif  // DECLUTTER_CLIENT_BATCH_COMMAND_H_
