// An AbortSignal that fires when the server is asked to stop.
//
// A Server-Sent Events response never ends by itself, and the server's graceful shutdown waits
// for every open response before it exits: one open live page would hold a deploy until the
// connections are cut. Streams that follow this signal end at once instead, and browsers
// reconnect (to another instance) after the stream's `retry:` advice.
import 'server-only';
import { stoppingSignal } from '../server/stopping';

export function serverShutdownSignal(): AbortSignal {
  return stoppingSignal();
}
