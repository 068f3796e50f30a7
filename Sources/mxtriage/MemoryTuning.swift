#if canImport(CMalloc)
import CMalloc
#endif

/// Every decoded Pilatus 6M frame is a 25 MB array, allocated and freed once per image by every
/// stage that reads images. glibc serves blocks that large with mmap and returns them on free,
/// so each image costs ~6,000 fresh zero-filled pages; measured, that page-fault traffic made
/// joint integration 2.7× slower than the same work in a fresh process. Raising the mmap and
/// trim thresholds above a frame's size lets freed frames be reused from the heap.
enum MemoryTuning {
    static func keepImageBuffers() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 256 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 1 << 30)
        #endif
    }
}
