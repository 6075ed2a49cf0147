import { Alert, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePossibleDuplicates } from './fieldQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

/** Shorter texts match too much to be worth asking about. */
const MIN_DESCRIPTION = 4;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Needs like the one being written — same category and place, similar words — shown before it
 * is sent, so a resident can follow an existing request instead of reporting it again. Asked
 * for once typing pauses; only needs the reader may open are listed.
 */
export function PossibleDuplicates({ householdId, categoryId, description }: { householdId: string; categoryId?: string; description?: string }) {
  const { t } = useTranslation();
  const text = useSettled((description ?? '').trim(), 500);
  const duplicates = usePossibleDuplicates({ householdId, categoryId, description: text }, text.length >= MIN_DESCRIPTION);
  const items = duplicates.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="possible-duplicates"
      title={t('myNeeds.possibleDuplicates')}
      description={
        <>
          <Typography.Text type="secondary">{t('myNeeds.possibleDuplicatesHint')}</Typography.Text>
          <List
            size="small"
            dataSource={items}
            renderItem={(d) => (
              <List.Item key={d.id}>
                <Link to={`/my-needs/${d.id}`} style={{ overflowWrap: 'anywhere' }}>
                  {d.refNo} · {d.description}
                </Link>
                <Tag style={{ marginInlineStart: 8 }}>{t(`needState.${d.state}`)}</Tag>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
