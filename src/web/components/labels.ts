import { useTranslation } from 'react-i18next';
import { CERTIFICATE_LEVEL_LABELS, ORGANIZATION_TYPE_LABELS, SERVICE_FIELD_LABELS } from '../../common/organizations.ts';

type Labelled = Record<string, { 'zh-CN': string; en: string }>;

/** Labels shared with the server (src/common), in the current language. */
export function useCommonLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const pick = (map: Labelled, code: string | null | undefined) => (code ? map[code]?.[lang] ?? code : '');
  return {
    orgType: (code: string) => pick(ORGANIZATION_TYPE_LABELS, code),
    serviceField: (code: string) => pick(SERVICE_FIELD_LABELS, code),
    certificate: (code: string) => pick(CERTIFICATE_LEVEL_LABELS, code),
  };
}
