import MXGeometry

/// Connected regions (6-neighbour, periodic) of an n³ map above a threshold, with each region's
/// volume and centre of mass. Coordinates are accumulated unwrapped, so a peak that straddles
/// the edge of the periodic grid gets a continuous centre.
enum PeakFloodFill {
    struct Peak: Sendable {
        var volume: Int
        /// Centre of mass in grid units, (x, y, z), possibly outside [0, n).
        var centre: Vec3
    }

    static func peaks(in map: [Float], n: Int, threshold: Float) -> [Peak] {
        var visited = [Bool](repeating: false, count: map.count)
        var result: [Peak] = []
        var stack: [(Int, Int, Int)] = []
        for start in map.indices where map[start] >= threshold && !visited[start] {
            visited[start] = true
            let sx = start % n, sy = (start / n) % n, sz = start / (n * n)
            stack.append((sx, sy, sz))
            var count = 0
            var sum = Vec3.zero
            while let (x, y, z) = stack.popLast() {
                count += 1
                sum += Vec3(Double(x), Double(y), Double(z))
                for (dx, dy, dz) in [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)] {
                    let ux = x + dx, uy = y + dy, uz = z + dz
                    let wx = (ux % n + n) % n, wy = (uy % n + n) % n, wz = (uz % n + n) % n
                    let index = (wz * n + wy) * n + wx
                    if !visited[index] && map[index] >= threshold {
                        visited[index] = true
                        stack.append((ux, uy, uz))
                    }
                }
            }
            result.append(Peak(volume: count, centre: sum / Double(count)))
        }
        return result
    }
}
