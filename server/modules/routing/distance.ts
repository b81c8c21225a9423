export type Rounding = 'nint' | 'none';

/**
 * Euclidean distance matrix. 'nint' is TSPLIB EUC_2D (floor(d + 0.5) per edge), used by the
 * A/B/P/X benchmark conventions; 'none' keeps exact distances (CMT convention, real-world use).
 */
export function euclideanMatrix(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  rounding: Rounding,
): Float64Array {
  const n = x.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[i]! - x[j]!;
      const dy = y[i]! - y[j]!;
      const exact = Math.sqrt(dx * dx + dy * dy);
      const d = rounding === 'nint' ? Math.floor(exact + 0.5) : exact;
      dist[i * n + j] = d;
      dist[j * n + i] = d;
    }
  }
  return dist;
}
