import { type RefObject, useEffect, useRef } from 'react';

const inputStyle = {
  width: '100%',
  fontSize: 32,
  padding: '12px 16px',
  border: '2px solid #15803d',
  borderRadius: 8,
  fontFamily: 'monospace',
  boxSizing: 'border-box',
} as const;

/**
 * The field a keyboard-wedge scanner types into: it sends the tracking number, then Enter.
 * A plain input (no antd) keeps the partner's pages light, and it is cleared and refocused at
 * once so the next parcel can be scanned while the previous answer is still on its way.
 */
export function ScanInput({
  label,
  onScan,
  inputRef,
}: {
  label: string;
  onScan: (trackingNumber: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const own = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? own;
  useEffect(() => ref.current?.focus(), [ref]);
  return (
    <input
      ref={ref}
      aria-label={label}
      placeholder={label}
      data-testid="scan-input"
      autoComplete="off"
      spellCheck={false}
      style={inputStyle}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        const value = e.currentTarget.value.trim();
        e.currentTarget.value = '';
        e.currentTarget.focus();
        if (value) onScan(value);
      }}
    />
  );
}
