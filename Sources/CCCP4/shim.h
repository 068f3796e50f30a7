// CCP4's core C library (Debian libccp4-dev, LGPL): cmtzlib writes and reads MTZ files the way
// BLEND, aimless and the other CCP4 programs do; csymlib supplies the symmetry records.
#include <ccp4/cmtzlib.h>
#include <ccp4/csymlib.h>
#include <ccp4/ccp4_general.h>
#include <stdlib.h>
#include <string.h>

// The fixed-size char arrays of the MTZ structs import into Swift as tuples; these helpers copy
// C strings in and out of them within the array's own bound.

static inline void mxt_copy_string(char *dest, size_t size, const char *src) {
    strncpy(dest, src, size - 1);
    dest[size - 1] = '\0';
}

static inline void mxt_batch_set_title(MTZBAT *batch, const char *title) {
    mxt_copy_string(batch->title, sizeof(batch->title), title);
}

static inline void mxt_batch_set_axis_label(MTZBAT *batch, int axis, const char *label) {
    mxt_copy_string(batch->gonlab[axis], sizeof(batch->gonlab[axis]), label);
}

static inline const char *mxt_batch_title(const MTZBAT *batch) { return batch->title; }

/// A fixed column source and a non-zero source index: MtzPut then keeps it instead of stamping
/// the column with the current date, so identical inputs give identical files.
static inline void mxt_column_set_source(MTZCOL *column, const char *source, unsigned index) {
    mxt_copy_string(column->colsource, sizeof(column->colsource), source);
    column->source = index;
}

static inline const char *mxt_column_label(const MTZCOL *column) { return column->label; }
static inline const char *mxt_column_type(const MTZCOL *column) { return column->type; }
static inline const char *mxt_xtal_name(const MTZXTAL *xtal) { return xtal->xname; }
static inline const char *mxt_xtal_project(const MTZXTAL *xtal) { return xtal->pname; }
static inline const char *mxt_set_name(const MTZSET *set) { return set->dname; }
static inline const char *mxt_mtz_title(const MTZ *mtz) { return mtz->title; }
static inline const char *mxt_mtz_spacegroup_name(const MTZ *mtz) { return mtz->mtzsymm.spcgrpname; }
static inline const char *mxt_mtz_pointgroup_name(const MTZ *mtz) { return mtz->mtzsymm.pgname; }
static inline const char *mxt_mtz_history_line(const MTZ *mtz, int i) { return mtz->hist + MTZRECORDLENGTH * i; }

/// The most recently appended batch header (the tail of the list), or NULL.
static inline MTZBAT *mxt_last_batch(MTZ *mtz) {
    MTZBAT *b = mtz->batch;
    while (b != NULL && b->next != NULL) b = b->next;
    return b;
}

/// ccp4_lwsymm from a flat array of `nsym` row-major 4×4 operators.
static inline int mxt_write_symmetry(MTZ *mtz, int nsym, int nsymp, const float *ops, char lattice,
                                     int number, const char *name, const char *pointgroup) {
    if (nsym < 1 || nsym > 192) return 0;
    float (*rsym)[4][4] = (float (*)[4][4])calloc(192, sizeof(float[4][4]));
    if (rsym == NULL) return 0;
    memcpy(rsym, ops, (size_t)nsym * 16 * sizeof(float));
    char ltype[2] = {lattice, '\0'};
    char spg[MAXSPGNAMELENGTH + 1], pg[MAXPGNAMELENGTH + 1];
    mxt_copy_string(spg, sizeof(spg), name);
    mxt_copy_string(pg, sizeof(pg), pointgroup);
    int ok = ccp4_lwsymm(mtz, nsym, nsymp, rsym, ltype, number, spg, pg);
    free(rsym);
    return ok;
}

/// Operator `i` of a csymlib space group as a row-major 4×4 matrix (translation in column 3).
static inline void mxt_spg_symop(const CCP4SPG *sp, int i, float out[16]) {
    memset(out, 0, 16 * sizeof(float));
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 3; ++c) out[4 * r + c] = sp->symop[i].rot[r][c];
        out[4 * r + 3] = sp->symop[i].trn[r];
    }
    out[15] = 1.0f;
}

static inline const char *mxt_spg_old_symbol(const CCP4SPG *sp) { return sp->symbol_old; }
static inline const char *mxt_spg_xhm_symbol(const CCP4SPG *sp) { return sp->symbol_xHM; }
static inline const char *mxt_spg_point_group(const CCP4SPG *sp) { return sp->point_group; }

/// MtzAddHistory from `n` consecutive MTZRECORDLENGTH-byte records.
static inline int mxt_add_history(MTZ *mtz, const char *records, int n) {
    return MtzAddHistory(mtz, (const char (*)[MTZRECORDLENGTH])records, n);
}
