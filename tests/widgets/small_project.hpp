#pragma once
// A small project made in the test: `devices` devices x `archs` architectures imported through the
// core's importer from a CSV written here, so widget tests run in a second on 2 cores.
#include "dataset/help_nb201.hpp"
#include "searchspace/cost.hpp"
#include "searchspace/space.hpp"
#include "store/evaluations.hpp"
#include "store/project.hpp"

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <cmath>

namespace maple::testing {

inline constexpr int kReferenceIndices[10] = {11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462};

// `names`, when given, names the devices (as many as `devices`); otherwise dev0, dev1, ...
inline QString makeSmallProject(const QDir& dir, const QString& name, int devices, int archs,
                                const QStringList& names = {}) {
  // Its own folder: the importer reads a devices.csv beside the table as the spec sheet.
  dir.mkpath(name + QStringLiteral("-data"));
  const QString csv = dir.filePath(name + QStringLiteral("-data/nb201_latency_ms.csv"));
  QFile f(csv);
  if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(csv));
  QByteArray text = "idx,arch_str";
  for (int d = 0; d < devices; ++d) text += "," + (names.isEmpty() ? "dev" + QByteArray::number(d) : names[d].toUtf8());
  text += "\n";
  const auto refs = searchspace::nb201Space().referenceArchitectures();
  for (int a = 0; a < archs; ++a) {
    // The first rows are HELP's reference architectures with their indices, so reference-latency
    // descriptors can be built.
    const auto cell = a < 10 ? nb201::parseCell(refs[static_cast<size_t>(a)]) : nb201::cellFromCode((a * 7919) % nb201::kSpaceSize);
    const double mflops = nb201::networkCost(cell).flops / 1e6;
    const int index = a < 10 ? kReferenceIndices[a] : 100 + a;
    text += QByteArray::number(index) + "," + QByteArray::fromStdString(nb201::toString(cell));
    for (int d = 0; d < devices; ++d)
      // Latency grows with FLOPs at a per-device speed, plus a per-device, per-arch wiggle.
      text += "," + QByteArray::number(0.5 + mflops / (50.0 * (d + 1)) * (1.0 + 0.1 * std::sin(a * (d + 1))), 'g', 8);
    text += "\n";
  }
  f.write(text);
  f.close();
  const QString path = dir.filePath(name + QStringLiteral(".maple"));
  auto project = store::Project::create(path.toStdString());
  dataset::importHelpNb201(project, csv.toStdString());
  return path;
}

// A stored evaluation over every measured latency of the project, predicted as 1.05 x measured
// for even architectures and 0.8 x for odd ones: known errors the views must show.
inline std::int64_t storeKnownEvaluation(store::Project& p) {
  store::EvaluationToSave e;
  e.row.method = "test";
  e.row.descriptorKind = "specs";
  e.row.protocol = "full";
  e.row.seed = 1;
  e.row.metricsJson = "{}";
  e.row.createdAt = "2026-01-01T00:00:00Z";
  auto st = p.db().prepare("SELECT device_id, architecture_id, latency_ms FROM latency_samples");
  while (st.step()) {
    const auto arch = st.int64(1);
    const double ms = st.real(2);
    e.predictions.push_back({st.int64(0), arch, ms * (arch % 2 == 0 ? 1.05 : 0.8), ms, false});
  }
  return store::saveEvaluations(p, {e}).at(0);
}

} // namespace maple::testing
