import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentView as Resident } from '../../../server/modules/territory/register.schemas.ts';
import { LinkListItem } from '../../components/LinkListItem.tsx';
import { useTagLabel } from './queries.ts';
import { Typography } from '../../components/Typography.tsx';
import { List } from '../../components/List.tsx';

export function ResidentTags({ tags }: { tags: string[] }) {
  const label = useTagLabel();
  return (
    <>
      {tags.map((code) => (
        <Tag key={code} color="volcano" style={{ marginBottom: 2 }}>{label(code)}</Tag>
      ))}
    </>
  );
}

/** Household members with masked numbers; full numbers only on the resident page. */
export function Members({ members, linkable = true }: { members: Resident[]; linkable?: boolean }) {
  const { t } = useTranslation();
  return (
    <List
      dataSource={members}
      data-testid="member-list"
      locale={{ emptyText: t('household.noMembers') }}
      renderItem={(r) => {
        const meta = (
          <List.Item.Meta
            title={
              <Space size={6} wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Tag>{t(`relation.${r.relation}`)}</Tag>
                <Typography.Text type="secondary">
                  {t(`gender.${r.gender}`)}
                  {r.age !== undefined ? ` · ${t('resident.ageYears', { count: r.age })}` : ''}
                </Typography.Text>
              </Space>
            }
            description={
              <Space orientation="vertical" size={2}>
                <span>
                  {t('resident.idNumber')}: <Typography.Text code data-testid="member-id-masked">{r.idNumberMasked}</Typography.Text>
                </span>
                {r.phoneMasked && (
                  <span>
                    {t('resident.phone')}: <Typography.Text code>{r.phoneMasked}</Typography.Text>
                  </span>
                )}
                {r.tags.length > 0 && <div><ResidentTags tags={r.tags} /></div>}
              </Space>
            }
          />
        );
        return linkable ? (
          <LinkListItem to={`/territory/residents/${r.id}`} testId="member-item">{meta}</LinkListItem>
        ) : (
          <List.Item style={{ paddingInline: 8 }} data-testid="member-item">{meta}</List.Item>
        );
      }}
    />
  );
}
