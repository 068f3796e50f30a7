// CCP4's core C library (Debian libccp4-dev, LGPL): cmtzlib writes and reads MTZ files the way
// BLEND, aimless and the other CCP4 programs do; csymlib supplies the symmetry records.
#include <ccp4/cmtzlib.h>
#include <ccp4/csymlib.h>
#include <ccp4/ccp4_general.h>
