// The messages the public pages' client components may need: everything but the admin area's,
// which would otherwise ride along in every reader's page.
import type { AbstractIntlMessages } from 'next-intl';

export const ADMIN_NAMESPACE_PREFIX = 'Admin';

export function publicMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !namespace.startsWith(ADMIN_NAMESPACE_PREFIX)));
}
