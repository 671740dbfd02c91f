// Whole-number shares that add up exactly: how households, projects and budget yuan are
// split without losing or inventing a single unit to rounding.

/** Splits `total` into integer shares proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - out.reduce((a, b) => a + b, 0); k < left; k++) {
    const i = (order[k % order.length] as readonly [number, number])[1];
    out[i] = (out[i] as number) + 1;
  }
  return out;
}
