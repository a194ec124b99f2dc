#pragma once
// One interface for a search space: what every module needs to know about the architectures of a
// named space without knowing which space it is. An architecture is a Genotype: one choice per
// position (NAS-Bench-201: an op per edge; FBNet: a block per layer). Its identity is its canonical
// string (format(parse(text))); only an enumerable space also gives it an integer index.
#include "searchspace/layer_graph.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace maple::searchspace {

class AdditiveCosts;

// The version of every space's canonical form, network and encodings this build knows: predictor
// states and files record it, and one of another version is refused rather than mispredicting.
// Bump it when a space's canonical strings, network or encodings change.
inline constexpr int kSpaceVersion = 1;

struct Genotype {
  std::vector<std::uint8_t> choices; // one per position, an index into SearchSpace::choiceNames()
  bool operator==(const Genotype&) const = default;
};

// Cheap features at batch 1 for the space's input size (conventions: the space's documentation).
struct Features {
  double macs = 0;
  double params = 0;
  double activationBytes = 0;
};

// Cost-row columns (additive_costs.hpp) before the op counts: the three Features.
inline constexpr int kFeatureColumns = 3;

// One family of operation counts a cost model can use: a label and a count per entry.
struct OpCountGroup {
  std::string name; // e.g. "layer_block", "stage_block", "shape"
  std::vector<std::string> labels;
  std::vector<double> counts;
};

class SearchSpace {
public:
  virtual ~SearchSpace() = default;
  virtual std::string_view name() const = 0;        // "nb201", "fbnet"
  virtual std::string_view description() const = 0; // one line for users
  virtual Shape input() const = 0;                   // of one image
  virtual int positions() const = 0;
  virtual std::span<const std::string_view> choiceNames() const = 0; // the same at every position

  // Throws maple::Error (BadInput) naming the position and the bad token.
  virtual Genotype parse(std::string_view text) const = 0;
  // Throws maple::Error (Usage) for a genotype of the wrong length or an unknown choice.
  virtual std::string format(const Genotype& g) const = 0;
  std::string canonical(std::string_view text) const { return format(parse(text)); }

  // Enumerable spaces only: the number of architectures and each one's index; nullopt otherwise.
  virtual std::optional<std::int64_t> size() const = 0;
  virtual std::optional<std::int64_t> index(const Genotype& g) const = 0;
  virtual Genotype fromIndex(std::int64_t index) const = 0; // Usage error when not enumerable

  virtual Features features(const Genotype& g) const = 0;
  virtual std::vector<OpCountGroup> opCounts(const Genotype& g) const = 0;
  virtual LayerGraph network(const Genotype& g) const = 0;
  // A space whose costs add up per position gives them as a table (additive_costs.hpp), made once;
  // features() then reads it too. nullptr for the others.
  virtual const AdditiveCosts* additiveCosts() const { return nullptr; }
  // The reference architectures of the reference-latency descriptor, canonical strings, in order.
  virtual std::vector<std::string> referenceArchitectures() const = 0;

  // positions x choices, position-major.
  std::vector<float> oneHot(const Genotype& g) const;
  // `count` distinct architectures drawn uniformly (choices independent per position), the same
  // for the same seed on every platform. Usage error when the space has fewer than `count`.
  std::vector<Genotype> sample(int count, std::uint64_t seed) const;
  // Every architecture in index order; Usage error when the space is not enumerable.
  std::vector<Genotype> enumerate() const;

protected:
  // Checks the length and range of g (Usage error otherwise).
  void check(const Genotype& g) const;
};

const SearchSpace& nb201Space();
const SearchSpace& fbnetSpace();

// The spaces this build knows, by name. find() returns nullptr for an unknown name; get() throws
// maple::Error (Usage) naming the known spaces.
const SearchSpace* findSpace(std::string_view name);
const SearchSpace& space(std::string_view name);
std::vector<std::string_view> spaceNames();

} // namespace maple::searchspace
