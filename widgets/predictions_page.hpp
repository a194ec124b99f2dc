#pragma once
// Predictions: two modes on one tab. "Adapt to <target>" (the default) adapts a predictor to the
// target device from its measurements and stores it; "Cross-device evaluation" predicts every
// chosen device with a model that never saw it and compares stored evaluations.
#include <QWidget>

class QStackedWidget;
class QTabBar;

namespace maple::widgets {

class AdaptPage;
class CrossDevicePage;
class Workspace;

class PredictionsPage : public QWidget {
  Q_OBJECT
public:
  enum Mode { Adapt, CrossDevice };
  explicit PredictionsPage(Workspace* workspace, QWidget* parent = nullptr);
  AdaptPage* adapt() const { return adapt_; }
  CrossDevicePage* crossDevice() const { return cross_; }
  void setMode(Mode mode);
  Mode mode() const;

private:
  Workspace* workspace_;
  QTabBar* modes_;
  QStackedWidget* stack_;
  AdaptPage* adapt_;
  CrossDevicePage* cross_;
};

} // namespace maple::widgets
