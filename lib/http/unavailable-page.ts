// The page a reader gets while the database is away: 503 with Retry-After, so browsers, crawlers
// and caches know it is temporary, and a few plain sentences; it reloads itself after the wait.
// Plain HTML on purpose: nothing in it needs the database, React or a script.
import messages from '../i18n/messages/en-unavailable.json';
import { RETRY_AFTER_SECONDS } from './unexpected-error';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!);

export function unavailablePage(method: string): Response {
  const { title, body, retry } = messages.Unavailable;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 2}">
<title>${escape(title)}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}a{color:#9cf}}</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<p>${escape(body)}</p>
<p><a href="">${escape(retry)}</a></p>
</main>
</body>
</html>
`;
  return new Response(method === 'HEAD' ? null : html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(RETRY_AFTER_SECONDS),
    },
  });
}
