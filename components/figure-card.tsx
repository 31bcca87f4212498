import type { ReactNode } from 'react';

/** One key figure: a label, the number, and the line that says what exactly it counts. */
export function FigureCard({
  label,
  value,
  detail,
  children,
  emphasis = false,
}: {
  label: string;
  value: string;
  detail?: string;
  children?: ReactNode;
  emphasis?: boolean;
}) {
  return (
    <div className={emphasis ? 'figure-card figure-card-emphasis' : 'figure-card'}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {detail ? <span className="figure-detail">{detail}</span> : null}
        {children}
      </dd>
    </div>
  );
}
