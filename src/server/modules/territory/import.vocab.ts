import type { Relation } from './territory.tables.ts';

/**
 * The words registers use for relations and care tags, and the nearest known word when a value
 * is not one of them.
 */

/**
 * GB/T 4761-2008 (家庭关系代码): code, term, and the platform relation its group maps onto. The
 * standard groups in-laws with the generation they married into (女婿 and 儿媳 under 子/女, 公婆
 * and 岳父母 under 父母, 嫂 and 姐夫 under 兄弟姐妹), and so does the mapping. The platform has no
 * grandparent relation: the 60s group is `other`.
 */
export const GBT4761: readonly (readonly [code: string, term: string, relation: Relation])[] = [
  ['01', '本人', 'head'],
  ['02', '户主', 'head'],
  ['10', '配偶', 'spouse'],
  ['11', '夫', 'spouse'],
  ['12', '妻', 'spouse'],
  ['20', '子', 'child'],
  ['21', '独生子', 'child'],
  ['22', '长子', 'child'],
  ['23', '次子', 'child'],
  ['24', '三子', 'child'],
  ['25', '四子', 'child'],
  ['26', '五子', 'child'],
  ['27', '养子或继子', 'child'],
  ['28', '女婿', 'child'],
  ['29', '其他儿子', 'child'],
  ['30', '女', 'child'],
  ['31', '独生女', 'child'],
  ['32', '长女', 'child'],
  ['33', '次女', 'child'],
  ['34', '三女', 'child'],
  ['35', '四女', 'child'],
  ['36', '五女', 'child'],
  ['37', '养女或继女', 'child'],
  ['38', '儿媳', 'child'],
  ['39', '其他女儿', 'child'],
  ['40', '孙子、孙女或外孙子、外孙女', 'grandchild'],
  ['41', '孙子', 'grandchild'],
  ['42', '孙女', 'grandchild'],
  ['43', '外孙子', 'grandchild'],
  ['44', '外孙女', 'grandchild'],
  ['45', '孙媳妇或外孙媳妇', 'grandchild'],
  ['46', '孙女婿或外孙女婿', 'grandchild'],
  ['47', '曾孙子或外曾孙子', 'grandchild'],
  ['48', '曾孙女或外曾孙女', 'grandchild'],
  ['49', '其他孙子、孙女或外孙子、外孙女', 'grandchild'],
  ['50', '父母', 'parent'],
  ['51', '父亲', 'parent'],
  ['52', '母亲', 'parent'],
  ['53', '公公', 'parent'],
  ['54', '婆婆', 'parent'],
  ['55', '岳父', 'parent'],
  ['56', '岳母', 'parent'],
  ['57', '继父或养父', 'parent'],
  ['58', '继母或养母', 'parent'],
  ['59', '其他父母关系', 'parent'],
  ['60', '祖父母或外祖父母', 'other'],
  ['61', '祖父', 'other'],
  ['62', '祖母', 'other'],
  ['63', '外祖父', 'other'],
  ['64', '外祖母', 'other'],
  ['65', '配偶的祖父母或外祖父母', 'other'],
  ['66', '曾祖父', 'other'],
  ['67', '曾祖母', 'other'],
  ['68', '配偶的曾祖父母或外曾祖父母', 'other'],
  ['69', '其他祖父母或外祖父母关系', 'other'],
  ['70', '兄弟姐妹', 'sibling'],
  ['71', '兄', 'sibling'],
  ['72', '嫂', 'sibling'],
  ['73', '弟', 'sibling'],
  ['74', '弟媳', 'sibling'],
  ['75', '姐姐', 'sibling'],
  ['76', '姐夫', 'sibling'],
  ['77', '妹妹', 'sibling'],
  ['78', '妹夫', 'sibling'],
  ['79', '其他兄弟姐妹', 'sibling'],
  ['80', '其他', 'other'],
  ['81', '伯父', 'other'],
  ['82', '伯母', 'other'],
  ['83', '叔父', 'other'],
  ['84', '婶母', 'other'],
  ['85', '舅父', 'other'],
  ['86', '舅母', 'other'],
  ['87', '姨父', 'other'],
  ['88', '姨母', 'other'],
  ['89', '姑父', 'other'],
  ['90', '姑母', 'other'],
  ['91', '堂兄弟、堂姐妹', 'other'],
  ['92', '表兄弟、表姐妹', 'other'],
  ['93', '侄子', 'other'],
  ['94', '侄女', 'other'],
  ['95', '外甥', 'other'],
  ['96', '外甥女', 'other'],
  ['97', '其他亲属', 'other'],
  ['99', '非亲属', 'other'],
];

/** Everyday words for the standard's terms, as registers write them. */
const RELATION_WORDS: Record<string, string> = {
  妻子: '妻',
  丈夫: '夫',
  儿子: '子',
  女儿: '女',
  子女: '子',
  儿媳妇: '儿媳',
  媳妇: '儿媳',
  孙子女: '孙子',
  外孙: '外孙子',
  外孙子女: '外孙子',
  孙媳: '孙媳妇或外孙媳妇',
  孙女婿: '孙女婿或外孙女婿',
  父: '父亲',
  母: '母亲',
  养子: '养子或继子',
  继子: '养子或继子',
  养女: '养女或继女',
  继女: '养女或继女',
  祖父母: '祖父母或外祖父母',
  外祖父母: '祖父母或外祖父母',
  爷爷: '祖父',
  奶奶: '祖母',
  外公: '外祖父',
  外婆: '外祖母',
  兄弟: '兄弟姐妹',
  姐妹: '兄弟姐妹',
  哥哥: '兄',
  弟弟: '弟',
  嫂子: '嫂',
  姐: '姐姐',
  妹: '妹妹',
  侄: '侄子',
  保姆: '非亲属',
  租户: '非亲属',
};

const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;

const relationByTerm = new Map<string, Relation>();
for (const [code, term, relation] of GBT4761) {
  relationByTerm.set(term, relation);
  relationByTerm.set(code, relation);
  // A one-digit code as a number cell loses its leading zero.
  if (code.startsWith('0')) relationByTerm.set(code.slice(1), relation);
}
for (const [word, term] of Object.entries(RELATION_WORDS)) relationByTerm.set(word, relationByTerm.get(term)!);
for (const r of RELATIONS) relationByTerm.set(r, r);

/** The words a suggestion may offer: the standard's terms, never codes. */
export const RELATION_TERMS = [...GBT4761.map(([, term]) => term), ...Object.keys(RELATION_WORDS)];

/**
 * 户主之子, 之子, 户主的儿子: registers name the member by their relation to the head, and the
 * term is what follows.
 */
export function relationOf(raw: string): Relation | null {
  const term = relationTerm(raw);
  return relationByTerm.get(term) ?? relationByTerm.get(term.toLowerCase()) ?? null;
}

/** The term itself, without the 户主之 that names whose relation it is. */
export const relationTerm = (raw: string) => raw.replace(/\s+/g, '').replace(/^(户主)?(之|的)/, '');

/**
 * Words registers use for each built-in tag besides its own Chinese and English names. A district
 * adds its own (resident_tag_synonyms); these stay.
 */
export const TAG_SYNONYMS: Record<string, readonly string[]> = {
  elderly_alone: ['独居', '独居老年人', '空巢独居', '孤寡老人'],
  elderly_80: ['高龄', '80岁以上', '八十岁以上', '80周岁以上老人'],
  disabled: ['残疾', '残障', '残障人士', '残疾人士', '持证残疾人'],
  low_income: ['低保', '低保户', '低保人员', '城市低保', '最低生活保障'],
  veteran: ['退伍军人', '复员军人', '转业军人', '退役', '优抚对象'],
  minor: ['未成年'],
  left_behind_child: ['留守', '农村留守儿童'],
  community_correction: ['社区矫正', '社区矫正人员', '矫正对象', '社矫'],
  serious_illness: ['重病', '大病', '重大疾病', '大病患者'],
  party_member: ['中共党员', '共产党员', '预备党员'],
  volunteer: ['志愿', '志愿服务者', '注册志愿者'],
};

/** Levenshtein distance over code points: Chinese words are a few characters long. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * The known value nearest to an unknown one, when it is near enough to be a slip: one character
 * in a short word, a third of a longer one.
 */
export function closest(raw: string, known: Iterable<string>): string | undefined {
  const v = raw.toLowerCase();
  let best: { word: string; d: number } | undefined;
  for (const word of known) {
    const d = distance(v, word.toLowerCase());
    if (!best || d < best.d) best = { word, d };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max([...v].length, [...best.word].length) / 3));
  return best.d <= limit ? best.word : undefined;
}
