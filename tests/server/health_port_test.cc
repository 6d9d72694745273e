#include "service/server/health_port.h"

#include <grpcpp/impl/server_builder_plugin.h>

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace declutter::server {
namespace {

class NamedPlugin final : public grpc::ServerBuilderPlugin {
 public:
  std::string name() override { return "named"; }
  void InitServer(grpc::ServerInitializer*) override {}
  void Finish(grpc::ServerInitializer*) override {}
  void ChangeArguments(const std::string&, void*) override {}
};

TEST(HealthPortTest, PluginFreeOptionRemovesEveryPlugin) {
  std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>> plugins;
  plugins.push_back(std::make_unique<NamedPlugin>());
  plugins.push_back(std::make_unique<NamedPlugin>());
  PluginFreeOption option;
  option.UpdatePlugins(&plugins);
  EXPECT_TRUE(plugins.empty());
}

}  // namespace
}  // namespace declutter::server
