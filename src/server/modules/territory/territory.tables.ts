import type { Generated } from 'kysely';
import type { DateString, Json, TimestampDefault } from '../../platform/db/platform.tables.ts';

export interface ResidentTagsTable {
  code: string;
  name: string;
  name_en: string;
  sensitive: Generated<boolean>;
  care_interval_days: number | null;
  sort: Generated<number>;
}
export interface ResidentTagSynonymsTable {
  district_id: string;
  synonym: string;
  tag_code: string;
  created_at: TimestampDefault;
}
export interface ImportJobsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  created_by: string;
  file_name: string | null;
  state: 'running' | 'done' | 'failed';
  writes_total: number;
  writes_done: Generated<number>;
  report: Json;
  error_code: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  finished_at: Date | null;
}
export interface GridsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  code: string;
  name: string;
  kind: Generated<'comprehensive' | 'dedicated'>;
  dedicated_to: string | null;
  boundary: Json | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface BuildingsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  name: string;
  address: string;
  floors: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export interface HouseholdsTable {
  district_id: string;
  id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  building_id: string | null;
  address: string;
  address_key: string;
  household_no: string | null;
  notes: Generated<string>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'sibling' | 'other';
export interface ResidentsTable {
  district_id: string;
  id: string;
  household_id: string;
  street_id: string;
  community_id: string;
  grid_id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: DateString;
  id_number_cipher: Buffer;
  id_number_hash: Buffer;
  id_number_masked: string;
  phone_cipher: Buffer | null;
  phone_hash: Buffer | null;
  phone_masked: string | null;
  relation: Generated<Relation>;
  tags: Generated<string[]>;
  status: Generated<'active' | 'moved_out' | 'deceased'>;
  notes: Generated<string>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface TerritoryTables {
  resident_tags: ResidentTagsTable;
  resident_tag_synonyms: ResidentTagSynonymsTable;
  import_jobs: ImportJobsTable;
  grids: GridsTable;
  buildings: BuildingsTable;
  households: HouseholdsTable;
  residents: ResidentsTable;
}
