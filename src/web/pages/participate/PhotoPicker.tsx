import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compressPhoto, type PhotoData } from './photos.ts';
import { Typography } from '../../components/Typography.tsx';

export const MAX_PHOTOS = 3;

/**
 * Up to three photos, each made smaller on the phone before it is kept (JPEG, at most 1 MB), shown
 * as thumbnails that can be taken out again. A form item: value and onChange.
 */
export function PhotoPicker({ id, value = [], onChange }: { id?: string; value?: PhotoData[]; onChange?: (v: PhotoData[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const add = async (files: File[]) => {
    setFailed(false);
    setBusy(true);
    const next = [...value];
    for (const f of files.slice(0, MAX_PHOTOS - value.length)) {
      try {
        next.push(await compressPhoto(f));
      } catch {
        setFailed(true);
      }
    }
    setBusy(false);
    onChange?.(next);
  };
  const remove = (i: number) => onChange?.(value.filter((_, k) => k !== i));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        style={{ display: 'none' }}
        data-testid="proposal-photos-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) void add(files);
        }}
      />
      {value.length > 0 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {value.map((p, i) => (
            <div key={`${i}-${p.bytes}`} style={{ position: 'relative' }} data-testid="proposal-photo-thumb">
              <img src={p.preview} alt={t('participate.photoAlt', { n: i + 1 })} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 6, display: 'block' }} />
              <Button
                shape="circle"
                size="small"
                icon={<CloseOutlined />}
                aria-label={t('participate.form.photoRemove', { n: i + 1 })}
                onClick={() => remove(i)}
                style={{ position: 'absolute', top: 4, right: 4 }}
              />
            </div>
          ))}
        </div>
      )}
      {value.length < MAX_PHOTOS && (
        <Button size="large" icon={<CameraOutlined aria-hidden />} loading={busy} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start', minHeight: 48 }} data-testid="proposal-photo-add">
          {value.length === 0 ? t('participate.form.photoAdd') : t('participate.form.photoMore', { left: MAX_PHOTOS - value.length })}
        </Button>
      )}
      {failed && <Alert type="warning" showIcon title={t('participate.form.photoFailed')} />}
      {value.length >= MAX_PHOTOS && <Typography.Text type="secondary">{t('participate.form.photoFull')}</Typography.Text>}
    </div>
  );
}
