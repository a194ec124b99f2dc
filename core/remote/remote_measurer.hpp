#pragma once
// A remote device for one run: the link to its agent, its detection, and a measurer whose engine
// runs there (each architecture one measure request; the reply's conditions are the device's own:
// its governor, frequencies, threads). The launcher is kept with the device (devices.launcher).
#include "remote/agent_link.hpp"
#include "services/measure.hpp"

namespace maple::remote {

class RemoteMeasurer final : public services::Measurer {
public:
  RemoteMeasurer(AgentLink& link, MeasureAsk ask) : link_(link), ask_(std::move(ask)) {}
  measure::Measurement measure(const nb201::Cell& cell, const measure::Protocol& p,
                               const measure::MeasureCallback& cb) override;
  std::string name() const override { return engine_.empty() ? "remote:" + ask_.engine : engine_; }
  std::string version() const override;
  std::optional<measure::Conditions> lastConditions() const override { return conditions_; }

private:
  AgentLink& link_;
  MeasureAsk ask_;
  std::string engine_, engineVersion_;
  std::optional<measure::Conditions> conditions_;
};

// The launcher for a run on `device`: `given` when not empty, else the one stored for the device
// (empty: a local run).
std::string launcherFor(store::Project& project, const std::string& device, const std::string& given);

struct RemoteDevice {
  RemoteDevice(const std::string& launcher, double timeoutS, std::function<bool()> cancelled)
      : link(launcher, timeoutS, std::move(cancelled)), host(link.detect()) {}
  AgentLink link;
  measure::HostInfo host;
  // For provenance: "launcher 'ssh pi@board maple agent'".
  std::string via() const;
  // Records the launcher with the device (an existing device; its own short write).
  void remember(store::Project& project, const std::string& device) const;
};

} // namespace maple::remote
