'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { EMBED_FRAME_SIZE, embedPath, iframeSnippet } from '@/lib/embed-snippet';
import type { OperationView } from '@/lib/queries/operation-summary';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The inside of the "Embed" disclosure: the <iframe> code of the view on screen (live, or frozen
 * at its as-of date) and a button to copy it. Rendered in the browser only (see embed-code.tsx),
 * so the address can take the origin the reader is on, which the server cannot know for sure
 * behind a proxy.
 */
export function EmbedCodeBody({ view, operationName }: { view: OperationView; operationName: string }) {
  const t = useTranslations('Embed');
  const format = useFormatter();
  const id = useId();
  const code = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const snippet = iframeSnippet({
    src: `${window.location.origin}${embedPath(view)}`,
    title: t('frameTitle', { operation: operationName }),
    ...EMBED_FRAME_SIZE,
  });

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopy('copied');
    } catch {
      // No clipboard access (permission refused, insecure origin): select it for Ctrl+C instead.
      code.current?.select();
      setCopy('failed');
    }
  }

  return (
    <>
      <p className="muted">
        {view.asOf
          ? t('frozenNote', {
              date: format.dateTime(new Date(`${view.asOf}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
            })
          : t('liveNote')}
      </p>
      <label htmlFor={`${id}-code`}>{t('codeLabel')}</label>
      <textarea
        ref={code}
        id={`${id}-code`}
        readOnly
        rows={3}
        value={snippet}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="embed-code-actions">
        <button type="button" onClick={copyCode}>
          {t('copy')}
        </button>
        <span role="status">{copy === 'idle' ? '' : t(copy)}</span>
      </div>
    </>
  );
}
