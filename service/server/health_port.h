// What the plaintext --health_listen server serves: grpc.health.v1 and
// nothing else. Its port takes no credentials, so anything more on it is open
// to anyone who reaches it (reflection would give the full descriptor away).
//
// MakeHealthOnly(builder) prepares a ServerBuilder for that:
//   - PluginFreeOption removes every ServerBuilderPlugin. gRPC's reflection
//     library registers its plugin at static initialisation (a global
//     initializer in proto_server_reflection_plugin.cc), so every builder in a
//     process that links it would serve reflection however early it is made.
//     The default health service is not a plugin and stays.
//   - HealthPortFallback answers every other method UNIMPLEMENTED, saying so.
//     It is also what lets the builder start: with no plugin and no service of
//     its own, gRPC 1.51 refuses a server with no frequently polled queue.
//
// The fallback is stateless and thread-safe; it must outlive the server built.

#ifndef DECLUTTER_SERVICE_SERVER_HEALTH_PORT_H_
#define DECLUTTER_SERVICE_SERVER_HEALTH_PORT_H_

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/impl/server_builder_option.h>
#include <grpcpp/server_builder.h>

#include <memory>
#include <vector>

namespace declutter::server {

class PluginFreeOption final : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments* args) override;
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>*
                         plugins) override;
};

class HealthPortFallback final : public grpc::CallbackGenericService {
 public:
  grpc::ServerGenericBidiReactor* CreateReactor(
      grpc::GenericCallbackServerContext* context) override;
};

// Sets PluginFreeOption on `builder` and registers `fallback` (borrowed) as
// its generic service.
void MakeHealthOnly(grpc::ServerBuilder* builder, HealthPortFallback* fallback);

}  // namespace declutter::server

#endif  // DECLUTTER_SERVICE_SERVER_HEALTH_PORT_H_
