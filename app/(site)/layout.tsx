import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/site-chrome';

// Every page of the site proper: the header, its navigation and the main landmark.
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
