// Package nearest finds the names closest to a misspelt one, for "did you
// mean" hints.
package nearest

// Distance is the number of single-byte insertions, deletions,
// substitutions and transpositions of adjacent bytes that turn a into b
// (the optimal string alignment distance): "lsit" is one edit from "list".
func Distance(a, b string) int {
	// Three rows of the dynamic-programming table: two back for transpositions.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Closest returns the candidate nearest to word, if it is at most limit
// edits away; ok is false otherwise. Ties go to the earlier candidate.
func Closest(word string, candidates []string, limit int) (best string, ok bool) {
	bestDistance := limit + 1
	for _, c := range candidates {
		if d := Distance(word, c); d < bestDistance {
			best, bestDistance = c, d
		}
	}
	return best, bestDistance <= limit
}
