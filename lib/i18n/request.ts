// next-intl request configuration. English is the only catalogue so far; the locale is chosen
// here (not in the URL) so adding one is a new messages file plus a line below.
import { getRequestConfig } from 'next-intl/server';
import en from './messages/en.json';
import enCharts from './messages/en-charts.json';
import enImport from './messages/en-import.json';

export const locales = ['en'] as const;
export const defaultLocale = 'en';

export default getRequestConfig(async () => ({
  locale: defaultLocale,
  messages: { ...en, ...enCharts, ...enImport },
  // Dates are shown in the operation's own time zone, passed explicitly where formatted; this is
  // only the fallback for anything that does not name one.
  timeZone: 'UTC',
}));
