internal import CCBF

/// libcbf's own decode of a CBF's first binary section (`cbf_get_integerarray`) — the
/// reference the fast decoder is checked against pixel for pixel, and the baseline of
/// `DecodeBenchmark`. Not used for reading images: it is several times slower.
public enum LibCBFDecoder {
    /// Decodes the (decompressed) file content with libcbf.
    ///
    /// - Parameter checkDigest: let libcbf verify Content-MD5 while it decodes.
    public static func decode(fileContent bytes: [UInt8], checkDigest: Bool = true) throws(ImageReadError) -> PixelImage {
        do throws(CBFProblem) {
            return try LibCBFLock.serialized { () throws(CBFProblem) -> PixelImage in
                let handle = try bytes.withBytes { raw throws(CBFProblem) in try LibCBFHandle(text: raw, checkDigests: checkDigest) }
                return try decode(handle)
            }
        } catch {
            throw ImageReadError(path: "(libcbf)", reason: error.reason)
        }
    }

    /// Decodes with an already-parsed handle (so that a benchmark can time the decode alone).
    package static func decode(_ handle: LibCBFHandle) throws(CBFProblem) -> PixelImage {
        guard handle.findCategory("array_data"), handle.findColumn("data") else {
            throw CBFProblem("libcbf finds no array_data.data")
        }
        var compression: UInt32 = 0
        var id: Int32 = 0, elSigned: Int32 = 0, elUnsigned: Int32 = 0, minElem: Int32 = 0, maxElem: Int32 = 0
        var elSize = 0, count = 0, fast = 0, mid = 0, slow = 0, padding = 0
        var byteOrder: UnsafePointer<CChar>?
        let status = cbf_get_integerarrayparameters_wdims(handle.handle, &compression, &id, &elSize, &elSigned, &elUnsigned,
                                                          &count, &minElem, &maxElem, &byteOrder, &fast, &mid, &slow, &padding)
        guard status == 0 else {
            throw CBFProblem("libcbf cannot read the array parameters (\(LibCBFStatus.describe(status)))")
        }
        guard count == fast * max(mid, 1) * max(slow, 1) else {
            throw CBFProblem("libcbf reports \(count) elements for \(fast)×\(mid)×\(slow)")
        }
        var read = 0
        var decodeStatus: Int32 = 0
        let values = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            decodeStatus = cbf_get_integerarray(handle.handle, &id, out.baseAddress, 4, 1, count, &read)
            initialized = decodeStatus == 0 ? read : 0
        }
        guard decodeStatus == 0, read == count else {
            throw CBFProblem("libcbf cannot decode the array (\(LibCBFStatus.describe(decodeStatus)))")
        }
        return PixelImage(fast: fast, slow: max(mid, 1), pixels: values)
    }
}
