import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type TemplateOptions,
} from '../../../src-shared/contract/documents.contract';
import { FormField } from '../../ui/form-field';
import type { PrintingStore } from './printing.store';

const TOGGLES = ['privacyPhone', 'showLines', 'showPrices', 'showLogo'] as const;
const DEFAULT_ON: Record<(typeof TOGGLES)[number], boolean> = {
  privacyPhone: false,
  showLines: true,
  showPrices: false,
  showLogo: true,
};

const toBase64 = async (file: File): Promise<string> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
};

export function TemplatesSection({ store }: { store: PrintingStore }) {
  const { t } = useTranslation();
  const template = useStore(store, (s) => s.template);
  const issues = useStore(store, (s) => s.issues);
  const [kind, setKind] = useState<DocumentKind>('label');
  const [sender, setSender] = useState({ name: '', phone: '', company: '', address: '' });
  const [options, setOptions] = useState<TemplateOptions>({});
  const [logo, setLogo] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    void store.getState().loadTemplate(kind);
  }, [store, kind]);
  useEffect(() => {
    if (!template) return;
    setSender({ name: '', phone: '', company: '', address: '', ...template.sender });
    setOptions(template.options);
    setLogo(undefined);
  }, [template]);

  const save = () =>
    void store.getState().saveTemplate({
      kind,
      sender: sender.name || sender.company || sender.address ? sender : null,
      options,
      ...(logo !== undefined ? { logoBase64: logo } : {}),
    });

  return (
    <section className="settings-section" aria-labelledby="printing-templates">
      <h2 id="printing-templates">{t('printing.templates.title')}</h2>
      <p className="muted small">{t('printing.templates.intro')}</p>
      <form
        className="edit-form"
        aria-label={t('printing.templates.title')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="form-grid">
          <FormField label={t('printing.templates.kind')}>
            <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`printing.document.${k}`)}
                </option>
              ))}
            </select>
          </FormField>
          {(['company', 'name', 'phone', 'address'] as const).map((f) => (
            <FormField
              key={f}
              label={t(`printing.templates.sender.${f}`)}
              error={issues.sender}
              wide={f === 'address'}
            >
              <input value={sender[f]} onChange={(e) => setSender((s) => ({ ...s, [f]: e.target.value }))} />
            </FormField>
          ))}
          <FormField label={t('printing.templates.language')}>
            <select
              value={options.language ?? 'auto'}
              onChange={(e) =>
                setOptions((o) => ({ ...o, language: e.target.value as TemplateOptions['language'] }))
              }
            >
              {(['auto', 'zh', 'en'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`printing.templates.lang.${l}`)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label={t('printing.templates.footer')} wide>
            <input
              value={options.footer ?? ''}
              onChange={(e) => setOptions((o) => ({ ...o, footer: e.target.value }))}
            />
          </FormField>
          {TOGGLES.map((k) => (
            <label key={k} className="check-field">
              <input
                type="checkbox"
                checked={options[k] ?? DEFAULT_ON[k]}
                onChange={(e) => setOptions((o) => ({ ...o, [k]: e.target.checked }))}
              />
              {t(`printing.templates.toggle.${k}`)}
            </label>
          ))}
          <FormField
            label={t('printing.templates.logo')}
            error={issues.logoBase64}
            hint={template?.hasLogo ? t('printing.templates.hasLogo') : t('printing.templates.noLogo')}
          >
            <input
              type="file"
              accept="image/png,image/jpeg"
              onChange={(e) =>
                void (e.target.files?.[0] ? toBase64(e.target.files[0]).then(setLogo) : undefined)
              }
            />
          </FormField>
          {template?.hasLogo && (
            <label className="check-field">
              <input
                type="checkbox"
                checked={logo === null}
                onChange={(e) => setLogo(e.target.checked ? null : undefined)}
              />
              {t('printing.templates.removeLogo')}
            </label>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
