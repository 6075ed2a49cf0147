import type { RequestContext } from '../../platform/http/context.ts';
import { communityPlaces } from '../territory/index.ts';

export type Named = { id: string; name: string };

/** Communities by id, named in the caller's language. */
export async function communityLabels(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Named>> {
  const places = await communityPlaces(ctx.db, ids);
  return new Map([...places].map(([id, c]) => [id, { id, name: ctx.locale === 'en' && c.nameEn ? c.nameEn : c.name }]));
}
