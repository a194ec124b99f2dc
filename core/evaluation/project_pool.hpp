#pragma once
// Training pools, device descriptors and reference shots read from a project: what the services
// hand the predictors (predict/ itself reads no project).
#include "predict/predictor.hpp"
#include "store/project.hpp"

#include <string>
#include <vector>

namespace maple::evaluation {

// The architectures of `space` measured on every device. Throws Usage for an unknown kind,
// BadInput naming the device when one lacks that descriptor (e.g. counters for a device that was
// never captured) or when the devices share too few architectures measured on all of them.
predict::TrainingPool loadTrainingPool(store::Project& project, const searchspace::SearchSpace& space,
                                       const std::vector<std::string>& devices, const std::string& kind);

// A device's descriptor of `kind` from the project; a reference-latency descriptor is of `space`'s
// references.
descriptor::Descriptor deviceDescriptor(store::Project& project, const searchspace::SearchSpace& space,
                                        const std::string& device, const std::string& kind);

// The device's measured latencies on `space`'s reference architectures as shots, in the space's
// reference order: what its reference-latency descriptor is made of, so a prediction that uses
// that descriptor uses these latencies and counts them as shots.
std::vector<predict::Shot> referenceShots(store::Project& project, const searchspace::SearchSpace& space, const std::string& device);

} // namespace maple::evaluation
