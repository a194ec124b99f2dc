#pragma once
// A measurer whose engine runs on a remote device: each architecture is one measure request, and
// the reply's conditions are the device's own (its governor, frequencies, threads).
// services/remote.hpp runs it (measureOnDevice).
#include "remote/agent_link.hpp"
#include "services/measure.hpp"

namespace maple::remote {

class RemoteMeasurer final : public services::Measurer {
public:
  RemoteMeasurer(AgentLink& link, MeasureAsk ask) : link_(link), ask_(std::move(ask)) {}
  measure::Measurement measure(const searchspace::Architecture& arch, const measure::Protocol& p,
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

} // namespace maple::remote
