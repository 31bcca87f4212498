'use client';

import { createContext, useContext, type ReactNode } from 'react';

// Inside an embed, a link that opened in place would navigate the frame away from the chart, and
// most sites (this one's own pages included) refuse to be shown in a frame: there, links to
// sources open in a new tab. On the site itself they open as any link does.
const NewTabContext = createContext(false);

export function LinksOpenInNewTab({ children }: { children: ReactNode }) {
  return <NewTabContext value={true}>{children}</NewTabContext>;
}

/** Spread onto an <a>: `target="_blank"` inside LinksOpenInNewTab, nothing elsewhere. */
export function useLinkTarget(): { target?: '_blank' } {
  return useContext(NewTabContext) ? { target: '_blank' } : {};
}
