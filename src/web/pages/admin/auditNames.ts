import type { TFunction } from 'i18next';

/**
 * An audit action code ("household.update", "need.attachment.read", "need.accept") in words:
 * what was acted on, then what was done. The code is `<entity>.<verb>`; a need's steps share
 * their names with the need page. Unknown parts stay as codes rather than disappear.
 */
export function auditActionName(action: string, t: TFunction): string {
  const cut = action.lastIndexOf('.');
  if (cut < 0) return action;
  const entity = action.slice(0, cut).replace(/\./g, '_');
  const verb = action.slice(cut + 1);
  const entityName = t(`auditEntity.${entity}`, { defaultValue: entity });
  const verbName = t(`auditVerb.${verb}`, { defaultValue: '' }) || t(`needAction.${verb}`, { defaultValue: verb });
  return t('audit.actionName', { entity: entityName, verb: verbName });
}
