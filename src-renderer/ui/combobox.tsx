import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { isComposing } from './dialog-keys';
import './combobox.css';

/** Typing settles for this long before a search goes out; Enter searches at once. */
const DEBOUNCE_MS = 150;

/**
 * A text field that searches as you type and offers a list to pick from (ARIA combobox with a
 * listbox): ↑/↓ move, Enter picks, Esc closes. A barcode scanner "types" the code and presses
 * Enter faster than the debounce, so Enter always waits for the answer to exactly what is in the
 * field and then picks its first (best) result.
 */
export function Combobox<T>(props: {
  label: string;
  placeholder?: string;
  search(query: string): Promise<T[]>;
  itemKey(item: T): string;
  renderItem(item: T): ReactNode;
  onPick(item: T): void;
  /** Enter found nothing: the text is a new entry (a new customer's name or phone), not a search. */
  onNoMatch?(text: string): void;
  /** Empty the field after a pick (item lists such as order lines), instead of leaving the text. */
  clearOnPick?: boolean;
  emptyText: string;
  autoFocus?: boolean;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const listId = useId();
  const [text, setText] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [searched, setSearched] = useState('');
  // The answer for the latest text only; older answers that arrive late are dropped.
  const latest = useRef<{ query: string; result: Promise<T[]> } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { search } = props;

  const run = (query: string): Promise<T[]> => {
    if (latest.current?.query === query) return latest.current.result;
    const result = search(query);
    latest.current = { query, result };
    void result.then((rows) => {
      if (latest.current?.query !== query) return;
      setItems(rows);
      setSearched(query);
      setActive(0);
    });
    return result;
  };

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      latest.current = null;
      setItems([]);
      setSearched('');
      return;
    }
    const timer = setTimeout(() => void run(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `run` only closes over refs and setters, so the text alone decides when to search.
  }, [text]);

  const pick = (item: T) => {
    props.onPick(item);
    setOpen(false);
    if (props.clearOnPick) {
      setText('');
      setItems([]);
      latest.current = null;
    }
  };

  const onEnter = async () => {
    const q = text.trim();
    if (!q) return;
    const fresh = searched === q && items.length > 0;
    const rows = fresh ? items : await run(q);
    const item = rows[fresh ? active : 0];
    if (item) pick(item);
    else {
      setOpen(true);
      // Nothing found: the text is selected so the next scan or typing replaces it instead of
      // being appended to the unknown code.
      inputRef.current?.select();
      props.onNoMatch?.(q);
    }
  };

  const showList = open && text.trim() !== '' && searched === text.trim();
  return (
    <div className="combobox">
      <input
        ref={inputRef}
        id={props.id}
        type="text"
        role="combobox"
        aria-label={props.id ? undefined : props.label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && items[active] ? `${listId}-${active}` : undefined}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        autoComplete="off"
        placeholder={props.placeholder}
        autoFocus={props.autoFocus}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          // While an input method composes, Enter picks its candidate, not a SKU or customer.
          if (isComposing(e)) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            if (items.length)
              setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void onEnter();
          } else if (e.key === 'Escape' && showList) {
            // The list closes; the dialog around it stays open.
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {showList && (
        <ul className="combobox-list" role="listbox" id={listId} aria-label={props.label}>
          {items.length === 0 ? (
            <li className="combobox-empty muted small">{props.emptyText}</li>
          ) : (
            items.map((item, i) => (
              <li
                key={props.itemKey(item)}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                // mousedown, not click: the input's blur would close the list before a click lands.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(item);
                }}
                onMouseEnter={() => setActive(i)}
              >
                {props.renderItem(item)}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
