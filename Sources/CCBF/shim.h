// libcbf, the CBF/imgCIF parser of record (Debian libcbf-dev, LGPL).
#include <stdio.h>
#include <cbflib/cbf.h>
#include <cbflib/cbf_simple.h>
