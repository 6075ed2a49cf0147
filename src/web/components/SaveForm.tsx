import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, ErrorAlert } from './feedback.tsx';

export interface FormSave<V> {
  form: FormInstance<V>;
  error: unknown;
  saving: boolean;
  submit: (values: V) => void;
}

/**
 * The save cycle every record form shares: field errors from the server land on their
 * fields, the rest shows above the form, and lists that may hold the record are refreshed.
 */
export function useFormSave<V, R>({ mutationFn, invalidate, onSaved }: {
  mutationFn: (values: V) => Promise<R>;
  invalidate: string[];
  onSaved: (saved: R) => void;
}): FormSave<V> {
  const qc = useQueryClient();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn,
    onSuccess: (saved) => {
      for (const key of invalidate) void qc.invalidateQueries({ queryKey: [key] });
      onSaved(saved);
    },
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  const submit = (values: V) => {
    setError(null);
    save.mutate(values);
  };
  return { form, error, saving: save.isPending, submit };
}

interface SaveFormProps<V> {
  saver: FormSave<V>;
  initialValues: Partial<Record<keyof V, unknown>>;
  children: ReactNode;
  style?: CSSProperties;
  /** Pages show their own save button; a modal uses its OK button instead. */
  saveButton?: boolean;
}

/** A record's form on its own page: registers keep these at one readable width. */
export function PageForm<V>(props: Omit<SaveFormProps<V>, 'saveButton' | 'style'>) {
  return <SaveForm {...props} saveButton style={{ maxWidth: 720 }} />;
}

export function SaveForm<V>({ saver, initialValues, children, style, saveButton }: SaveFormProps<V>) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={saver.error} />
      <Form<V> form={saver.form} layout="vertical" style={style} initialValues={initialValues} onFinish={saver.submit}>
        {children}
        {saveButton && <Button type="primary" htmlType="submit" loading={saver.saving}>{t('common.save')}</Button>}
      </Form>
    </>
  );
}

/** What a page passes to a record's modal form. */
export interface ModalFormProps<R> {
  open: boolean;
  onClose: () => void;
  onSaved: (saved: R) => void;
}

export function FormModal<V>({ open = true, title, onClose, saveTestId, ...form }: Omit<SaveFormProps<V>, 'saveButton' | 'style'> & {
  open?: boolean;
  title: ReactNode;
  onClose: () => void;
  saveTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.saver.form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={form.saver.saving}
      okButtonProps={saveTestId ? ({ 'data-testid': saveTestId } as ButtonProps) : undefined}
      destroyOnHidden
    >
      <SaveForm {...form} />
    </Modal>
  );
}
