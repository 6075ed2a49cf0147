import { Alert, Button, Spin } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { errorMessage, isNotFound } from './errorText.ts';
import { Outcome } from './Outcome.tsx';

export { errorMessage, isNotFound };

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} data-testid="error-alert" />;
}

export function NotFoundState() {
  const { t } = useTranslation();
  return (
    <Outcome
      status="notFound"
      title={t('common.notFoundTitle')}
      subTitle={<span data-testid="not-found">{t('common.notFound')}</span>}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Loading / not found / error states of a page that shows one record. */
export function QueryState({ isLoading, error }: { isLoading: boolean; error: unknown }) {
  if (isLoading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (isNotFound(error)) return <NotFoundState />;
  return <ErrorAlert error={error} />;
}

/**
 * Puts the server's per-field messages under the matching form fields. Returns the error
 * when some of it could not be shown on a field, so the caller shows it above the form.
 */
export function applyServerErrors(form: FormInstance, error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const known = new Set(
    Object.keys(form.getFieldsValue(true) as Record<string, unknown>),
  );
  const onFields = error.fields.filter((f) => known.has(f.field.split('.')[0]!));
  form.setFields(
    onFields.map((f) => ({
      name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [f.message],
    })),
  );
  const rest = error.fields.filter((f) => !onFields.includes(f));
  if (rest.length === 0) return null;
  return new ApiError(error.status, error.code, [error.message, ...rest.map((f) => `${f.field}: ${f.message}`)].join(' — '), rest);
}
