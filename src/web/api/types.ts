import type { Role, ScopeType } from '../../common/roles.ts';

export type Locale = 'zh-CN' | 'en';

export interface Assignment {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
  scopeName: string;
}

export interface Me {
  user: { id: string; username: string; displayName: string; locale: Locale };
  assignments: Assignment[];
  permissions: string[];
  csrfToken: string;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
  current: boolean;
}

interface WithActions {
  allowedActions?: string[];
}

export interface District extends WithActions {
  id: string;
  code: string;
  name: string;
  nameEn?: string | null;
  city?: string;
}

export interface Street extends WithActions {
  id: string;
  districtId: string;
  districtName?: string;
  code: string;
  name: string;
  nameEn?: string | null;
}

export interface Community extends WithActions {
  id: string;
  districtId: string;
  streetId: string;
  districtName?: string;
  streetName?: string;
  code: string;
  name: string;
  nameEn?: string | null;
  serviceCenterAddress?: string;
}

export interface GridUnit extends WithActions {
  id: string;
  districtId?: string;
  streetId?: string;
  communityId: string;
  communityName?: string;
  code: string;
  name: string;
  kind?: 'comprehensive' | 'dedicated';
  dedicatedTo?: string | null;
  householdCount?: number;
}

export interface Building extends WithActions {
  id: string;
  gridId: string;
  name: string;
  address: string;
  floors?: number | null;
}

export interface Resident extends WithActions {
  id: string;
  householdId: string;
  gridId?: string;
  communityId?: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  age?: number;
  idNumberMasked: string;
  phoneMasked?: string | null;
  relation: string;
  tags: string[];
  status?: string;
  notes?: string;
}

export interface Household extends WithActions {
  id: string;
  districtId?: string;
  streetId?: string;
  communityId: string;
  gridId: string;
  gridName?: string;
  communityName?: string;
  buildingId?: string | null;
  address: string;
  householdNo?: string | null;
  notes?: string;
  memberCount?: number;
  members?: Resident[];
}

export interface ResidentTag {
  code: string;
  name: string;
  nameEn: string;
  sensitive: boolean;
  careIntervalDays?: number | null;
}

export interface ImportReport {
  mode: 'dry_run' | 'commit';
  total: number;
  valid: number;
  errors: { line: number; field: string; code: string; message: string }[];
  wouldCreate?: { households: number; residents: number };
  wouldUpdate?: { residents: number };
  created?: { households: number; residents: number } | number;
  updated?: { residents: number } | number;
}

export interface Organization extends WithActions {
  id: string;
  name: string;
  uscc: string;
  type: string;
  registrationDate: string;
  registrationAuthority: string;
  registrationDistrictId?: string | null;
  rating?: string | null;
  ratingValidUntil?: string | null;
  ratingStatus?: 'valid' | 'expired' | 'none';
  serviceFields: string[];
  serviceCommunityIds: string[];
  address?: string;
  contactName?: string;
  contactPhoneMasked?: string | null;
  status?: string;
}

export interface SocialWorker extends WithActions {
  id: string;
  name: string;
  gender?: string | null;
  idNumberMasked?: string | null;
  phoneMasked?: string | null;
  employerType: 'organization' | 'community';
  employerOrganizationId?: string | null;
  employerOrganizationName?: string | null;
  employerCommunityId?: string | null;
  employerCommunityName?: string | null;
  certificateLevel: 'none' | 'assistant' | 'intermediate' | 'senior';
  certificateNo?: string | null;
  certificateDate?: string | null;
  payGrade?: string | null;
  communityIds: string[];
  userId?: string | null;
  status: string;
}

export interface UserSummary extends WithActions {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  status: 'active' | 'disabled';
  createdAt?: string;
  roles?: string[];
  assignments?: Assignment[];
}

export interface AuditEntry {
  id: string;
  at: string;
  districtId?: string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string;
}
