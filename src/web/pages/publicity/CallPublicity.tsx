import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Objection } from '../../../server/modules/calls/calls.publicity.schemas.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { yuan } from '../applications/applicationQueries.ts';
import { CALLS_KEY, type CallDetail } from '../calls/callQueries.ts';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';
import { List } from '../../components/List.tsx';

const objectionsKey = (callId: string) => [CALLS_KEY, 'objections', callId];

/** A publicised round on its page: what was awarded, until when objections are taken, and the objections. */
export function CallPublicity({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  if (!call.publicizedAt) return null;
  const running = call.status === 'publicity' && dayjs().isBefore(call.publicityEndsAt);
  return (
    <Card
      size="small"
      title={t('publicity.title')}
      extra={call.issuerStreetId && <Link to={`/publicity?streetId=${call.issuerStreetId}`}>{t('publicity.publicPage')}</Link>}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text>
          {t('publicity.period', { from: dayjs(call.publicizedAt).format('YYYY-MM-DD HH:mm'), to: dayjs(call.publicityEndsAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
        {call.awardReason && <Alert type="info" showIcon title={t('publicity.reasonShown', { reason: call.awardReason })} />}
        <AwardList awards={call.awards} />
        <Objections call={call} running={running} />
      </Space>
    </Card>
  );
}

/** The awards as a list: residents read the board on their phones, where a wide table would scroll. */
export function AwardList({ awards }: { awards: CallDetail['awards'] }) {
  const { t } = useTranslation();
  if (awards.length === 0) return <Typography.Text type="secondary">{t('publicity.noAward')}</Typography.Text>;
  return (
    <List
      size="small"
      bordered
      dataSource={awards}
      renderItem={(a) => (
        <List.Item>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('publicity.rankNo', { rank: a.rank })}</Typography.Text>
              <Typography.Text strong>{a.organizationName}</Typography.Text>
              <Tag color={a.revoked ? 'red' : 'green'}>{t(a.revoked ? 'publicity.revoked' : 'publicity.awarded')}</Tag>
            </Space>
            <Typography.Text>{a.title}{a.offer && ` · ${a.offer}`}</Typography.Text>
            <Typography.Text type="secondary">{t('publicity.amountOf', { amount: yuan(a.amountFen) })}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

function Objections({ call, running }: { call: CallDetail; running: boolean }) {
  const { t } = useTranslation();
  const office = call.panel !== null;
  const list = useQuery({ queryKey: objectionsKey(call.id), queryFn: () => api.get<{ items: Objection[] }>(`/calls/${call.id}/objections`) });
  const [lodging, setLodging] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t(office ? 'publicity.objections' : 'publicity.myObjections')}</Typography.Text>
        {running && !office && <Button onClick={() => setLodging(true)}>{t('publicity.object')}</Button>}
      </Space>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('publicity.noObjection')}</Typography.Text>
      ) : (
        <List dataSource={items} renderItem={(o) => <ObjectionItem call={call} objection={o} canAnswer={office && call.status === 'publicity'} />} />
      )}
      {lodging && <LodgeObjection call={call} onClose={() => setLodging(false)} />}
    </Space>
  );
}

function ObjectionItem({ call, objection: o, canAnswer }: { call: CallDetail; objection: Objection; canAnswer: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ upheld: boolean; answer: string }>();
  const answer = useMutation({
    mutationFn: (v: { upheld: boolean; answer: string }) => api.post<Objection>(`/calls/${call.id}/objections/${o.id}/answer`, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: objectionsKey(call.id) });
      void qc.invalidateQueries({ queryKey: [CALLS_KEY, 'detail', call.id] });
    },
  });
  return (
    <List.Item>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {dayjs(o.lodgedAt).format('YYYY-MM-DD HH:mm')}
          {o.lodgedBy && ` · ${o.lodgedBy}`}
          {o.applicationTitle && ` · ${t('publicity.about', { title: o.applicationTitle })}`}
        </Typography.Text>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{o.body}</Typography.Paragraph>
        {o.answer !== null ? (
          <Alert type={o.upheld ? 'warning' : 'info'} title={t(o.upheld ? 'publicity.upheld' : 'publicity.rejected')} description={o.answer} />
        ) : canAnswer ? (
          <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
            <ErrorAlert error={answer.error} />
            <Form.Item name="upheld" label={t('publicity.decision')} rules={[{ required: true, message: t('publicity.decisionRequired') }]}>
              <Radio.Group options={[{ value: false, label: t('publicity.reject') }, { value: true, label: t('publicity.uphold') }]} />
            </Form.Item>
            <Form.Item name="answer" label={t('publicity.answer')} rules={[{ required: true, whitespace: true, message: t('publicity.answerRequired') }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" loading={answer.isPending}>{t('publicity.sendAnswer')}</Button>
          </Form>
        ) : (
          <Tag>{t('publicity.awaiting')}</Tag>
        )}
      </Space>
    </List.Item>
  );
}

function LodgeObjection({ call, onClose }: { call: CallDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ applicationId?: string; body: string }>();
  const lodge = useMutation({
    mutationFn: (v: { applicationId?: string; body: string }) => api.post<Objection>(`/calls/${call.id}/objections`, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: objectionsKey(call.id) });
      onClose();
    },
  });
  return (
    <Modal open title={t('publicity.object')} onCancel={onClose} onOk={() => form.submit()} okText={t('publicity.sendObjection')} cancelText={t('common.cancel')} confirmLoading={lodge.isPending} destroyOnHidden>
      <ErrorAlert error={lodge.error} />
      <Form form={form} layout="vertical" onFinish={(v) => lodge.mutate(v)}>
        <Form.Item name="applicationId" label={t('publicity.objectTo')}>
          <Select allowClear placeholder={t('publicity.wholeResult')} options={call.awards.map((a) => ({ value: a.applicationId, label: `${a.organizationName} · ${a.title}` }))} />
        </Form.Item>
        <Form.Item name="body" label={t('publicity.objectionBody')} rules={[{ required: true, whitespace: true, message: t('publicity.bodyRequired') }]} extra={t('publicity.objectionHint')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
