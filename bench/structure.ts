import { newId } from '../src/server/platform/db/ids.ts';
import { Rng } from '../seed/prng.ts';

/** Nanjing's districts (the twelfth, Jiangbei New District, is a state-level new area). */
export const CITY_DISTRICTS = [
  ['320102', '玄武区'], ['320104', '秦淮区'], ['320105', '建邺区'], ['320106', '鼓楼区'],
  ['320111', '浦口区'], ['320113', '栖霞区'], ['320114', '雨花台区'], ['320115', '江宁区'],
  ['320116', '六合区'], ['320117', '溧水区'], ['320118', '高淳区'], ['320191', '江北新区'],
] as const;

const STREET_WORDS = ['新街口', '湖南路', '中央门', '宁海路', '华侨路', '挹江门', '江东', '凤凰', '热河南路', '幕府山', '建宁路', '宝塔桥', '小市', '燕子矶', '迈皋桥', '尧化', '仙林', '马群', '东山', '秣陵', '汤山', '淳化', '禄口', '江宁', '谷里', '湖熟', '横溪', '泰山', '顶山', '沿江', '江浦', '桥林', '汤泉', '星甸', '永宁', '雄州', '龙池', '程桥', '葛塘', '长芦', '玉带', '龙袍', '八卦洲', '永阳', '柘塘', '东屏', '洪蓝', '淳溪', '古柏', '砖墙'];
const COMMUNITY_WORDS = ['幸福', '和平', '友谊', '光明', '新村', '桃园', '梅园', '兰园', '翠苑', '金陵', '紫金', '龙江', '清凉', '莫愁', '南湖', '北园', '西苑', '东升', '红山', '锁金', '玄武', '樱驼', '丹凤', '长江', '朝阳', '宏图', '育英', '春晖', '锦绣', '晨光', '华庭', '颐和', '凤凰', '明发', '天润', '龙湖', '芳草', '康居', '安居', '景明'];

export interface BenchGrid {
  districtIdx: number;
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  code: string;
  /** Address prefix of the community: 南京市玄武区新街口街道幸福社区. */
  addressPrefix: string;
  /** Global index of the grid's first household; households are numbered city-wide. */
  firstHousehold: number;
  households: number;
  /** Index of the first household within its community (addresses are unique per community). */
  communityOffset: number;
  /** Global index of the grid's first building, and its first building number in the community. */
  firstBuilding: number;
  buildingNoOffset: number;
  boundary: string;
}

export interface BenchStructure {
  districts: { id: string; code: string; name: string }[];
  streets: { id: string; district_id: string; code: string; name: string }[];
  communities: { id: string; district_id: string; street_id: string; code: string; name: string }[];
  grids: BenchGrid[];
  households: number;
}

export const HOUSEHOLDS_PER_BUILDING = 60;

/**
 * Districts, streets, communities and grids of a city (1,300 communities for 3 million
 * households, as in Nanjing); grids hold 300–500 households each. Deterministic.
 */
export function cityStructure(targetHouseholds: number): BenchStructure {
  const rng = new Rng('sanshe-bench-city');
  const communityCount = Math.max(CITY_DISTRICTS.length, Math.round(targetHouseholds / 2300));
  const perCommunity = Math.ceil(targetHouseholds / communityCount);
  const s: BenchStructure = { districts: [], streets: [], communities: [], grids: [], households: 0 };
  let firstBuilding = 0;
  CITY_DISTRICTS.forEach(([code, name], d) => {
    const districtId = newId();
    s.districts.push({ id: districtId, code, name });
    const communities = Math.floor(communityCount / CITY_DISTRICTS.length) + (d < communityCount % CITY_DISTRICTS.length ? 1 : 0);
    const streets = Math.max(1, Math.round(communities / 13));
    const streetIds: string[] = [];
    for (let i = 0; i < streets; i++) {
      const id = newId();
      streetIds.push(id);
      s.streets.push({ id, district_id: districtId, code: `${code}-S${i + 1}`, name: `${STREET_WORDS[(d * 7 + i) % STREET_WORDS.length]}街道${i >= STREET_WORDS.length ? i : ''}` });
    }
    for (let c = 0; c < communities; c++) {
      const streetIdx = c % streets;
      const streetId = streetIds[streetIdx]!;
      const street = s.streets[s.streets.length - streets + streetIdx]!;
      const communityId = newId();
      const communityName = `${COMMUNITY_WORDS[(c * 3 + d) % COMMUNITY_WORDS.length]}${c >= COMMUNITY_WORDS.length ? Math.floor(c / COMMUNITY_WORDS.length) + 1 : ''}社区`;
      s.communities.push({ id: communityId, district_id: districtId, street_id: streetId, code: `${code}-C${c + 1}`, name: communityName });
      let inCommunity = 0;
      let buildingNo = 0;
      for (let g = 0; inCommunity < perCommunity; g++) {
        const n = rng.int(300, 500);
        const lng = 118.4 + d * 0.05 + (c % 20) * 0.002;
        const lat = 31.9 + Math.floor(c / 20) * 0.004 + g * 0.0006;
        s.grids.push({
          districtIdx: d, districtId, streetId, communityId, gridId: newId(),
          code: `${code}-C${c + 1}-G${g + 1}`,
          addressPrefix: `南京市${name}${street.name}${communityName}`,
          firstHousehold: s.households, households: n, communityOffset: inCommunity,
          firstBuilding, buildingNoOffset: buildingNo,
          boundary: JSON.stringify({ type: 'Polygon', coordinates: [[[lng, lat], [lng + 0.002, lat], [lng + 0.002, lat + 0.0006], [lng, lat + 0.0006], [lng, lat]]] }),
        });
        const buildings = Math.ceil(n / HOUSEHOLDS_PER_BUILDING);
        firstBuilding += buildings;
        buildingNo += buildings;
        s.households += n;
        inCommunity += n;
      }
    }
  });
  return s;
}
