// libbz2, for reading .bz2 images transparently.
#include <bzlib.h>
