import { invalid, type FieldError } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { districtTagSynonyms } from './import.check.ts';
import { tagSynonymPolicy } from './import.policy.ts';
import { TAG_SYNONYMS } from './import.vocab.ts';
import { districtScope, seeDistrict } from './units.service.ts';
import { viewerOf } from './territory.viewer.ts';

/** The district's own words for tags, beside the built-in ones the import always knows. */
export async function listTagSynonyms(ctx: RequestContext, districtId: string) {
  const v = await viewerOf(ctx);
  const district = await seeDistrict(ctx, v, districtId);
  const rows = await districtTagSynonyms(ctx.db, district.id);
  return {
    synonyms: rows.map((r) => ({ synonym: r.synonym, tagCode: r.tag_code })),
    builtIn: Object.entries(TAG_SYNONYMS).flatMap(([tagCode, words]) => words.map((synonym) => ({ synonym, tagCode }))),
    allowedActions: tagSynonymPolicy.allowedActions(v.actor, districtScope(v, district)),
  };
}

/** Replaces the whole list: a word that names a tag already (built in) cannot name another. */
export async function putTagSynonyms(ctx: RequestContext, districtId: string, body: { synonyms: { synonym: string; tagCode: string }[] }) {
  const v = await viewerOf(ctx);
  const district = await seeDistrict(ctx, v, districtId);
  tagSynonymPolicy.authorize(v.actor, 'update', districtScope(v, district));
  const tags = await ctx.db.selectFrom('resident_tags').select(['code', 'name', 'name_en']).execute();
  const taken = new Set<string>();
  for (const t of tags) for (const w of [t.code, t.name, t.name_en, ...(TAG_SYNONYMS[t.code] ?? [])]) taken.add(w.toLowerCase());
  const codes = new Set(tags.map((t) => t.code));
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  const rows = body.synonyms.map((s, i) => {
    const synonym = s.synonym.normalize('NFKC').trim();
    const key = synonym.toLowerCase();
    if (!synonym) fields.push({ field: `synonyms.${i}.synonym`, code: 'validation.required' });
    else if (taken.has(key)) fields.push({ field: `synonyms.${i}.synonym`, code: 'import.synonym_built_in', params: { synonym } });
    else if (seen.has(key)) fields.push({ field: `synonyms.${i}.synonym`, code: 'import.synonym_twice', params: { synonym } });
    if (!codes.has(s.tagCode)) fields.push({ field: `synonyms.${i}.tagCode`, code: 'resident.unknown_tag', params: { tag: s.tagCode } });
    seen.add(key);
    return { district_id: district.id, synonym, tag_code: s.tagCode };
  });
  if (fields.length) throw invalid(...fields);
  await command(ctx, async ({ trx, audit }) => {
    const before = await districtTagSynonyms(trx, district.id);
    await trx.deleteFrom('resident_tag_synonyms').where('district_id', '=', district.id).execute();
    if (rows.length) await trx.insertInto('resident_tag_synonyms').values(rows).execute();
    await audit({
      action: 'resident_tag_synonym.put',
      entityType: 'district',
      entityId: district.id,
      districtId: district.id,
      before: { synonyms: before.map((r) => [r.synonym, r.tag_code]) },
      after: { synonyms: rows.map((r) => [r.synonym, r.tag_code]) },
    });
  });
  return listTagSynonyms(ctx, districtId);
}
