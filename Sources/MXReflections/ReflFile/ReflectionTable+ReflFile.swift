import Foundation

/// Reading and writing DIALS `.refl` files (msgpack), byte-compatible with DIALS.
///
/// Layout (`dials/array_family/reflection_table_msgpack_adapter.h`):
/// ```
/// ["dials::af::reflection_table", 1,
///  {"identifiers": {int id: str},
///   "nrows": N,
///   "data": {name: [typename, [N, bin(raw little-endian elements)]]}}]
/// ```
/// The version DIALS writes and accepts is 1. DIALS writes header keys in the order identifiers,
/// nrows, data; identifiers in ascending id and columns in byte-wise name order (both are
/// `std::map`s), with msgpack-c's smallest integer encodings. We write exactly that, so a table
/// DIALS wrote comes back byte-identical (minus columns we skip).
///
/// On read, header keys may come in any order, and columns whose type we do not model (e.g.
/// "Shoebox<>") are stepped over and listed in ``skippedColumns``.
extension ReflectionTable {
    /// The first element of every `.refl` file.
    public static let reflMagic = "dials::af::reflection_table"
    /// The format version DIALS writes and accepts.
    public static let reflVersion: UInt64 = 1

    /// Reads a `.refl` file.
    public init(contentsOf url: URL) throws(ReflectionFileError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReflectionFileError(path: url.path, problem: .unreadable(Self.reason(error)))
        }
        try self.init(reflBytes: [UInt8](data), path: url.path)
    }

    /// Decodes the bytes of a `.refl` file; `path` is only used in error messages.
    public init(reflBytes bytes: [UInt8], path: String = "<memory>") throws(ReflectionFileError) {
        do {
            self = try ReflDecoder.decode(bytes)
        } catch let e as ReflDecoder.Failure {
            throw ReflectionFileError(path: path, problem: e.problem)
        } catch let e as MessagePackError {
            if case .truncated = e {
                throw ReflectionFileError(path: path, problem: .truncated(offset: bytes.count))
            }
            throw ReflectionFileError(path: path, problem: .corrupt(e.description))
        } catch {
            throw ReflectionFileError(path: path, problem: .corrupt("\(error)"))
        }
    }

    /// The `.refl` bytes of this table, exactly as DIALS would write them.
    /// ``skippedColumns`` are not written (their data was never loaded).
    public func reflBytes() throws(ReflectionFileError) -> [UInt8] {
        // Reserve the whole file up front: blobs dominate, headers are small.
        let blobBytes = columnNames.reduce(0) { $0 + nrows * self[$1]!.type.elementSize }
        var w = MessagePackWriter(reservingCapacity: blobBytes + 64 * (ncols + identifiers.count) + 256)
        w.writeArrayHeader(count: 3)
        w.writeString(Self.reflMagic)
        w.writeUInt(Self.reflVersion)
        w.writeMapHeader(count: 3)

        w.writeString("identifiers")
        w.writeMapHeader(count: identifiers.count)
        for id in identifiers.keys.sorted() {
            w.writeInt(Int64(id))
            w.writeString(identifiers[id]!)
        }

        w.writeString("nrows")
        w.writeUInt(UInt64(nrows))

        w.writeString("data")
        w.writeMapHeader(count: ncols)
        for name in columnNames {
            let column = self[name]!
            guard nrows * column.type.elementSize <= MessagePackWriter.maxLength else {
                throw ReflectionFileError(path: "<memory>", problem: .tooLarge(column: name))
            }
            w.writeString(name)
            w.writeArrayHeader(count: 2)
            w.writeString(column.type.dialsName)
            w.writeArrayHeader(count: 2)
            w.writeUInt(UInt64(column.count))
            let blob = ColumnBinary.encode(column)
            w.writeBinaryHeader(count: blob.count)
            w.appendRaw(blob)
        }
        return w.bytes
    }

    /// Writes the table to `url` atomically (temporary file, then rename), so readers never see
    /// a half-written file.
    public func write(to url: URL) throws(ReflectionFileError) {
        let bytes: [UInt8]
        do {
            bytes = try reflBytes()
        } catch {
            throw ReflectionFileError(path: url.path, problem: error.problem)
        }
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw ReflectionFileError(path: url.path, problem: .unwritable(Self.reason(error)))
        }
    }

    private static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return ns.localizedDescription
    }
}

/// The read side, kept apart so the public API above stays small.
enum ReflDecoder {
    /// A format-level failure (as opposed to a msgpack-level one).
    struct Failure: Error {
        var problem: ReflectionFileError.Problem
    }

    static func decode(_ bytes: [UInt8]) throws -> ReflectionTable {
        var r = MessagePackReader(bytes)
        guard !bytes.isEmpty else { throw Failure(problem: .notAReflectionTable(found: "empty file")) }
        if bytes[0] == 0x80, bytes.count > 1 {
            throw Failure(problem: .notAReflectionTable(found: "looks like a Python pickle, the pre-2019 DIALS format"))
        }
        guard try r.peekKind() == "array" else {
            let kind = try r.peekKind()
            throw Failure(problem: .notAReflectionTable(found: "starts with a msgpack \(kind), not an array"))
        }
        let top = try r.readArrayHeader()
        guard top == 3 else { throw corrupt("top-level array has \(top) elements, expected 3") }
        guard try r.peekKind() == "str" else {
            let kind = try r.peekKind()
            throw Failure(problem: .notAReflectionTable(found: "first element is a \(kind), not the type name"))
        }
        let magic = try r.readString()
        guard magic == ReflectionTable.reflMagic else {
            throw Failure(problem: .notAReflectionTable(found: "type name is '\(magic.prefix(60))'"))
        }
        let version = try r.readUInt()
        guard version == ReflectionTable.reflVersion else { throw Failure(problem: .unsupportedVersion(version)) }

        var nrows: Int?
        var identifiers: [Int: String] = [:]
        var columns: [String: ReflectionColumn] = [:]
        var skipped: [String] = []
        var sawData = false
        let entries = try r.readMapHeader()
        for _ in 0..<entries {
            switch try r.readString() {
            case "nrows":
                let n = try r.readUInt()
                guard n <= UInt64(UInt32.max) else { throw corrupt("nrows \(n) is implausible") }
                nrows = Int(n)
            case "identifiers":
                let count = try r.readMapHeader()
                for _ in 0..<count {
                    let offset = r.offset
                    let id = try r.readInt()
                    guard let id32 = Int32(exactly: id) else {
                        throw corrupt("experiment id \(id) at byte \(offset) out of range")
                    }
                    identifiers[Int(id32)] = try r.readString()
                }
            case "data":
                sawData = true
                let count = try r.readMapHeader()
                for _ in 0..<count {
                    let name = try r.readString()
                    if let column = try readColumn(&r, name: name) {
                        columns[name] = column
                        skipped.removeAll { $0 == name }
                    } else {
                        columns[name] = nil
                        if !skipped.contains(name) { skipped.append(name) }
                    }
                }
            default:
                // DIALS rejects unknown keys; stepping over them costs nothing and tolerates
                // future additions.
                try r.skipValue()
            }
        }
        try r.expectEnd()
        guard let nrows else { throw corrupt("no 'nrows' entry") }
        guard sawData else { throw corrupt("no 'data' entry") }

        var table = ReflectionTable(nrows: nrows, identifiers: identifiers)
        for name in columns.keys.sorted(by: ReflectionTable.nameOrder) {
            let column = columns[name]!
            guard column.count == nrows else {
                throw corrupt("column '\(name)' has \(column.count) rows but nrows is \(nrows)")
            }
            try table.setColumn(name, column)
        }
        table.skippedColumns = skipped
        try checkPanels(table)
        return table
    }

    /// One `[typename, [count, bin]]` column value, or nil (after skipping it) if the type is
    /// one we do not model.
    private static func readColumn(_ r: inout MessagePackReader, name: String) throws -> ReflectionColumn? {
        let start = r.offset
        let pair = try r.readArrayHeader()
        guard pair == 2 else { throw corrupt("column '\(name)' at byte \(start) is not a [type, data] pair") }
        let typeName = try r.readString()
        guard let type = ReflectionColumnType(rawValue: typeName) else {
            try r.skipValue()
            return nil
        }
        let inner = try r.readArrayHeader()
        guard inner == 2 else { throw corrupt("column '\(name)' data is not a [count, bytes] pair") }
        let count = try r.readUInt()
        let range = try r.readBinaryRange()
        let (expected, overflow) = count.multipliedReportingOverflow(by: UInt64(type.elementSize))
        guard !overflow, expected == UInt64(range.count) else {
            throw corrupt("column '\(name)' (\(typeName)) claims \(count) rows but holds \(range.count) bytes")
        }
        return ColumnBinary.decode(type, count: Int(count), from: r.bytes, range: range)
    }

    /// Panel numbers are `size_t` in the file but index a detector's few panels everywhere
    /// else: one of 2⁶³ or more traps the conversion to `Int`, so no table carries one past
    /// 2³¹ (no detector has that many modules) beyond the reader.
    private static func checkPanels(_ table: ReflectionTable) throws {
        guard let panels = table.sizes("panel") else { return }
        if let row = panels.firstIndex(where: { $0 > UInt64(Int32.max) }) {
            throw corrupt("row \(row) is on panel \(panels[row]), beyond any detector")
        }
    }

    private static func corrupt(_ why: String) -> Failure { Failure(problem: .corrupt(why)) }
}
