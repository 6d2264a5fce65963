'use client';

import { useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { LIMITS, passwordStrength } from '@/lib/validation';

type Props = {
  label: string;
  name: string;
  /** controlled when given; otherwise the form reads the field on submit */
  value?: string;
  onChange?: (value: string) => void;
  error?: string | null;
  autoComplete: 'new-password' | 'current-password';
  showStrength?: boolean;
};

export function PasswordField({ label, name, value, onChange, error, autoComplete, showStrength }: Props) {
  const [visible, setVisible] = useState(false);
  // what is typed into an uncontrolled field, for the strength meter only
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const controlled = value !== undefined;
  useEffect(() => {
    // typed before the script loaded: show its strength at once
    if (!controlled && input.current?.value) setTyped(input.current.value);
  }, [controlled]);
  const strength = passwordStrength(value ?? typed);
  return (
    <Field
      ref={input}
      label={label}
      name={name}
      type={visible ? 'text' : 'password'}
      {...(controlled ? { value } : {})}
      onChange={(e) => (controlled ? onChange?.(e.target.value) : setTyped(e.target.value))}
      autoComplete={autoComplete}
      maxLength={LIMITS.passwordMax}
      required
      error={error}
      hint={showStrength ? `${LIMITS.passwordMin}–${LIMITS.passwordMax} characters. Avoid common passwords.` : undefined}
      after={
        <div className="row-between">
          {showStrength ? (
            <div style={{ flex: 1 }}>
              <div className="strength" data-score={strength.score} aria-hidden="true">
                <span /><span /><span /><span />
              </div>
              <p className="hint" aria-live="polite">{strength.label ? `Strength: ${strength.label}` : '\u00a0'}</p>
            </div>
          ) : <span />}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setVisible((v) => !v)} aria-pressed={visible}>
            {visible ? 'Hide' : 'Show'} password
          </button>
        </div>
      }
    />
  );
}
