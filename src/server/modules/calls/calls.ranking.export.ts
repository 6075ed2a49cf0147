import ExcelJS from 'exceljs';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { Ranking } from './calls.reviews.schemas.ts';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['排名', '申报编号', '申报机构', '项目名称', '申报项目/主题', '申请资助（元）', '评审人数', '去掉最高最低分', '基础分', '加分', '总分', '是否推荐', '并列时依据'],
  en: ['Rank', 'Reference', 'Organization', 'Title', 'Project or theme', 'Requested (yuan)', 'Reviews', 'Trimmed', 'Base', 'Bonus', 'Total', 'Recommended', 'Tie broken by'],
};
const YES: Record<Locale, [string, string]> = { 'zh-CN': ['是', '否'], en: ['yes', 'no'] };
const TIE: Record<Locale, Record<string, string>> = {
  'zh-CN': { total: '总分', base: '基础分', heaviest_criterion: '权重最高评分项得分', earlier_submission: '提交时间较早' },
  en: { total: 'total', base: 'base score', heaviest_criterion: 'heaviest criterion', earlier_submission: 'earlier submission' },
};
const NOTE: Record<Locale, (r: Ranking) => string> = {
  'zh-CN': (r) => `${r.refNo} ${r.title}：评审人数达到 ${r.trimFrom} 人时去掉一个最高分和一个最低分后取平均；基础分不低于 ${r.passMark} 分方可推荐；同分依次比较：${r.tieRules.map((t) => TIE['zh-CN'][t]).join('、')}。`,
  en: (r) => `${r.refNo} ${r.title}: with ${r.trimFrom} or more reviews the highest and lowest totals are dropped before the mean; recommended from a base of ${r.passMark}; ties are broken by ${r.tieRules.map((t) => TIE.en[t]).join(', then ')}.`,
};

/** The panel's ranking as a workbook the office files with the round's papers: figures as numbers, the rules in a first line. */
export async function rankingWorkbook(ranking: Ranking, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(locale === 'en' ? 'Ranking' : '评审排名');
  sheet.addRow([NOTE[locale](ranking)]);
  sheet.mergeCells(1, 1, 1, HEADERS[locale].length);
  sheet.getRow(1).alignment = { wrapText: true };
  sheet.getRow(1).height = 45;
  const header = sheet.addRow(HEADERS[locale]);
  header.font = { bold: true };
  const [yes, no] = YES[locale];
  for (const r of ranking.items) {
    sheet.addRow([
      r.rank,
      r.refNo,
      r.organizationName,
      r.title,
      r.offer,
      r.requestedFen / 100,
      r.reviewCount,
      r.trimmed ? yes : no,
      r.base,
      r.bonus,
      r.total,
      r.recommended ? yes : no,
      r.tieBrokenBy ? TIE[locale][r.tieBrokenBy] : '',
    ]);
  }
  sheet.getColumn(6).numFmt = '#,##0.00';
  for (const c of [9, 10, 11]) sheet.getColumn(c).numFmt = '0.00';
  [6, 14, 24, 30, 24, 14, 8, 10, 8, 8, 8, 8, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
