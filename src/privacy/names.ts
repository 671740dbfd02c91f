// Masking of personal names for publication (design.md: 王*明), per fund setting.

/** 王小明 → 王*明, 王明 → 王*, 欧阳小明 → 欧**明. Counts code points, so rare characters stay whole. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
