// Per-user bearer tokens for the write API. The token is shown once, at creation; only its
// SHA-256 is stored (a random 256-bit token needs no slow hash: it cannot be guessed from a
// dictionary). Revoking, or disabling the owner, stops a token at once.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { getPrisma } from '../db';
import { actorAudit, recordAudit, type Actor } from '../audit/audit-log';
import type { StaffRole } from './staff-session';

const TOKEN_PREFIX = 'evac_';
const SHOWN_PREFIX_LENGTH = 12;
/** lastUsedAt is written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenDto {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokenOwner {
  userId: string;
  email: string;
  role: StaffRole;
  tokenId: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createApiToken(actor: Actor, name: string): Promise<{ token: string; id: number }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const prisma = getPrisma();
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: actor.userId, name, prefix: token.slice(0, SHOWN_PREFIX_LENGTH), tokenHash: hashToken(token) },
      select: { id: true },
    });
    await recordAudit(tx, actorAudit(actor, { action: 'token.create', entityType: 'api_token', entityId: row.id, details: { name } }));
    return row;
  });
  return { token, id: created.id };
}

export async function listApiTokens(userId: string): Promise<ApiTokenDto[]> {
  const rows = await getPrisma().apiToken.findMany({
    where: { userId },
    orderBy: { id: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes one of the actor's own tokens (admins may revoke anyone's). False if there is none. */
export async function revokeApiToken(actor: Actor, id: number): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    const owner = actor.role === 'admin' ? {} : { userId: actor.userId };
    const { count } = await tx.apiToken.updateMany({
      where: { id, revokedAt: null, ...owner },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit(tx, actorAudit(actor, { action: 'token.revoke', entityType: 'api_token', entityId: id }));
    return true;
  });
}

/** The owner of a live token, or null for an unknown, revoked or disabled one. */
export async function authenticateApiToken(token: string): Promise<TokenOwner | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const prisma = getPrisma();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: row.user.id, email: row.user.email, role: row.user.role, tokenId: row.id };
}
