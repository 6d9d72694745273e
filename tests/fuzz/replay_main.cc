// A main() for the fuzz targets when they are built without libFuzzer (gcc, or
// the sanitizer build CI runs): every file named on the command line, or found
// in a directory named there, is fed once to LLVMFuzzerTestOneInput. So the
// checked-in corpus (seeds and every reproducer of a fixed finding) is a
// regression test in every build.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool Run(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s: expected a readable file\n",
                 path.c_str());
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()),
                         bytes.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE_OR_DIR...\n", argv[0]);
    return 2;
  }
  int runs = 0;
  for (int i = 1; i < argc; ++i) {
    std::error_code error;
    const std::filesystem::path root(argv[i]);
    if (!std::filesystem::is_directory(root, error)) {
      if (!Run(root)) return 1;
      ++runs;
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(root, error)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
    if (error) {
      std::fprintf(stderr, "replay: cannot list %s: %s\n", argv[i],
                   error.message().c_str());
      return 1;
    }
    for (const auto& f : files) {
      if (!Run(f)) return 1;
      ++runs;
    }
  }
  std::printf("replay: %d inputs, no crash\n", runs);
  return runs > 0 ? 0 : 1;
}
