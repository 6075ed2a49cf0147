import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { Typography } from '../../components/Typography.tsx';
import { Card } from '../../components/Card.tsx';

/**
 * The register of a street, community or grid as XLSX in the import layout. Full numbers are
 * offered only to those who may reveal them somewhere; the server checks the unit itself.
 */
export function RegisterExport({ unit, id }: { unit: 'street' | 'community' | 'grid'; id: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [reveal, setReveal] = useState(false);
  const exported = useMutation({ mutationFn: () => downloadFile('/exports/residents', undefined, { unit, id, reveal: reveal || undefined }) });
  if (!can('territory.export.register')) return null;
  return (
    <Card size="small" title={t('import.exportTitle')} data-testid="register-export">
      <Typography.Paragraph type="secondary">{t('import.exportHelp')}</Typography.Paragraph>
      <Space wrap>
        {can('territory.resident.reveal') && (
          <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)} data-testid="export-reveal">
            {t('import.exportReveal')}
          </Checkbox>
        )}
        <Button onClick={() => exported.mutate()} loading={exported.isPending} data-testid="export-register">
          {t('import.exportButton')}
        </Button>
      </Space>
      <ErrorAlert error={exported.error} />
    </Card>
  );
}
