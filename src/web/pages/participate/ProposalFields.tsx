import { Form, Input, Radio, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice, tooLong } from '../../components/rules.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import type { ProposalKind } from './participateQueries.ts';
import { PROPOSAL_MAX } from './proposalBody.ts';
import { Typography } from '../../components/Typography.tsx';

/** The kind with what each means in plain words, and the supports it needs when they are known. */
function KindChoice({ id, value, onChange, thresholds }: { id?: string; value?: ProposalKind; onChange?: (v: ProposalKind) => void; thresholds: Partial<Record<ProposalKind, number>> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const kinds: ProposalKind[] = ['wish', 'project'];
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as ProposalKind)} style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }} data-testid="proposal-kind">
      {kinds.map((k) => {
        const n = thresholds[k];
        return (
          <Radio key={k} value={k} style={{ alignItems: 'flex-start', padding: '10px 12px', border: `${value === k ? 2 : 1}px solid ${value === k ? token.colorPrimary : token.colorBorder}`, borderRadius: 8, marginInlineEnd: 0, width: '100%' }} data-testid={`proposal-kind-${k}`}>
            <div style={{ fontSize: 17, fontWeight: 600 }}>{t(`participate.kind.${k}`)}</div>
            <div style={{ fontSize: 15, whiteSpace: 'normal' }}>
              {n !== undefined ? t(`participate.form.${k}ExplainN`, { n }) : t(`participate.form.${k}Explain`)}
            </div>
          </Radio>
        );
      })}
    </Radio.Group>
  );
}

/** 微心愿 or 微项目, what, where and photos: the fields staff fill in for a resident (the resident's own page has them in plain HTML). */
export function ProposalFields({ thresholds }: { thresholds: Partial<Record<ProposalKind, number>> }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="kind" label={t('participate.form.kind')} rules={[requiredChoice(t, t('participate.form.kind'))]}>
        <KindChoice thresholds={thresholds} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('participate.form.title')}
        rules={[{ required: true, whitespace: true, message: t('participate.form.titleRequired') }, tooLong(t, t('participate.form.title'), PROPOSAL_MAX.title)]}
      >
        <Input count={{ show: true, max: PROPOSAL_MAX.title }} placeholder={t('participate.form.titlePlaceholder')} data-testid="proposal-title" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('participate.form.body')}
        rules={[{ required: true, whitespace: true, message: t('participate.form.bodyRequired') }, tooLong(t, t('participate.form.body'), PROPOSAL_MAX.body)]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} count={{ show: true, max: PROPOSAL_MAX.body }} placeholder={t('participate.form.bodyPlaceholder')} data-testid="proposal-body" />
      </Form.Item>
      <Form.Item name="place" label={t('participate.form.place')} rules={[tooLong(t, t('participate.form.place'), PROPOSAL_MAX.place)]}>
        <Input count={{ show: true, max: PROPOSAL_MAX.place }} placeholder={t('participate.form.placePlaceholder')} data-testid="proposal-place" />
      </Form.Item>
      <Form.Item name="photos" label={t('participate.form.photos')} extra={<Typography.Text type="secondary">{t('participate.form.photosHint')}</Typography.Text>}>
        <PhotoPicker />
      </Form.Item>
    </>
  );
}
