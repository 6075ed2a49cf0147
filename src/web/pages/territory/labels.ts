/** Codes whose labels live in the i18n catalogues (same keys in both languages). */
export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export const RESIDENT_STATUSES = ['active', 'moved_out', 'deceased'] as const;
