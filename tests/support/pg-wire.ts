// A minimal PostgreSQL wire-protocol client, for tests that must control exactly which protocol
// messages reach the server and when (a driver sends a whole batch at once). Text format only,
// trust authentication only: enough to talk to the embedded server.
import { connect, type Socket } from 'node:net';

export interface WireResult {
  /** Text values of each DataRow. */
  rows: (string | null)[][];
  /** The M field of an ErrorResponse, if the server sent one. */
  error: string | null;
}

const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const int16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
};
const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');
const message = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type, 'latin1'), int32(body.length + 4), body]);
};

export const wire = {
  /** Parse into the unnamed statement. */
  parse: (sql: string) => message('P', cstring(''), cstring(sql), int16(0)),
  /** Bind text parameters to the unnamed statement, into the unnamed portal. */
  bind: (values: string[]) =>
    message('B', cstring(''), cstring(''), int16(0), int16(values.length), ...values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v)]), int16(0)),
  execute: () => message('E', cstring(''), int32(0)),
  sync: () => message('S'),
};

export class WireClient {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
  }

  static async connect(host: string, port: number): Promise<WireClient> {
    const socket = connect(port, host);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const client = new WireClient(socket);
    const startup = Buffer.concat([int32(196_608), cstring('user'), cstring('postgres'), cstring('database'), cstring('postgres'), Buffer.from([0])]);
    socket.write(Buffer.concat([int32(startup.length + 4), startup]));
    await client.untilReady();
    return client;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Reads messages up to ReadyForQuery. */
  async untilReady(timeoutMs = 5_000): Promise<WireResult> {
    const result: WireResult = { rows: [], error: null };
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
        const type = String.fromCharCode(this.buffer[0]!);
        const body = this.buffer.subarray(5, 1 + this.buffer.readInt32BE(1));
        this.buffer = this.buffer.subarray(1 + this.buffer.readInt32BE(1));
        if (type === 'Z') return result;
        if (type === 'D') result.rows.push(dataRow(body));
        if (type === 'E') result.error = errorMessage(body);
      }
      if (Date.now() > deadline) throw new Error('No ReadyForQuery in time');
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

function dataRow(body: Buffer): (string | null)[] {
  const values: (string | null)[] = [];
  let offset = 2;
  for (let column = 0; column < body.readInt16BE(0); column += 1) {
    const length = body.readInt32BE(offset);
    offset += 4;
    values.push(length < 0 ? null : body.subarray(offset, offset + length).toString('utf8'));
    offset += Math.max(0, length);
  }
  return values;
}

function errorMessage(body: Buffer): string {
  for (const field of body.toString('utf8').split('\0')) if (field.startsWith('M')) return field.slice(1);
  return 'unknown error';
}
