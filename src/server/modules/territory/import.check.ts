import type { Kysely } from 'kysely';
import { addressKey } from '../../../common/address.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';
import type { DB } from '../../tables.ts';
import type { Row } from './import.parse.ts';
import { closest, RELATION_TERMS, relationOf, relationTerm, TAG_SYNONYMS } from './import.vocab.ts';
import { checkIdNumber, checkPhone, isFieldError } from './resident.fields.ts';
import type { Relation } from './territory.tables.ts';

/** What the rows of one community's import are checked against. */
export interface Vocabulary {
  grids: Map<string, { id: string; street_id: string }>;
  /** Tag code by any word for it, lower case: code, names, built-in and district synonyms. */
  tags: Map<string, string>;
  /** The words a suggestion may offer for an unknown tag. */
  tagWords: string[];
}

export interface RowProblem extends FieldError {
  suggestion?: string;
}

export async function vocabularyOf(db: Kysely<DB>, community: { id: string; district_id: string }): Promise<Vocabulary> {
  const [grids, tags, synonyms] = await Promise.all([
    db.selectFrom('grids').select(['id', 'code', 'street_id']).where('district_id', '=', community.district_id).where('community_id', '=', community.id).execute(),
    db.selectFrom('resident_tags').select(['code', 'name', 'name_en']).orderBy('sort').execute(),
    districtTagSynonyms(db, community.district_id),
  ]);
  const lookup = new Map<string, string>();
  const words: string[] = [];
  const add = (word: string, code: string, offer = true) => {
    lookup.set(word.normalize('NFKC').toLowerCase(), code);
    if (offer) words.push(word);
  };
  for (const t of tags) {
    add(t.code, t.code, false);
    add(t.name, t.code);
    add(t.name_en, t.code, false);
    for (const s of TAG_SYNONYMS[t.code] ?? []) add(s, t.code);
  }
  for (const s of synonyms) add(s.synonym, s.tag_code);
  return { grids: new Map(grids.map((g) => [g.code, g])), tags: lookup, tagWords: words };
}

export function districtTagSynonyms(db: Kysely<DB>, districtId: string) {
  return db.selectFrom('resident_tag_synonyms').select(['synonym', 'tag_code']).where('district_id', '=', districtId).orderBy('synonym').execute();
}

export interface Checked {
  row: Row;
  grid: { id: string; street_id: string };
  address: string;
  key: string;
  id: { value: string; birthDate: string; gender: 'male' | 'female' };
  phone: string | null;
  relation: Relation;
  tags: string[];
}

/** Field checks of one row, all problems at once, each unknown value with its nearest known one. */
export function checkRow(row: Row, vocab: Vocabulary): { errors: RowProblem[] } | { checked: Checked } {
  const errors: RowProblem[] = [];
  const required = (field: keyof Row, max: number) => {
    const v = String(row[field]);
    if (!v) errors.push({ field, code: 'validation.required' });
    else if (v.length > max) errors.push({ field, code: 'validation.too_long', params: { limit: max } });
  };
  required('grid_code', 40);
  required('address', 200);
  required('name', 50);
  required('id_number', 40);
  required('relation', 20);
  if (row.building.length > 40) errors.push({ field: 'building', code: 'validation.too_long', params: { limit: 40 } });
  if (row.household_no.length > 40) errors.push({ field: 'household_no', code: 'validation.too_long', params: { limit: 40 } });
  const grid = vocab.grids.get(row.grid_code);
  if (row.grid_code && !grid) errors.push({ field: 'grid_code', code: 'import.unknown_grid', suggestion: closest(row.grid_code, vocab.grids.keys()) });
  const key = addressKey(row.address);
  if (row.address && !key) errors.push({ field: 'address', code: 'validation.required' });
  let id: ReturnType<typeof checkIdNumber> | null = null;
  if (row.idNumeric) errors.push({ field: 'id_number', code: 'import.id_number_numeric' });
  else if (row.id_number.includes('*')) errors.push({ field: 'id_number', code: 'import.id_number_masked' });
  else if (row.id_number) {
    id = checkIdNumber(row.id_number, 'id_number');
    if (isFieldError(id)) errors.push(id);
  }
  // A masked phone from an export says nothing new; an import never removes a phone anyway.
  const phone = checkPhone(row.phone.includes('*') ? '' : row.phone, 'phone');
  if (isFieldError(phone)) errors.push(phone);
  const relation = row.relation ? relationOf(row.relation) : null;
  if (row.relation && !relation) errors.push({ field: 'relation', code: 'import.relation_invalid', suggestion: closest(relationTerm(row.relation), RELATION_TERMS) });
  const codes: string[] = [];
  for (const t of row.tags.split(/[、;,/|]/).map((s) => s.trim()).filter(Boolean)) {
    const code = vocab.tags.get(t.toLowerCase());
    if (code) codes.push(code);
    else errors.push({ field: 'tags', code: 'resident.unknown_tag', params: { tag: t }, suggestion: closest(t, vocab.tagWords) });
  }
  if (errors.length) return { errors: errors.map(({ suggestion, ...e }) => (suggestion ? { ...e, suggestion } : e)) };
  return {
    checked: {
      row,
      grid: grid!,
      address: row.address,
      key,
      id: id as Checked['id'],
      phone: (phone as { value: string | null }).value,
      relation: relation!,
      tags: [...new Set(codes)],
    },
  };
}
