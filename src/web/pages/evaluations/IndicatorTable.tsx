import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Indicator } from './evaluationQueries.ts';
import { awardedUnder, maxOf, points, type Awarded } from './scoring.ts';
import { Typography } from '../../components/Typography.tsx';

interface Row {
  key: string;
  level: number;
  node: Indicator;
}

const flatten = (nodes: readonly Indicator[], level = 1): Row[] => nodes.flatMap((n) => [{ key: n.id, level, node: n }, ...flatten(n.children ?? [], level + 1)]);

export function useIndicatorName() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (n: Indicator) => n.name[lang];
}

/**
 * The template with the points given, read-only: level-1 and level-2 indicators show the sum of
 * those under them, indented rather than folded, so a phone reads it top to bottom.
 */
export function IndicatorTable({ template, awarded }: { template: Indicator[]; awarded: Awarded }) {
  const { t } = useTranslation();
  const nameOf = useIndicatorName();
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={flatten(template)}
      data-testid="evaluation-indicators"
      columns={[
        {
          title: t('evaluations.indicator'),
          render: (_, r) => (
            <span style={{ display: 'block', paddingInlineStart: (r.level - 1) * 16, overflowWrap: 'anywhere' }}>
              {r.level < 3 ? <Typography.Text strong={r.level === 1}>{nameOf(r.node)}</Typography.Text> : nameOf(r.node)}
            </span>
          ),
        },
        {
          title: t('evaluations.awardedOfMax'),
          align: 'right',
          width: 96,
          render: (_, r) => {
            const leaf = !r.node.children?.length;
            const given = leaf ? awarded[r.node.id] : awardedUnder(r.node, awarded);
            return <span style={{ whiteSpace: 'nowrap' }}>{typeof given === 'number' ? points(given) : '—'} / {maxOf(r.node)}</span>;
          },
        },
      ]}
    />
  );
}
