/** Codes and labels of the organizations and workforce registers, shared by server and web. */

export const ORGANIZATION_TYPES = ['association', 'service_institution', 'foundation', 'community_based'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, { 'zh-CN': string; en: string }> = {
  association: { 'zh-CN': '社会团体', en: 'Association' },
  service_institution: { 'zh-CN': '社会服务机构（民办非企业单位）', en: 'Social service institution' },
  foundation: { 'zh-CN': '基金会', en: 'Foundation' },
  community_based: { 'zh-CN': '社区社会组织（备案）', en: 'Community-based organization (filed)' },
};

export const RATINGS = ['1A', '2A', '3A', '4A', '5A'] as const;
export type Rating = (typeof RATINGS)[number];
/** An assessment rating is valid for five years (last day included). */
export const RATING_VALID_YEARS = 5;
export const RATING_STATUSES = ['valid', 'expired', 'none'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];

export const ORGANIZATION_STATUSES = ['active', 'deregistered'] as const;

export const SERVICE_FIELDS = [
  'elderly',
  'disability',
  'children_youth',
  'community_governance',
  'poverty_relief',
  'health',
  'culture',
  'environment',
  'legal_aid',
  'volunteering',
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

export const SERVICE_FIELD_LABELS: Record<ServiceField, { 'zh-CN': string; en: string }> = {
  elderly: { 'zh-CN': '为老服务', en: 'Elderly' },
  disability: { 'zh-CN': '助残服务', en: 'Disability' },
  children_youth: { 'zh-CN': '儿童青少年', en: 'Children and youth' },
  community_governance: { 'zh-CN': '社区治理', en: 'Community governance' },
  poverty_relief: { 'zh-CN': '社会救助', en: 'Poverty relief' },
  health: { 'zh-CN': '健康服务', en: 'Health' },
  culture: { 'zh-CN': '文化服务', en: 'Culture' },
  environment: { 'zh-CN': '环境保护', en: 'Environment' },
  legal_aid: { 'zh-CN': '法律援助', en: 'Legal aid' },
  volunteering: { 'zh-CN': '志愿服务', en: 'Volunteering' },
};

export const EMPLOYER_TYPES = ['organization', 'community'] as const;
export type EmployerType = (typeof EMPLOYER_TYPES)[number];

export const CERTIFICATE_LEVELS = ['none', 'assistant', 'intermediate', 'senior'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

export const CERTIFICATE_LEVEL_LABELS: Record<CertificateLevel, { 'zh-CN': string; en: string }> = {
  none: { 'zh-CN': '未取得证书', en: 'No certificate' },
  assistant: { 'zh-CN': '助理社会工作师', en: 'Assistant social worker' },
  intermediate: { 'zh-CN': '社会工作师', en: 'Social worker' },
  senior: { 'zh-CN': '高级社会工作师', en: 'Senior social worker' },
};

export const SOCIAL_WORKER_STATUSES = ['active', 'left'] as const;
