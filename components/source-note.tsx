import { useFormatter, useTranslations } from 'next-intl';
import type { SourceDto } from '@/lib/data/dto';
import { useLinkTarget } from './link-target';

/** "Source: White House, via AFP — title", with a link when the source has one. */
export function SourceNote({ source, timeZone }: { source: SourceDto; timeZone: string }) {
  const t = useTranslations('Operation');
  const format = useFormatter();
  const linkTarget = useLinkTarget();
  const title = source.url ? (
    <a href={source.url} rel="noopener noreferrer" {...linkTarget}>
      {source.title}
    </a>
  ) : (
    <cite>{source.title}</cite>
  );
  return (
    <p className="source-note">
      <span className="source-label">{t('source')}:</span> {source.publisher}
      {source.via ? `, ${t('via', { outlet: source.via })}` : null}. {title}
      {source.publishedAt
        ? `, ${t('published', {
            date: format.dateTime(new Date(source.publishedAt), { dateStyle: 'long', timeZone }),
          })}`
        : null}
    </p>
  );
}
