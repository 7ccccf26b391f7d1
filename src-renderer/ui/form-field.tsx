import { useId, type ReactElement, cloneElement } from 'react';

/**
 * Label, control and the server's message for that field, wired with aria-invalid and
 * aria-describedby so screen readers read the error with the field.
 */
export function FormField(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  wide?: boolean;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${props.error ? ' has-error' : ''}${props.wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {cloneElement(props.children, {
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': props.error ? errorId : undefined,
      })}
      {props.error ? (
        <div className="field-error" id={errorId}>
          {props.error}
        </div>
      ) : (
        props.hint && <div className="field-hint">{props.hint}</div>
      )}
    </div>
  );
}
