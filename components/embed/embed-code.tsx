'use client';

import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { OperationView } from '@/lib/queries/operation-summary';

// Few readers open it: its code loads when the disclosure opens, not with the page.
const EmbedCodeBody = dynamic(() => import('./embed-code-body').then((module) => module.EmbedCodeBody), {
  ssr: false,
});

/** "Embed": a disclosure with the <iframe> code of the view on screen, to put on another site. */
export function EmbedCode({ view, operationName }: { view: OperationView; operationName: string }) {
  const t = useTranslations('Embed');
  const [open, setOpen] = useState(false);
  return (
    <details className="embed-code" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('summary')}</summary>
      {open ? <EmbedCodeBody view={view} operationName={operationName} /> : null}
    </details>
  );
}
