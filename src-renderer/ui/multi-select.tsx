import { useEffect, useId, useRef, useState } from 'react';

export interface Option {
  value: string;
  label: string;
  count?: number;
}

/**
 * A compact "button + checkbox list" filter. Native <select multiple> needs Ctrl+click and
 * shows as a tall box, which clerks found confusing; this reads like the status chips next to it.
 */
export function MultiSelect(props: {
  label: string;
  allLabel: string;
  options: Option[];
  value: readonly string[];
  onChange(next: string[]): void;
}) {
  const { label, allLabel, options, value, onChange } = props;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const summary =
    value.length === 0
      ? allLabel
      : value.length === 1
        ? (options.find((o) => o.value === value[0])?.label ?? value[0])
        : `${value.length} / ${options.length}`;

  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);

  return (
    <div
      className="multi-select"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className={`btn btn-filter${value.length ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span className="filter-label">{label}</span> {summary} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="popover" id={listId} role="group" aria-label={label}>
          {options.map((o) => (
            <label key={o.value} className="popover-option">
              <input type="checkbox" checked={value.includes(o.value)} onChange={() => toggle(o.value)} />
              <span>{o.label}</span>
              {o.count !== undefined && <span className="count">{o.count}</span>}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
