import { useTranslation } from 'react-i18next';
import type { AppError } from '../../src-shared/result';
import { errorText, issueText } from '../i18n/error-text';

/** `title` replaces the headline by error code where the screen knows better what went wrong. */
export function ErrorBanner({
  error,
  onDismiss,
  title: headline,
}: {
  error: AppError;
  onDismiss?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const { title: byCode, detail } = errorText(t, error);
  const title = headline ?? byCode;
  return (
    <div className="error-banner" role="alert">
      <strong>{title}</strong>
      {detail && <span className="error-detail">{detail}</span>}
      {error.issues && error.issues.length > 0 && (
        <ul className="error-issues">
          {error.issues.map((i, n) => (
            <li key={n}>
              <code>{i.path}</code> {issueText(t, i.message)}
            </li>
          ))}
        </ul>
      )}
      {onDismiss && (
        <button type="button" className="btn-link" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
