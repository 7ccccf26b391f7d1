import type { ReactNode } from 'react';
import './state-text.css';

/** What a job's or device's state means for the user: one colour each, shared by every queue. */
export type Tone = 'waiting' | 'busy' | 'good' | 'bad';

/**
 * A state word in a table cell (print job, outbox job, printer), bold and coloured by its tone.
 * Each feature maps its own states to tones; the word is always there for colour-blind users.
 */
export function StateText({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`state-text state-text-${tone}`}>{children}</span>;
}
