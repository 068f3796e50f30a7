/// Where a text dendrogram's rows and merges go: leaves (or folded subtrees) as rows in R's
/// dendrogram order at column 0, and every merge as a vertical bar at a column proportional to
/// its Ward height, half-way between the rows of its children. Computed from plain merges so that
/// `dendrogram.txt` (from a ``CellClusterAnalysis``) and the terminal UI (from a cluster report)
/// lay the tree out the same way; what is written beside the nodes is left to them.
public struct DendrogramLayout: Sendable {
    /// One merge in R's `hclust` convention: a negative child −i is dataset i (1-based), a
    /// positive child k is the k-th merge (1-based, earlier in the list).
    public struct Merge: Sendable, Equatable {
        public var left: Int, right: Int
        public var height: Double

        public init(left: Int, right: Int, height: Double) {
            self.left = left; self.right = right; self.height = height
        }
    }

    /// A cell of the layout's grid.
    public struct Point: Sendable, Equatable {
        public var row: Int, column: Int
    }

    /// A drawn merge: a line from each child to the merge's column and a bar there joining them.
    public struct DrawnMerge: Sendable {
        /// The merge's 1-based number.
        public let number: Int
        public let left: Point, right: Point
        /// The column of the bar joining the children.
        public let column: Int
        /// Whether this is one of the five highest merges, which BLEND annotates on `tree.png`.
        public let isTopFive: Bool

        /// Rows of the upper and lower child.
        public var top: Int { min(left.row, right.row) }
        public var bottom: Int { max(left.row, right.row) }
        /// Where the merge's parent connects to it.
        public var position: Point { Point(row: (top + bottom) / 2, column: column) }
        /// The first cell to the right of the bar on the upper child's row, where its note goes.
        public var noteAnchor: Point { Point(row: top, column: column + 1) }
    }

    /// The nodes shown as rows, top to bottom: −dataset for a leaf, +merge for a folded subtree.
    public let rows: [Int]
    /// The drawn merges, in merge order (children before parents).
    public let nodes: [DrawnMerge]
    /// Columns over which heights from 0 to ``maxHeight`` are spread.
    public let treeWidth: Int
    /// The root's height, at column `treeWidth − 1`.
    public let maxHeight: Double

    /// Lays out `merges` with `rows` (from ``rows(merges:limit:)``; nil: every leaf) and heights
    /// spread over `treeWidth` columns. A merge sits at least `minimumStep` columns right of both
    /// children: 0 lets merges at nearly the same height share a column, 1 keeps every bar apart
    /// from the ones it joins.
    public init(merges: [Merge], rows: [Int]? = nil, treeWidth: Int, minimumStep: Int) {
        self.treeWidth = treeWidth
        maxHeight = merges.last?.height ?? 0
        self.rows = rows ?? Self.rows(merges: merges, limit: nil)

        var position: [Int: Point] = [:]
        for (r, u) in self.rows.enumerated() { position[u] = Point(row: r, column: 0) }
        let shown = Set(self.rows)
        var nodes: [DrawnMerge] = []
        for (i, m) in merges.enumerated() {
            let number = i + 1
            guard let a = position[m.left], let b = position[m.right], !shown.contains(number) else { continue }
            let x = max(Self.column(m.height, maxHeight: maxHeight, treeWidth: treeWidth),
                        a.column + minimumStep, b.column + minimumStep)
            let node = DrawnMerge(number: number, left: a, right: b, column: x, isTopFive: number > merges.count - 5)
            position[number] = node.position
            nodes.append(node)
        }
        self.nodes = nodes
    }

    /// The column of height `h`: 0 at the left edge, ``maxHeight`` at `treeWidth − 1`.
    public func column(height h: Double) -> Int {
        Self.column(h, maxHeight: maxHeight, treeWidth: treeWidth)
    }

    private static func column(_ h: Double, maxHeight: Double, treeWidth: Int) -> Int {
        maxHeight > 0 && h.isFinite ? Int((max(0, h) / maxHeight * Double(treeWidth - 1)).rounded()) : 0
    }

    /// Draws every node's lines on `canvas`, each with the mark `mark` gives it.
    public func drawLines<Mark>(on canvas: inout TextCanvas<Mark>, mark: (DrawnMerge) -> Mark) {
        for node in nodes {
            let m = mark(node)
            canvas.horizontal(row: node.left.row, from: node.left.column, to: node.column, mark: m)
            canvas.horizontal(row: node.right.row, from: node.right.column, to: node.column, mark: m)
            canvas.vertical(column: node.column, from: node.top, to: node.bottom, mark: m)
        }
    }

    /// The nodes shown as rows of `merges`' dendrogram, in dendrogram order (left subtree first):
    /// every leaf, or at most `limit` rows (at least one). Opening a folded merge replaces one row
    /// with two, so the highest folded merge is opened (ties: the later one) until the rows are
    /// used up or all are leaves. With no merges the tree is a single leaf.
    public static func rows(merges: [Merge], limit: Int?) -> [Int] {
        guard !merges.isEmpty else { return [-1] }
        let root = merges.count
        var open: Set<Int>
        if let limit {
            open = []
            var folded: Set<Int> = [root]
            var count = 1
            while count < limit, let next = folded.max(by: { (merges[$0 - 1].height, $0) < (merges[$1 - 1].height, $1) }) {
                folded.remove(next)
                open.insert(next)
                for child in [merges[next - 1].left, merges[next - 1].right] where child > 0 { folded.insert(child) }
                count += 1
            }
        } else {
            // Without a limit every merge is open; skipping the search keeps this linear.
            open = Set(1...root)
        }
        var out: [Int] = []
        var stack = [root]
        while let x = stack.popLast() {
            if x > 0 && open.contains(x) {
                stack.append(merges[x - 1].right)
                stack.append(merges[x - 1].left)
            } else {
                out.append(x)
            }
        }
        return out
    }
}
