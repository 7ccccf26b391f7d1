import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Shown when the server answers 401: the handheld opened the address without its ?token=. */
export function TokenPrompt({ onSubmit }: { onSubmit(token: string): void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="token-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onSubmit(token.trim());
        }}
      >
        <h2 id="token-title">{t('token.title')}</h2>
        <p>{t('token.explain')}</p>
        <label className="field">
          <span>{t('token.label')}</span>
          <input
            autoFocus
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!token.trim()}>
            {t('token.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
