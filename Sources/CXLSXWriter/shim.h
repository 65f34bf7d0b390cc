// Umbrella header for the C libraries that only the XLSXWriter module may use.
// libxlsxwriter writes the package; zlib (already a link dependency of
// libxlsxwriter, see `pkg-config --libs xlsxwriter`) lets XLSXWriter re-zip the
// package after patching boolean and error cached formula results.
// Debian packages: libxlsxwriter-dev, zlib1g-dev.
#include <xlsxwriter.h>
#include <zlib.h>
