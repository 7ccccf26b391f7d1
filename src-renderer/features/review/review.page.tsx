import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReviewQueueView } from './review-queue.view';
import { ReviewRulesView } from './review-rules.view';
import { PipelineRunBar } from './pipeline-run.view';
import './review.css';

type Tab = 'queue' | 'rules';

/** 审单: the queue of held orders, and the rules that decide which orders get held. */
export function ReviewPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('queue');
  return (
    <div className="review-page">
      <div className="page-head">
        <h1>{t('nav.review')}</h1>
        <div className="review-tabs" role="tablist">
          {(['queue', 'rules'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'btn btn-primary' : 'btn'}
              onClick={() => setTab(k)}
            >
              {t(`review.tab.${k}`)}
            </button>
          ))}
        </div>
        <PipelineRunBar />
      </div>
      {tab === 'queue' ? <ReviewQueueView /> : <ReviewRulesView />}
    </div>
  );
}
