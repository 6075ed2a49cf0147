import { Form, Input, Radio, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { requiredChoice, tooLong } from '../../components/rules.ts';
import type { PhotoData } from './photos.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import type { ProposalBody, ProposalKind } from './participateQueries.ts';
import { Typography } from '../../components/Typography.tsx';

export interface ProposalValues {
  kind?: ProposalKind;
  title?: string;
  body?: string;
  place?: string;
  photos?: PhotoData[];
}

/** The body the server takes from the form's values (photos without their previews). */
export function proposalBody(v: ProposalValues, residentId?: string): ProposalBody {
  const place = v.place?.trim();
  return {
    kind: v.kind ?? 'wish',
    title: (v.title ?? '').trim(),
    body: (v.body ?? '').trim(),
    ...(place ? { place } : {}),
    ...(v.photos && v.photos.length > 0 ? { photos: v.photos.map((p) => ({ mime: p.mime, data: p.data })) } : {}),
    ...(residentId ? { residentId } : {}),
  };
}

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

/** 微心愿 or 微项目, what, where and photos: the fields a resident fills in, and staff for a resident. */
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
        rules={[{ required: true, whitespace: true, message: t('participate.form.titleRequired') }, tooLong(t, t('participate.form.title'), 60)]}
      >
        <Input count={{ show: true, max: 60 }} placeholder={t('participate.form.titlePlaceholder')} data-testid="proposal-title" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('participate.form.body')}
        rules={[{ required: true, whitespace: true, message: t('participate.form.bodyRequired') }, tooLong(t, t('participate.form.body'), 2000)]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} count={{ show: true, max: 2000 }} placeholder={t('participate.form.bodyPlaceholder')} data-testid="proposal-body" />
      </Form.Item>
      <Form.Item name="place" label={t('participate.form.place')} rules={[tooLong(t, t('participate.form.place'), 100)]}>
        <Input count={{ show: true, max: 100 }} placeholder={t('participate.form.placePlaceholder')} data-testid="proposal-place" />
      </Form.Item>
      <Form.Item name="photos" label={t('participate.form.photos')} extra={<Typography.Text type="secondary">{t('participate.form.photosHint')}</Typography.Text>}>
        <PhotoPicker />
      </Form.Item>
    </>
  );
}
