import type { ReactNode } from 'react';
import './embed.css';

// Embeds are shown inside other sites' pages: no site header, no navigation, only the main
// content. They are the only pages that may be framed (see lib/security/security-headers.ts).
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="embed">
      {children}
    </main>
  );
}
