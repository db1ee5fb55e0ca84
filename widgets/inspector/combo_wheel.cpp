#include "combo_wheel.h"

#include <QComboBox>
#include <QEvent>

namespace sdlab::widgets {

namespace {

class WheelFilter : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Wheel) return false;
        auto* widget = static_cast<QWidget*>(watched);
        if (widget->hasFocus()) return false;
        event->ignore(); // ignored and filtered: it goes on to the scroll area
        return true;
    }
};

} // namespace

void ignoreWheelUnlessFocused(QComboBox* combo) {
    combo->setFocusPolicy(Qt::StrongFocus);
    combo->installEventFilter(new WheelFilter(combo));
}

} // namespace sdlab::widgets
