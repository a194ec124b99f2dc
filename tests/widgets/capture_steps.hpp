#pragma once
// Waits for a capture on the Capture page to be past its first workload step, for tests that
// stop or cancel it mid-run (this machine's or a remote device's).
#include "capture_page.hpp"
#include "job.hpp"

#include <QTest>

namespace maple::testing {

// Starts a capture of nb201-ops and waits until its second step began (the first was counted).
inline bool startPastFirstStep(widgets::CapturePage* page) {
  double fraction = 0;
  const auto watch = QObject::connect(page->job(), &widgets::Job::progress, page, [&](double f, const QString&) { fraction = f; });
  page->start();
  // Step i of 5 starts at progress 0.1 + 0.9 * i / 5.
  const bool past = QTest::qWaitFor([&] { return fraction >= 0.1 + 0.9 / 5; }, 120000);
  QObject::disconnect(watch);
  return past && page->job()->isRunning();
}

} // namespace maple::testing
