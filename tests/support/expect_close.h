#pragma once
// A measured figure against theory, within a relative tolerance, logged either way so that a
// passing run still shows how close it came.

#include "support/scenario_runs.h"

#include <QTest>

namespace sdlab::test {

inline void expectClose(const char* what, double measured, double expected, double tolerance) {
    const double err = relativeError(measured, expected);
    qInfo("%-28s measured %10.4f  theory %10.4f  error %5.2f%%", what, measured, expected,
          100 * err);
    QVERIFY2(err <= tolerance, qPrintable(QString("%1: measured %2, theory %3 (error %4%)")
                                              .arg(what)
                                              .arg(measured)
                                              .arg(expected)
                                              .arg(100 * err)));
}

} // namespace sdlab::test
