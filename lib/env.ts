// The validated environment: the only module that reads process.env. Everything else imports
// `env` from here, so a misconfiguration fails at start with a message naming the variable.
import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: 'must be a postgresql:// URL',
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Unset: `npm start` serves an embedded PGlite database from EMBEDDED_DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /** Upper bound of the app's connection pool; keep it at or below the server's limit. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBEDDED_DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  /** The operation `/` shows. */
  DEFAULT_OPERATION: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an operation slug such as kabul-2021')
    .default('kabul-2021'),
  /**
   * Signs session cookies. At least 32 characters; every instance behind one load balancer needs
   * the same value. Unset, `npm start` keeps a generated one in the embedded data folder.
   */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The address readers and editors use, e.g. https://figures.example.org; sets cookie rules. */
  APP_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. The client's address
   * (for the sign-in throttle and the audit log) is read that many entries from the right.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Whether the session cookie is Secure (and then `__Host-` prefixed). Default: on in
   * production. Turn it off only to try the production build over plain http on another host.
   */
  AUTH_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** The least severe log lines written to stdout. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * The AES key Next.js encrypts Server Action ids and closed-over values with. `next build` reads
   * it and embeds it in the build; checked here too, so a malformed one in the environment stops
   * the start. Unset, each build makes its own: every instance must run the same build.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .trim()
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, 'base64').length), {
      message: 'must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32)',
    })
    .optional(),
});

export type Env = z.infer<typeof schema>;

function readEnv(source: NodeJS.ProcessEnv): Env {
  // An empty variable means "not set", as in most twelve-factor tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export const env: Env = readEnv(process.env);

/** Host and port of a database URL, for messages that must never show the password. */
export function describeDatabaseUrl(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || '5432'}`;
}
