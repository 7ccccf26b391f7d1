import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The Save / Cancel footer every edit form ends with; `extra` buttons go first. */
export function FormActions(props: { busy: boolean; onCancel: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      {props.extra}
      <button type="submit" className="btn btn-primary" disabled={props.busy}>
        {props.busy ? t('common.saving') : t('common.save')}
      </button>
      <button type="button" className="btn" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
