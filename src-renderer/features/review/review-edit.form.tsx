import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderEditPatch } from './review-queue.store';

const tagList = (text: string): string[] =>
  text
    .split(/[,，;；\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

interface Props {
  /** How many orders the edit applies to: the buyer ID and address only show for one. */
  count: number;
  busy: boolean;
  onSubmit: (patch: OrderEditPatch) => Promise<boolean>;
  onClose: () => void;
}

/**
 * Corrections before a decision: tags for every selected order; for a single order also the
 * buyer's ID number (cross-border holds) and the corrected address (ambiguous-address holds).
 * The core checks the address against the division data and says what is still wrong.
 */
export function ReviewEditForm({ count, busy, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [address, setAddress] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const patch: OrderEditPatch = {
    ...(tagList(addTags).length ? { addTags: tagList(addTags) } : {}),
    ...(tagList(removeTags).length ? { removeTags: tagList(removeTags) } : {}),
    ...(count === 1 && idNumber.trim() ? { buyerIdNumber: idNumber.trim() } : {}),
    ...(count === 1 && address.trim() ? { address: address.trim() } : {}),
  };
  const empty = Object.keys(patch).length === 0;

  return (
    <form
      className="review-edit"
      aria-label={t('review.edit.title', { count })}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) void onSubmit(patch).then((ok) => ok && onClose());
      }}
    >
      <strong>{t('review.edit.title', { count })}</strong>
      <label>
        {t('review.edit.addTags')}
        <input ref={first} value={addTags} maxLength={200} onChange={(e) => setAddTags(e.target.value)} />
      </label>
      <label>
        {t('review.edit.removeTags')}
        <input value={removeTags} maxLength={200} onChange={(e) => setRemoveTags(e.target.value)} />
      </label>
      {count === 1 ? (
        <>
          <label>
            {t('review.edit.idNumber')}
            <input
              value={idNumber}
              maxLength={30}
              autoComplete="off"
              onChange={(e) => setIdNumber(e.target.value)}
            />
          </label>
          <label className="wide">
            {t('review.edit.address')}
            <input
              value={address}
              maxLength={300}
              placeholder={t('review.edit.addressHint')}
              onChange={(e) => setAddress(e.target.value)}
            />
          </label>
        </>
      ) : (
        <p className="muted small">{t('review.edit.oneOnly')}</p>
      )}
      <button type="submit" className="btn btn-primary" disabled={empty || busy}>
        {t('common.save')}
      </button>
      <button type="button" className="btn-link" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
