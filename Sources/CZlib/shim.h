// zlib, for reading .gz images transparently.
#include <zlib.h>
