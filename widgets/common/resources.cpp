#include "resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initSdlabResources() {
    Q_INIT_RESOURCE(icons);
    Q_INIT_RESOURCE(examples);
}

namespace sdlab::widgets {

void initResources() {
    initSdlabResources();
}

} // namespace sdlab::widgets
