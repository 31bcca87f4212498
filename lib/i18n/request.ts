// next-intl request configuration. English is the only catalogue so far; the locale is chosen
// here (not in the URL) so adding one is a new messages file plus a line below.
import { getRequestConfig } from 'next-intl/server';
import en from './messages/en.json';
import enApi from './messages/en-api.json';
import enAdmin from './messages/en-admin.json';
import enCharts from './messages/en-charts.json';
import enEmbed from './messages/en-embed.json';
import enImport from './messages/en-import.json';

export const locales = ['en'] as const;
export const defaultLocale = 'en';

export default getRequestConfig(async () => ({
  locale: defaultLocale,
  // The admin area's namespaces all start with "Admin": the root layout leaves them out of the
  // public pages' client messages (lib/i18n/public-messages.ts).
  messages: { ...en, ...enCharts, ...enEmbed, ...enAdmin, ...enImport, ...enApi },
  // Dates are shown in the operation's own time zone, passed explicitly where formatted; this is
  // only the fallback for anything that does not name one.
  timeZone: 'UTC',
}));
