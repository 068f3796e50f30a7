import Foundation
import MXSymmetry
import MXTestSupport
import XCTest

/// Our reciprocal asymmetric unit is cctbx's: the same representative for every reflection,
/// in one space group of every Laue class (and both settings of −3m), checked against cctbx's
/// `map_to_asu` (Debian python3-cctbx).
final class ReciprocalASUTests: XCTestCase {
    static let groups = ["P 1", "C 1 2 1", "P 21 21 21", "I 2 2 2", "P 41", "I 4 2 2", "R 3 :H", "P 3", "P 32 2 1",
                         "R 3 2 :H", "P 3 1 2", "P 61", "P 61 2 2", "I 21 3", "P 4 3 2"]

    func testRepresentativesAreCctbxs() throws {
        guard let python = CommandRunner.dxtbxPython else { throw XCTSkip("python3 with cctbx (python3-dials) is not installed") }
        var indices: [SIMD3<Int>] = []
        for i in 0..<400 {
            let h = SIMD3<Int>((i * 7) % 17 - 8, (i * 11) % 19 - 9, (i * 5) % 23 - 11)
            if h != .zero { indices.append(h) }
        }
        let list = indices.map { "(\($0.x),\($0.y),\($0.z))" }.joined(separator: ",")
        let script = """
        from cctbx import crystal, miller, sgtbx
        from cctbx.array_family import flex
        import sys
        idx = flex.miller_index([\(list)])
        for symbol in sys.argv[1:]:
            info = sgtbx.space_group_info(symbol)
            cs = crystal.symmetry(unit_cell=info.any_compatible_unit_cell(volume=1000), space_group_info=info)
            mapped = miller.set(cs, idx, anomalous_flag=False).map_to_asu().indices()
            print(symbol + "|" + " ".join("%d,%d,%d" % h for h in mapped))
        """
        let run = try CommandRunner.run(python, ["-c", script] + Self.groups)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, Self.groups.count)
        for line in lines {
            let parts = line.split(separator: "|", maxSplits: 1)
            let symbol = String(parts[0])
            let group = try SpaceGroup(symbol.replacingOccurrences(of: " :H", with: ""))
            let asu = ReciprocalASU(group)
            let expected = parts[1].split(separator: " ").map { t -> SIMD3<Int> in
                let v = t.split(separator: ",").map { Int($0)! }
                return SIMD3(v[0], v[1], v[2])
            }
            let ours = indices.map(asu.representative)
            XCTAssertEqual(ours, expected, "\(symbol) (\(asu.laueClass.rawValue))")
            XCTAssertTrue(expected.allSatisfy(asu.contains), symbol)
        }
    }
}
