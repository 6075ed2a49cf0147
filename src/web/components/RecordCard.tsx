import { EditOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CommunityView as Community } from '../../server/modules/territory/structure.schemas.ts';
import { useChildren } from '../pages/territory/queries.ts';
import { Card } from './Card.tsx';

/** Crumbs from a register's list to one of its records (or to the new one being made). */
export function RecordCrumbs({ listPath, listTitle, current }: { listPath: string; listTitle: ReactNode; current: ReactNode }) {
  return <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={listPath}>{listTitle}</Link> }, { title: current }]} />;
}

/**
 * A record's card that swaps its details for the edit form in place. The form gets `close`
 * to call once it has saved, so the page can refetch what the server now holds.
 */
export function EditableCard({ title, canEdit, form, children }: {
  title: ReactNode;
  canEdit: boolean;
  form: (close: () => void) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const close = () => setEditing(false);
  return (
    <Card size="small" title={title} extra={canEdit && !editing && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>}>
      {editing ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {form(close)}
          <Button onClick={close}>{t('common.cancel')}</Button>
        </Space>
      ) : (
        children
      )}
    </Card>
  );
}

/** Communities outside the reader's scope are counted, not named. */
export function CommunityTags({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const communities = useChildren<Community>('communities', {});
  const known = ids.map((cid) => communities.data?.find((c) => c.id === cid)).filter((c) => !!c);
  const others = ids.length - known.length;
  return (
    <>
      {known.map((c) => <Tag key={c.id}>{c.name}</Tag>)}
      {others > 0 && <Tag key="others">{t(known.length ? 'common.andOthers' : 'common.count', { count: others })}</Tag>}
    </>
  );
}
