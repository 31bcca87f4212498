// One TCP connection written to by hand: for requests a client library will not make, such as an
// upload sent in parts with pauses, or a second request pipelined behind the first.
import { connect, type Socket } from 'node:net';

export interface RawConnection {
  write(text: string | Buffer): void;
  /** Everything received so far. */
  received(): string;
  /** Resolves with everything received once the server has closed the connection. */
  closed: Promise<string>;
  destroy(): void;
}

export function rawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const closed = new Promise<string>((done) => socket.once('close', () => done(text)));
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        write: (data) => void socket.write(data),
        received: () => text,
        closed,
        destroy: () => socket.destroy(),
      }),
    );
  });
}

/** The status lines and X-Request-Id headers of the responses in a raw HTTP/1.1 text, in order. */
export function responsesIn(text: string): { status: number; requestId: string | undefined }[] {
  return text
    .split(/(?=^HTTP\/1\.1 \d{3})/m)
    .filter((part) => part.startsWith('HTTP/1.1'))
    .map((part) => ({
      status: Number(part.slice(9, 12)),
      requestId: /^x-request-id: *(\S+)/im.exec(part)?.[1],
    }));
}
