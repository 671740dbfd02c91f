// Which name a household is searched and shown under: one document per household.
// The full name only when every one of its payments comes from a fund that publishes
// full names (全名); otherwise the masked name, for all its payments. Splitting a
// household into a full-name row and a masked row would put the same 户号 and ID last 4
// beside both, tying the masked fund's payments (e.g. 低保) to the full name.
import type { FundInput, HouseholdInput } from './types.ts';

/** The name a household is indexed and shown under (full only if all its funds show full names). */
export function shownNameOf(h: HouseholdInput, fundsByCode: ReadonlyMap<string, FundInput>): string {
  const fullName = h.fullName?.trim();
  const allFull =
    h.payments.length > 0 && h.payments.every((p) => fundsByCode.get(p.fundCode)?.nameDisplay === 'full');
  return fullName && allFull ? fullName : h.nameMasked.trim();
}
