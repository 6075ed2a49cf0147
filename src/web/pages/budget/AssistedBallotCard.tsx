import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import { api, type Page } from '../../api/client.ts';
import { applyServerErrors, ErrorAlert } from '../../components/feedback.tsx';
import { yuan } from '../board/money.ts';
import { when } from './budgetParts.tsx';
import { castBallot, ROUNDS_KEY, useHouseholdBallot, type RoundDetail } from './budgetQueries.ts';
import { useNotices } from '../../app/notices.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

type HouseholdListItem = Static<typeof import('../../../server/modules/territory/register.schemas.ts').HouseholdListItem>;
type ResidentView = Static<typeof import('../../../server/modules/territory/register.schemas.ts').ResidentView>;

interface Found {
  id: string;
  label: string;
  detail: string;
}

/**
 * Households found by address (as on the households page) or by the name of one of their
 * residents: an elderly resident at the counter gives their name more readily than the address.
 */
function HouseholdPicker({ id, value, onChange, communityId }: { id?: string; value?: string; onChange?: (v: string) => void; communityId: string | undefined }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useQuery({
    queryKey: ['households', 'ballot-pick', communityId, term],
    queryFn: async (): Promise<Found[]> => {
      const [households, residents] = await Promise.all([
        api.get<Page<HouseholdListItem>>('/households', { communityId, q: term, limit: 10 }),
        api.get<Page<ResidentView>>('/residents', { communityId, q: term, status: 'active', limit: 10 }).catch(() => ({ items: [] as ResidentView[], nextCursor: null })),
      ]);
      const out = new Map<string, Found>();
      for (const r of residents.items) {
        if (!out.has(r.householdId)) out.set(r.householdId, { id: r.householdId, label: r.householdAddress, detail: t('budget.assisted.residentMatch', { name: r.name }) });
      }
      for (const h of households.items) {
        if (!out.has(h.id)) out.set(h.id, { id: h.id, label: h.address, detail: [h.headName && t('budget.assisted.head', { name: h.headName }), h.gridName].filter(Boolean).join(' · ') });
      }
      return [...out.values()];
    },
    enabled: term.length > 0,
    placeholderData: (previous) => previous,
  });
  const items = term ? (found.data ?? []) : [];
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      placeholder={t('budget.assisted.householdPlaceholder')}
      notFoundContent={term ? (found.isFetching ? t('budget.assisted.searching') : t('budget.assisted.noHousehold', { q: term })) : t('budget.assisted.typeToSearch')}
      options={items.map((h) => ({ value: h.id, label: h.label, detail: h.detail }))}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div style={{ overflowWrap: 'anywhere' }}>{o.data.label}</div>
          {o.data.detail && <Typography.Text type="secondary" style={{ fontSize: '0.9em' }}>{o.data.detail}</Typography.Text>}
        </div>
      )}
      style={{ width: '100%' }}
      data-testid="assisted-household"
    />
  );
}

interface Values {
  householdId?: string;
  candidateIds: string[];
  channel: 'paper' | 'spoken';
}

/**
 * 代录选票: a paper or spoken ballot of a household whose members do not vote on a phone.
 * It counts once per household like an online ballot, and the server records who entered it.
 */
export function AssistedBallotCard({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = useNotices();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const householdId = Form.useWatch('householdId', form);
  const chosen = Form.useWatch('candidateIds', form) ?? [];
  const existing = useHouseholdBallot(round.id, householdId);
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: Values) => castBallot(round.id, { householdId: v.householdId!, candidateIds: v.candidateIds, channel: v.channel }),
    onSuccess: () => {
      void message.success(t('budget.assisted.recorded'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: [ROUNDS_KEY] });
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  const max = round.maxChoices;
  const already = existing.data ?? null;
  const titleOf = new Map(round.candidates.map((c) => [c.id, c.title]));
  return (
    <Card
      size="small"
      title={<Typography.Title level={4} style={{ margin: 0, fontSize: '1.1em', whiteSpace: 'normal' }}>{t('budget.assisted.title')}</Typography.Title>}
      data-testid="assisted-ballot-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('budget.assisted.hint')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ candidateIds: [], channel: 'paper' }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="householdId" label={t('budget.assisted.household')} rules={[{ required: true, message: t('common.requiredChoice', { field: t('budget.assisted.household') }) }]} extra={t('budget.assisted.householdHint')}>
          <HouseholdPicker communityId={round.unit.kind === 'community' ? round.unit.id : undefined} />
        </Form.Item>
        {householdId && existing.isLoading && <Typography.Text type="secondary">{t('budget.assisted.checking')}</Typography.Text>}
        <ErrorAlert error={existing.error} />
        {already && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="assisted-already"
            title={t('budget.assisted.already', { at: when(already.castAt), channel: t(`budget.channel.${already.channel}`) })}
            description={t('budget.assisted.alreadyChose', { list: already.candidateIds.map((id) => titleOf.get(id) ?? '—').join(t('budget.listSeparator')) })}
          />
        )}
        {householdId && existing.data === null && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('budget.assisted.notYet')} data-testid="assisted-not-yet" />}
        <Form.Item
          name="candidateIds"
          label={max ? t('budget.assisted.candidatesMax', { count: max }) : t('budget.assisted.candidates')}
          rules={[
            { type: 'array', min: 1, message: t('budget.assisted.pickOne') },
            ...(max ? [{ type: 'array' as const, max, message: t('budget.assisted.tooMany', { count: max }) }] : []),
          ]}
        >
          <Checkbox.Group style={{ width: '100%' }}>
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              {round.candidates.map((c) => (
                <Checkbox
                  key={c.id}
                  value={c.id}
                  disabled={!!already || (!!max && chosen.length >= max && !chosen.includes(c.id))}
                  data-testid={`assisted-candidate-${c.id}`}
                >
                  <span style={{ overflowWrap: 'anywhere' }}>{c.title}</span>
                  <Typography.Text type="secondary"> · {yuan(c.costFen)}{round.unit.kind === 'street' ? ` · ${c.community.name}` : ''}</Typography.Text>
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="channel" label={t('budget.assisted.channel')} rules={[{ required: true, message: t('common.requiredChoice', { field: t('budget.assisted.channel') }) }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={!!already}
            options={(['paper', 'spoken'] as const).map((c) => ({ value: c, label: t(`budget.channel.${c}`) }))}
            data-testid="assisted-channel"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!!already || existing.isLoading} data-testid="assisted-submit">
          {t('budget.assisted.submit')}
        </Button>
      </Form>
    </Card>
  );
}
