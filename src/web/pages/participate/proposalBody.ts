import type { PhotoData } from './photos.ts';
import type { ProposalBody, ProposalKind } from './participateQueries.ts';

/** What each text of a proposal may hold (the server's limits). */
export const PROPOSAL_MAX = { title: 60, body: 2000, place: 100 } as const;

export interface ProposalValues {
  kind?: ProposalKind;
  title?: string;
  body?: string;
  place?: string;
  photos?: PhotoData[];
}

/** The body the server takes from the form's values (photos without their previews). */
export function proposalBody(v: ProposalValues, residentId?: string): ProposalBody {
  const place = v.place?.trim();
  return {
    kind: v.kind ?? 'wish',
    title: (v.title ?? '').trim(),
    body: (v.body ?? '').trim(),
    ...(place ? { place } : {}),
    ...(v.photos && v.photos.length > 0 ? { photos: v.photos.map((p) => ({ mime: p.mime, data: p.data })) } : {}),
    ...(residentId ? { residentId } : {}),
  };
}

