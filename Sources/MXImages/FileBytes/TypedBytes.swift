extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for a body with a typed error: the standard one only `rethrows`,
    /// which erases the error type that lets failures reach callers as `ImageReadError`.
    package func withBytes<T, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = withUnsafeBytes { raw in Result { () throws(E) in try body(raw) } }
        return try result.get()
    }
}
