#include "service/server/health_port.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace declutter::server {
namespace {

// Finishes its call at once with UNIMPLEMENTED naming the method.
class Unimplemented final : public grpc::ServerGenericBidiReactor {
 public:
  explicit Unimplemented(const std::string& method) {
    Finish(grpc::Status(
        grpc::StatusCode::UNIMPLEMENTED,
        absl::StrCat(method,
                     " is not served on the health port: it serves "
                     "grpc.health.v1 only; call the API port")));
  }
  void OnDone() override { delete this; }
};

}  // namespace

void PluginFreeOption::UpdateArguments(grpc::ChannelArguments*) {}

void PluginFreeOption::UpdatePlugins(
    std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) {
  plugins->clear();
}

grpc::ServerGenericBidiReactor* HealthPortFallback::CreateReactor(
    grpc::GenericCallbackServerContext* context) {
  // The method name comes from the client: only its first 200 bytes are
  // echoed.
  return new Unimplemented(context->method().substr(0, 200));
}

void MakeHealthOnly(grpc::ServerBuilder* builder,
                    HealthPortFallback* fallback) {
  builder->SetOption(std::make_unique<PluginFreeOption>());
  builder->RegisterCallbackGenericService(fallback);
}

}  // namespace declutter::server
