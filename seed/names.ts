import { Rng, WeightedTable } from './prng.ts';

/** Common surnames with rough national frequencies (per mille); fictional people only. */
export const SURNAME_WEIGHTS: [string, number][] = [
  ['王', 72], ['李', 72], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 32], ['黄', 23], ['赵', 22],
  ['吴', 20], ['周', 19], ['徐', 17], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12],
  ['何', 12], ['高', 11], ['林', 11], ['罗', 10], ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7],
  ['唐', 7], ['许', 7], ['韩', 7], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 6], ['曾', 5],
  ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 5], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4],
  ['任', 3], ['沈', 4], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3],
  ['陆', 4], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3],
  ['韦', 2], ['付', 2], ['方', 3], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 1], ['贺', 2], ['顾', 3], ['毛', 2], ['郝', 1],
  ['龚', 1], ['邵', 2], ['万', 1], ['钱', 2], ['严', 2], ['覃', 1], ['武', 1], ['戴', 2],
  ['莫', 1], ['孔', 1], ['向', 1], ['汤', 2], ['葛', 2], ['储', 1], ['倪', 1], ['殷', 1],
];
export const SURNAMES = new WeightedTable<string>(SURNAME_WEIGHTS);

// Given names follow the fashions of each generation.
const GIVEN: Record<'old' | 'middle' | 'young' | 'child', Record<'male' | 'female', string[]>> = {
  old: {
    male: ['建国', '国强', '建华', '德明', '长生', '福生', '金宝', '志刚', '宝山', '永福', '国华', '振华', '德胜', '连生', '有才', '树林', '根宝', '忠义', '文华', '家富', '春生', '庆余'],
    female: ['桂芳', '秀英', '桂英', '玉兰', '秀兰', '凤英', '淑珍', '素珍', '玉珍', '桂兰', '翠花', '秀珍', '玉梅', '兰英', '金凤', '美华', '月娥', '秀芝', '凤兰', '桂珍', '爱华', '春梅'],
  },
  middle: {
    male: ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '斌', '辉', '鹏', '华', '健', '波', '峰', '建军', '海涛', '晓东', '志勇', '国庆', '卫东', '红兵', '立新', '小龙', '永刚'],
    female: ['敏', '静', '丽', '艳', '娟', '霞', '芳', '燕', '红', '玲', '萍', '丹', '琳', '慧', '颖', '婷', '晓燕', '丽华', '红梅', '海燕', '秀梅', '春燕', '雪梅', '晓红', '建英', '美玲'],
  },
  young: {
    male: ['浩', '宇', '鑫', '晨', '昊', '帅', '凯', '俊杰', '子豪', '浩然', '宇航', '博文', '思远', '天宇', '嘉豪', '晓峰', '一鸣', '志远', '文杰', '家豪', '振宇', '明轩'],
    female: ['婷', '雪', '倩', '琪', '璐', '佳怡', '欣怡', '思雨', '梦琪', '雨婷', '晓雯', '诗琪', '丹妮', '佳琪', '文静', '欣然', '雅琪', '梦瑶', '心怡', '嘉欣', '晓琳', '安琪'],
  },
  child: {
    male: ['子轩', '宇轩', '浩宇', '梓睿', '一诺', '奕辰', '沐阳', '子墨', '睿泽', '皓轩', '俊熙', '承泽', '铭轩', '宇泽', '梓豪', '诗豪', '锦程', '煜祺', '晨阳', '安然'],
    female: ['梓涵', '子涵', '雨桐', '梓萱', '诗涵', '欣妍', '一诺', '可馨', '语桐', '依诺', '若汐', '梓琪', '思琪', '芷若', '沐晴', '悦彤', '可欣', '语嫣', '紫涵', '佳琪'],
  },
};

function cohort(birthYear: number, refYear: number): keyof typeof GIVEN {
  const age = refYear - birthYear;
  if (age >= 60) return 'old';
  if (age >= 35) return 'middle';
  if (age >= 15) return 'young';
  return 'child';
}

/** Every given name of one gender, all generations (the city-scale generator). */
export function givenNames(gender: 'male' | 'female'): string[] {
  return Object.values(GIVEN).flatMap((g) => g[gender]);
}

export function givenName(rng: Rng, gender: 'male' | 'female', birthYear: number, refYear: number): string {
  return rng.pick(GIVEN[cohort(birthYear, refYear)][gender]);
}

export function personName(rng: Rng, gender: 'male' | 'female', birthYear: number, refYear: number, surname?: string) {
  return (surname ?? SURNAMES.pick(rng)) + givenName(rng, gender, birthYear, refYear);
}

/** Prefixes of mobile numbers issued by the three carriers. */
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '177', '180', '181', '182', '185', '186', '187', '188', '189', '199'];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}
