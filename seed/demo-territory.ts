import type { DemoBuilding, DemoCommunity, DemoGrid, DemoHousehold, DemoResident } from './demo-model.ts';
import { HouseholdMaker } from './demo-households.ts';
import { mobile } from './names.ts';
import { pad } from './people.ts';
import type { Rng } from './prng.ts';

export const DISTRICT = { code: '320191', name: '江北新区', nameEn: 'Jiangbei New District', city: '南京市' };
export const STREET = { code: 'JB-TS', name: '泰山街道', nameEn: 'Taishan Subdistrict' };
const ADDRESS_PREFIX = `${DISTRICT.city}${DISTRICT.name}${STREET.name}`;

/** The street's communities, west to east; J community first. Road names are fictional. */
const COMMUNITIES = [
  { code: 'JB-TS-J', name: 'J社区', nameEn: 'J Community', grids: 5, road: '泰山路128号', phone: '025-58881001' },
  { code: 'JB-TS-QB', name: '桥北社区', nameEn: 'Qiaobei Community', grids: 4, road: '桥北路66号', phone: '025-58881002' },
  { code: 'JB-TS-XH', name: '新华社区', nameEn: 'Xinhua Community', grids: 4, road: '新华路21号', phone: '025-58881003' },
  { code: 'JB-TS-PZ', name: '浦珠社区', nameEn: 'Puzhu Community', grids: 3, road: '浦珠北路9号', phone: '025-58881004' },
  { code: 'JB-TS-YX', name: '永新社区', nameEn: 'Yongxin Community', grids: 4, road: '永新路300号', phone: '025-58881005' },
] as const;

export const J_COMMUNITY = 'JB-TS-J';
export const STORY_GRID = 'JB-TS-J-G03';

export function gridCode(communityCode: string, n: number): string {
  return `${communityCode}-G${pad(n)}`;
}

/** Building shapes of the area: older six-storey walk-ups and newer towers. */
interface BuildingKind {
  floors: number;
  units: number;
  perFloor: number;
}
const BUILDING_KINDS: [BuildingKind, number][] = [
  [{ floors: 6, units: 3, perFloor: 2 }, 40],
  [{ floors: 6, units: 4, perFloor: 2 }, 20],
  [{ floors: 11, units: 2, perFloor: 2 }, 20],
  [{ floors: 18, units: 2, perFloor: 2 }, 15],
  [{ floors: 26, units: 1, perFloor: 4 }, 5],
];

// Community rectangles sit side by side near 118.70 E, 32.15 N; grids tile each community.
const WEST = 118.676;
const SOUTH = 32.141;
const COMMUNITY_WIDTH = 0.013;
const COMMUNITY_GAP = 0.001;
const COMMUNITY_HEIGHT = 0.018;

function rect(west: number, south: number, east: number, north: number): DemoGrid['boundary'] {
  const p = (x: number) => Math.round(x * 1e6) / 1e6;
  const [w, s, e, n] = [p(west), p(south), p(east), p(north)];
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

/** Two rows of grids; with an odd count the last grid spans both rows. */
function gridBoundary(communityIndex: number, gridIndex: number, gridCount: number) {
  const west = WEST + communityIndex * (COMMUNITY_WIDTH + COMMUNITY_GAP);
  const cols = Math.ceil(gridCount / 2);
  const width = COMMUNITY_WIDTH / cols;
  const col = Math.floor(gridIndex / 2);
  const x0 = west + col * width;
  const x1 = x0 + width;
  const half = COMMUNITY_HEIGHT / 2;
  if (gridCount % 2 === 1 && gridIndex === gridCount - 1) return rect(x0, SOUTH, x1, SOUTH + COMMUNITY_HEIGHT);
  const row = gridIndex % 2;
  return rect(x0, SOUTH + row * half, x1, SOUTH + (row + 1) * half);
}

export function generateTerritory(rng: Rng, referenceYear: number) {
  const maker = new HouseholdMaker(rng, referenceYear);
  let householdSeq = 0;
  const communities: DemoCommunity[] = COMMUNITIES.map((c, ci) => {
    let buildingNo = 0;
    const grids: DemoGrid[] = [];
    for (let gi = 0; gi < c.grids; gi++) {
      const target = rng.int(320, 480);
      const buildings: DemoBuilding[] = [];
      let count = 0;
      while (count < target) {
        const kind = rng.weighted(BUILDING_KINDS);
        const name = `${++buildingNo}栋`;
        const buildingAddress = `${ADDRESS_PREFIX}${c.name}${name}`;
        const households: DemoHousehold[] = [];
        for (let unit = 1; unit <= kind.units && count < target; unit++) {
          for (let floor = 1; floor <= kind.floors && count < target; floor++) {
            for (let room = 1; room <= kind.perFloor && count < target; room++) {
              // Some flats are empty or not registered.
              if (!rng.chance(0.9)) continue;
              households.push({
                address: `${buildingAddress}${unit}单元${floor}${pad(room)}室`,
                householdNo: `${DISTRICT.code}${pad(++householdSeq, 6)}`,
                residents: maker.household(),
              });
              count++;
            }
          }
        }
        buildings.push({ name, address: buildingAddress, floors: kind.floors, households });
      }
      grids.push({
        code: gridCode(c.code, gi + 1),
        name: `第${gi + 1}网格`,
        boundary: gridBoundary(ci, gi, c.grids),
        buildings,
      });
    }
    return {
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      serviceCenterAddress: `${ADDRESS_PREFIX}${c.road}（${c.name}党群服务中心）`,
      servicePhone: c.phone,
      grids,
    };
  });
  const story = placeStoryHousehold(communities, maker, rng);
  return { communities, story, maker };
}

/**
 * Story 1: Wang Guifang, 78, lives alone in grid 3 of J community. Her daughter Wang Juan is
 * still registered in the household but has moved out (人户分离); her resident account is
 * bound to this household.
 */
function placeStoryHousehold(communities: DemoCommunity[], maker: HouseholdMaker, rng: Rng) {
  const grid = communities.find((c) => c.code === J_COMMUNITY)!.grids.find((g) => g.code === STORY_GRID)!;
  const households = grid.buildings.flatMap((b) => b.households);
  // A ground-floor flat of a walk-up: she is 78 and climbs no stairs.
  const home = households.find((h) => /单元1\d\d室$/.test(h.address)) ?? households[0]!;
  const year = maker.referenceYear;
  // Born late December: she is 78 for (almost) the whole reference year.
  const motherBirth = `${year - 79}-12-28`;
  const mother: DemoResident = {
    name: '王桂芳',
    gender: 'female',
    birthDate: motherBirth,
    idNumber: maker.ids.make(motherBirth, 'female', '320111'),
    phone: mobile(rng),
    relation: 'head',
    tags: ['elderly_alone'],
    status: 'active',
  };
  const daughterBirth = `${year - 51}-09-16`;
  const daughter: DemoResident = {
    name: '王娟',
    gender: 'female',
    birthDate: daughterBirth,
    idNumber: maker.ids.make(daughterBirth, 'female', '320111'),
    phone: mobile(rng),
    relation: 'child',
    tags: [],
    status: 'moved_out',
  };
  home.residents = [mother, daughter];
  return { communityCode: J_COMMUNITY, gridCode: STORY_GRID, address: home.address, mother, daughter };
}
