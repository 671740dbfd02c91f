// lunr field names, shared by the builder and the page (kept free of build-only imports
// so the browser bundle does not pull in pinyin-pro). Short names: they repeat in every
// serialized posting.

/** Household documents; see household-doc.ts for what each field may hold. */
export const HOUSEHOLD_FIELDS = ['s', 'n', 'e', 'c'] as const;
export type HouseholdField = (typeof HOUSEHOLD_FIELDS)[number];

/** Text indexes (projects, funds, units, institutions): `t` words and characters, `k` codes. */
export const TEXT_FIELDS = ['t', 'k'] as const;

/** The staff index: the same name fields as full-name households. */
export const STAFF_FIELDS = ['s', 'n'] as const;
