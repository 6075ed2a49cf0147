import type { VisitDetail } from './fieldQueries.ts';

/** Pairs each need of the form with the need the server created for it (same category and text, in order). */
export function matchPhotos(values: { categoryId?: string; description?: string; photo?: File | null }[], visit: Pick<VisitDetail, 'needs'>): { needId: string; refNo: string; file: File }[] {
  const unused = [...visit.needs];
  const out: { needId: string; refNo: string; file: File }[] = [];
  values.forEach((v, i) => {
    const k = unused.findIndex((n) => n.categoryId === v.categoryId && n.description === v.description?.trim());
    const need = k >= 0 ? unused.splice(k, 1)[0] : visit.needs[i];
    if (v.photo && need) out.push({ needId: need.id, refNo: need.refNo, file: v.photo });
  });
  return out;
}
