/// A unified diff of the passages a repair changed (everything else is copied unchanged, so it is
/// the whole difference). Personal values are masked unless the user asked to see them.
public enum UnifiedDiff {
    public static func render(_ diffs: [PassageDiff], depositName: String, outputName: String, privacy: Privacy, to out: TextSink) {
        for d in diffs {
            // Lines are compared as they are and shown masked: a changed name shows as changed.
            let a = PersonalDataMask.lines(d.before), b = PersonalDataMask.lines(d.after)
            let shownA = PersonalDataMask.maskedLines(d.before, privacy: privacy)
            let shownB = PersonalDataMask.maskedLines(d.after, privacy: privacy)
            out.write("--- \(depositName)\t(\(d.idTechnique))\n+++ \(outputName)\t(\(d.idTechnique))\n")
            for hunk in hunks(a, b, firstLine: d.depositLine, showA: { shownA[$0] }, showB: { shownB[$0] }) { out.write(hunk) }
        }
    }

    /// Line numbers in `a` and `b`.
    private enum Op { case same(Int, Int), removed(Int), added(Int) }

    /// Longest-common-subsequence line diff: passages are short (tens of lines).
    private static func ops(_ a: [String], _ b: [String]) -> [Op] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                out.append(.same(i, j)); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                out.append(.removed(i)); i += 1
            } else {
                out.append(.added(j)); j += 1
            }
        }
        return out
    }

    private static func hunks(_ a: [String], _ b: [String], firstLine: Int, context: Int = 3,
                              showA: (Int) -> String, showB: (Int) -> String) -> [String] {
        let all = ops(a, b)
        let changed = all.indices.filter { if case .same = all[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var ranges: [ClosedRange<Int>] = []
        for c in changed {
            let r = max(0, c - context)...min(all.count - 1, c + context)
            if let last = ranges.last, r.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
            } else {
                ranges.append(r)
            }
        }
        var out: [String] = []
        for r in ranges {
            var aStart = 0, bStart = 0
            for k in 0..<r.lowerBound {
                switch all[k] {
                case .same: aStart += 1; bStart += 1
                case .removed: aStart += 1
                case .added: bStart += 1
                }
            }
            var body = "", aCount = 0, bCount = 0
            for k in r {
                switch all[k] {
                case .same(let i, _): body += " \(showA(i))\n"; aCount += 1; bCount += 1
                case .removed(let i): body += "-\(showA(i))\n"; aCount += 1
                case .added(let j): body += "+\(showB(j))\n"; bCount += 1
                }
            }
            out.append("@@ -\(firstLine + aStart),\(aCount) +\(firstLine + bStart),\(bCount) @@\n" + body)
        }
        return out
    }
}
