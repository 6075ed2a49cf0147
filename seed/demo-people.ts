import { usccCheckChar } from '../src/common/identity.ts';
import type { CertificateLevel } from '../src/server/modules/workforce/workforce.tables.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import type { DemoAccount, DemoOrganization, DemoScope, DemoSocialWorker } from './demo-model.ts';
import type { HouseholdMaker } from './demo-households.ts';
import { gridCode, J_COMMUNITY, STORY_GRID, DISTRICT } from './demo-territory.ts';
import { mobile, personName, SURNAMES } from './names.ts';
import { dateIn, pad } from './people.ts';
import type { Rng } from './prng.ts';

const QB = 'JB-TS-QB';
const XH = 'JB-TS-XH';
const PZ = 'JB-TS-PZ';
const YX = 'JB-TS-YX';
const DISTRICT_AUTHORITY = '南京市江北新区民政局';
const STREET_AUTHORITY = '江北新区泰山街道办事处（备案）';

/** Accounts beyond one per role, for journeys that need a second person (listed in the README). */
export const EXTRA_ACCOUNTS = [
  { username: 'zhangwei', name: '张伟（第1网格）', role: 'grid_worker', scope: 'J社区 第1网格' },
  { username: 'qiaobei', name: '桥北社区 钱主任', role: 'community_admin', scope: '桥北社区' },
  // The review panel of story 3: three experts (with zhuanjia; 林老师 also supervises part-time
  // at 启航) and two resident jurors (大众评委).
  { username: 'linlaoshi', name: '评审专家 林老师（启航兼职督导）', role: 'reviewer', scope: '泰山街道' },
  { username: 'zhaojiaoshou', name: '评审专家 赵教授', role: 'reviewer', scope: '泰山街道' },
  { username: 'sunbo', name: '大众评委 孙伯（J社区居民）', role: 'reviewer', scope: '泰山街道' },
  { username: 'qianyi', name: '大众评委 钱阿姨（桥北社区居民）', role: 'reviewer', scope: '泰山街道' },
] as const;

/**
 * USCC (GB 32100): registration department 5 = civil affairs, then 1 association,
 * 2 social service institution, 3 foundation, 9 other (filed community organizations);
 * division code; a nine-character organization code; the check character.
 */
function uscc(rng: Rng, kind: '1' | '2' | '3' | '9', division: string): string {
  const first17 = `5${kind}${division}MJ${rng.digits(6)}${rng.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'])}`;
  return first17 + usccCheckChar(first17);
}

/** A rating assessed on `ratedOn` is valid five years (until the day before the fifth anniversary). */
function ratingUntil(ratedOn: string): string {
  const d = new Date(`${ratedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 5);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function generateOrganizations(rng: Rng, year: number): DemoOrganization[] {
  const contact = () => personName(rng, rng.chance(0.6) ? 'female' : 'male', year - rng.int(30, 55), year);
  const base = (o: Omit<DemoOrganization, 'contactName' | 'contactPhone'> & { contactName?: string }) => ({
    ...o,
    contactName: o.contactName ?? contact(),
    contactPhone: mobile(rng),
  });
  const rated = (ratedOn: string) => ({ ratedOn, ratingValidUntil: ratingUntil(ratedOn) });
  return [
    base({
      key: 'qihang', name: '启航社工服务中心', uscc: uscc(rng, '2', DISTRICT.code), type: 'service_institution',
      registrationDate: dateIn(rng, year - 9), registrationAuthority: DISTRICT_AUTHORITY, registeredInDistrict: true,
      rating: '4A', ...rated(`${year - 2}-11-20`),
      serviceFields: ['elderly', 'children_youth', 'community_governance', 'disability'],
      serviceCommunityCodes: [J_COMMUNITY, QB, XH], address: '南京市江北新区泰山街道泰山路128号3楼', contactName: '何静',
    }),
    base({
      key: 'linli', name: '泰山街道邻里守望互助社', uscc: uscc(rng, '9', DISTRICT.code), type: 'community_based',
      registrationDate: `${year - 1}-05-18`, registrationAuthority: STREET_AUTHORITY, registeredInDistrict: true,
      rating: null, ratedOn: null, ratingValidUntil: null, serviceFields: ['elderly', 'volunteering'],
      serviceCommunityCodes: [J_COMMUNITY], address: '南京市江北新区泰山街道J社区党群服务中心二楼',
    }),
    base({
      key: 'foundation', name: '江北新区公益慈善基金会', uscc: uscc(rng, '3', DISTRICT.code), type: 'foundation',
      registrationDate: dateIn(rng, year - 7), registrationAuthority: DISTRICT_AUTHORITY, registeredInDistrict: true,
      rating: '3A', ...rated(`${year - 3}-06-15`), serviceFields: ['poverty_relief', 'elderly', 'health'],
      serviceCommunityCodes: [J_COMMUNITY, QB, XH, PZ, YX], address: '南京市江北新区研创园腾飞大厦A座1203室',
    }),
    base({
      key: 'association', name: '江北新区社会工作协会', uscc: uscc(rng, '1', DISTRICT.code), type: 'association',
      registrationDate: dateIn(rng, year - 11), registrationAuthority: DISTRICT_AUTHORITY, registeredInDistrict: true,
      rating: '5A', ...rated(`${year - 1}-12-01`), serviceFields: ['community_governance', 'volunteering'],
      serviceCommunityCodes: [], address: '南京市江北新区浦滨路150号',
    }),
    base({
      key: 'mingjian', name: '明鉴评估中心', uscc: uscc(rng, '2', '320100'), type: 'service_institution',
      registrationDate: dateIn(rng, year - 8), registrationAuthority: '南京市民政局', registeredInDistrict: false,
      rating: '4A', ...rated(`${year - 2}-09-10`), serviceFields: ['community_governance'],
      serviceCommunityCodes: [], address: '南京市鼓楼区中山北路45号',
    }),
    base({
      key: 'leling', name: '乐龄为老服务中心', uscc: uscc(rng, '2', DISTRICT.code), type: 'service_institution',
      registrationDate: dateIn(rng, year - 10), registrationAuthority: DISTRICT_AUTHORITY, registeredInDistrict: true,
      // Assessed six years ago: the rating has expired.
      rating: '3A', ...rated(`${year - 6}-06-30`), serviceFields: ['elderly', 'health'],
      serviceCommunityCodes: [XH, PZ, YX], address: '南京市江北新区泰山街道新华路21号',
    }),
    base({
      key: 'yangguang', name: '阳光助残服务社', uscc: uscc(rng, '2', DISTRICT.code), type: 'service_institution',
      registrationDate: dateIn(rng, year - 3), registrationAuthority: DISTRICT_AUTHORITY, registeredInDistrict: true,
      rating: null, ratedOn: null, ratingValidUntil: null, serviceFields: ['disability', 'legal_aid'],
      serviceCommunityCodes: [QB, YX], address: '南京市江北新区泰山街道桥北路66号',
    }),
    base({
      key: 'wenti', name: '泰山街道文体协会', uscc: uscc(rng, '9', DISTRICT.code), type: 'community_based',
      registrationDate: dateIn(rng, year - 4), registrationAuthority: STREET_AUTHORITY, registeredInDistrict: true,
      rating: null, ratedOn: null, ratingValidUntil: null, serviceFields: ['culture'],
      serviceCommunityCodes: [J_COMMUNITY, QB, XH, PZ, YX], address: '南京市江北新区泰山街道永新路300号',
    }),
  ];
}

const PAY_GRADES: Record<CertificateLevel, string[]> = {
  none: ['社区工作者一档', '社区工作者二档'],
  assistant: ['助理社会工作师一档', '助理社会工作师二档'],
  intermediate: ['社会工作师一档', '社会工作师二档'],
  senior: ['高级社会工作师一档'],
};

export function generateSocialWorkers(rng: Rng, maker: HouseholdMaker): DemoSocialWorker[] {
  const year = maker.referenceYear;
  const make = (
    employer: DemoSocialWorker['employer'],
    level: CertificateLevel,
    communityCodes: string[],
    fixed: { surname?: string; given?: string; gender?: 'male' | 'female'; username?: string } = {},
  ): DemoSocialWorker => {
    const gender = fixed.gender ?? (rng.chance(0.7) ? 'female' : 'male');
    const age = rng.int(24, 52);
    const birthDate = maker.birthDateFor(age);
    const name = fixed.given
      ? (fixed.surname ?? SURNAMES.pick(rng)) + fixed.given
      : personName(rng, gender, Number(birthDate.slice(0, 4)), year, fixed.surname);
    const certYear = year - rng.int(1, Math.min(12, age - 22));
    return {
      name,
      gender,
      idNumber: maker.ids.make(birthDate, gender),
      phone: mobile(rng),
      employer,
      certificateLevel: level,
      certificateNo: level === 'none' ? null : `${certYear}32${pad(rng.int(1, 99999999), 8)}`,
      certificateDate: level === 'none' ? null : dateIn(rng, certYear),
      payGrade: rng.pick(PAY_GRADES[level]),
      communityCodes,
      username: fixed.username ?? null,
    };
  };
  const qihang = { organization: 'qihang' };
  const served = [J_COMMUNITY, QB, XH];
  const workers: DemoSocialWorker[] = [
    // 启航: three certified social workers (郑 the supervisor, 陈, 刘) and two assistants without a certificate.
    make(qihang, 'senior', served, { surname: '郑', given: '慧', gender: 'female', username: 'dudao' }),
    make(qihang, 'intermediate', served, { surname: '陈', given: '浩', gender: 'male', username: 'chen' }),
    make(qihang, 'assistant', [J_COMMUNITY], { surname: '刘', given: '思雨', gender: 'female' }),
    make(qihang, 'none', [J_COMMUNITY, QB]),
    make(qihang, 'none', [XH]),
    make({ community: J_COMMUNITY }, 'intermediate', [J_COMMUNITY], { surname: '吴', given: '婷', gender: 'female', username: 'wu' }),
    make({ community: J_COMMUNITY }, 'assistant', [J_COMMUNITY]),
    make({ community: J_COMMUNITY }, 'none', [J_COMMUNITY]),
  ];
  for (const code of [QB, XH, PZ, YX]) {
    workers.push(make({ community: code }, 'assistant', [code]), make({ community: code }, rng.chance(0.5) ? 'intermediate' : 'none', [code]));
  }
  workers.push(
    make({ organization: 'leling' }, 'intermediate', [XH, PZ]),
    make({ organization: 'leling' }, 'assistant', [PZ, YX]),
    make({ organization: 'leling' }, 'none', [YX]),
    make({ organization: 'yangguang' }, 'assistant', [QB]),
    make({ organization: 'yangguang' }, 'none', [YX]),
    make({ organization: 'association' }, 'senior', [J_COMMUNITY, QB, XH, PZ, YX]),
  );
  return workers;
}

export function generateAccounts(story: { communityCode: string; address: string; daughterIdNumber: string }): DemoAccount[] {
  const scopes: Record<string, DemoScope> = {
    admin: { type: 'platform' },
    jbmz: { type: 'district' },
    tsjd: { type: 'street' },
    zhou: { type: 'community', community: J_COMMUNITY },
    wu: { type: 'community', community: J_COMMUNITY },
    limin: { type: 'grid', grid: STORY_GRID },
    qihang: { type: 'organization', organization: 'qihang' },
    chen: { type: 'organization', organization: 'qihang' },
    dudao: { type: 'organization', organization: 'qihang' },
    pinggu: { type: 'organization', organization: 'mingjian' },
    zhuanjia: { type: 'street' },
    wangjuan: { type: 'household', community: story.communityCode, address: story.address },
  };
  const accounts: DemoAccount[] = DEMO_ACCOUNTS.map((a) => {
    const scope = scopes[a.username];
    if (!scope) throw new Error(`no demo scope for ${a.username}`);
    return {
      username: a.username,
      password: a.password,
      displayName: a.name,
      grants: [{ role: a.role, scope }],
      ...(a.role === 'resident' ? { residentIdNumber: story.daughterIdNumber } : {}),
    };
  });
  accounts.push(
    {
      username: 'zhangwei',
      password: DEMO_PASSWORD,
      displayName: EXTRA_ACCOUNTS[0].name,
      grants: [{ role: 'grid_worker', scope: { type: 'grid', grid: gridCode(J_COMMUNITY, 1) } }],
    },
    {
      username: 'qiaobei',
      password: DEMO_PASSWORD,
      displayName: EXTRA_ACCOUNTS[1].name,
      grants: [{ role: 'community_admin', scope: { type: 'community', community: QB } }],
    },
    ...EXTRA_ACCOUNTS.filter((a) => a.role === 'reviewer').map((a) => ({
      username: a.username,
      password: DEMO_PASSWORD,
      displayName: a.name,
      grants: [{ role: 'reviewer' as const, scope: { type: 'street' as const } }],
    })),
  );
  return accounts;
}
