import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagSynonymsView } from '../../../server/modules/territory/register.schemas.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { useResidentTags } from './queries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

type Own = Record<string, string[]>;

const byTag = (rows: { synonym: string; tagCode: string }[]): Own =>
  rows.reduce<Own>((acc, r) => ({ ...acc, [r.tagCode]: [...(acc[r.tagCode] ?? []), r.synonym] }), {});

/**
 * The words a district's registers use for each tag (低保户 for 低保对象…): the import reads the
 * built-in ones everywhere and the district's own here. District officers keep the list.
 */
export function TagSynonyms({ districtId }: { districtId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const tags = useResidentTags();
  const key = ['tag-synonyms', districtId];
  const view = useQuery({ queryKey: key, queryFn: () => api.get<TagSynonymsView>(`/districts/${districtId}/tag-synonyms`) });
  const [own, setOwn] = useState<Own>({});
  useEffect(() => {
    if (view.data) setOwn(byTag(view.data.synonyms));
  }, [view.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<TagSynonymsView>(`/districts/${districtId}/tag-synonyms`, {
        synonyms: Object.entries(own).flatMap(([tagCode, words]) => words.map((synonym) => ({ synonym, tagCode }))),
      }),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
  const editable = view.data?.allowedActions.includes('update') ?? false;
  const builtIn = byTag(view.data?.builtIn ?? []);
  const dirty = view.data && JSON.stringify(byTag(view.data.synonyms)) !== JSON.stringify(own);
  return (
    <Card size="small" title={t('tagSynonyms.title')} data-testid="tag-synonyms">
      <Typography.Paragraph type="secondary">{t('tagSynonyms.help')}</Typography.Paragraph>
      <ErrorAlert error={view.error ?? save.error} />
      <List
        size="small"
        loading={view.isLoading || tags.isLoading}
        dataSource={tags.data ?? []}
        renderItem={(tag) => {
          const name = i18n.language === 'en' ? tag.nameEn : tag.name;
          return (
            <List.Item style={{ display: 'block', paddingInline: 0 }}>
              <Typography.Text strong>{name}</Typography.Text>
              <div style={{ margin: '4px 0' }}>
                <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{t('tagSynonyms.builtIn')}</Typography.Text>
                {(builtIn[tag.code] ?? []).map((w) => <Tag key={w}>{w}</Tag>)}
              </div>
              {editable ? (
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  style={{ width: '100%', maxWidth: 560 }}
                  tokenSeparators={[',', '，', '、', ' ']}
                  placeholder={t('tagSynonyms.own')}
                  value={own[tag.code] ?? []}
                  onChange={(words: string[]) => setOwn({ ...own, [tag.code]: words })}
                  aria-label={t('tagSynonyms.ownFor', { tag: name })}
                  data-testid={`tag-synonyms-${tag.code}`}
                />
              ) : (
                (own[tag.code] ?? []).length > 0 && (
                  <div>
                    <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{t('tagSynonyms.own')}</Typography.Text>
                    {(own[tag.code] ?? []).map((w) => <Tag key={w} color="blue">{w}</Tag>)}
                  </div>
                )
              )}
            </List.Item>
          );
        }}
      />
      {editable && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="tag-synonyms-save">
            {t('tagSynonyms.save')}
          </Button>
          {save.isSuccess && !dirty && <Typography.Text type="success" role="status">{t('tagSynonyms.saved')}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
