#pragma once
// A two-architecture, two-device latency table in the HELP layout, for CLI tests that need an
// imported project in a fraction of a second.
#include <QByteArray>

namespace maple::testing {

inline const QByteArray kSmallTable =
    "idx,arch_str,devA,devB\n"
    "0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,1.5,2.5\n"
    "1,|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,3.0,4.0\n";

} // namespace maple::testing
