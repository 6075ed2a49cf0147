import type { Role, ScopeType } from '../src/common/roles.ts';
import type { CertificateLevel } from '../src/server/modules/workforce/workforce.tables.ts';
import type { OrganizationType, Rating } from '../src/server/modules/organizations/organizations.tables.ts';
import type { Relation } from '../src/server/modules/territory/territory.tables.ts';

/**
 * The demo community as plain data, before it gets database ids and encryption. The same
 * seed gives the same DemoData (names, numbers, addresses), which the tests compare by digest.
 */
export interface DemoData {
  referenceYear: number;
  district: { code: string; name: string; nameEn: string; city: string };
  street: { code: string; name: string; nameEn: string };
  communities: DemoCommunity[];
  organizations: DemoOrganization[];
  socialWorkers: DemoSocialWorker[];
  accounts: DemoAccount[];
}

export interface DemoCommunity {
  code: string;
  name: string;
  nameEn: string;
  serviceCenterAddress: string;
  /** Fictional numbers. */
  servicePhone: string;
  grids: DemoGrid[];
}

export interface DemoGrid {
  code: string;
  name: string;
  /** GeoJSON Polygon, [lng, lat] pairs, closed ring. */
  boundary: { type: 'Polygon'; coordinates: number[][][] };
  buildings: DemoBuilding[];
}

export interface DemoBuilding {
  name: string;
  address: string;
  floors: number;
  households: DemoHousehold[];
}

export interface DemoHousehold {
  address: string;
  householdNo: string;
  residents: DemoResident[];
}

export interface DemoResident {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  phone: string | null;
  relation: Relation;
  tags: string[];
  status: 'active' | 'moved_out' | 'deceased';
}

export interface DemoOrganization {
  key: string;
  name: string;
  uscc: string;
  type: OrganizationType;
  registrationDate: string;
  registrationAuthority: string;
  /** Registered in the demo district (false: registered by the city). */
  registeredInDistrict: boolean;
  rating: Rating | null;
  /** Date of the assessment that gave the rating. */
  ratedOn: string | null;
  ratingValidUntil: string | null;
  serviceFields: string[];
  serviceCommunityCodes: string[];
  address: string;
  contactName: string;
  contactPhone: string;
}

export interface DemoSocialWorker {
  name: string;
  gender: 'male' | 'female';
  idNumber: string;
  phone: string;
  employer: { organization: string } | { community: string };
  certificateLevel: CertificateLevel;
  certificateNo: string | null;
  certificateDate: string | null;
  payGrade: string;
  communityCodes: string[];
  /** Username of the account this social worker signs in with, if any. */
  username: string | null;
}

/** Where a role is granted, named by demo codes rather than database ids. */
export type DemoScope =
  | { type: 'platform' }
  | { type: 'district' }
  | { type: 'street' }
  | { type: 'community'; community: string }
  | { type: 'grid'; grid: string }
  | { type: 'organization'; organization: string }
  | { type: 'household'; community: string; address: string };

export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  grants: { role: Role; scope: DemoScope }[];
  /** The resident record (by ID number) a resident account is bound to. */
  residentIdNumber?: string;
}

export type { ScopeType };
