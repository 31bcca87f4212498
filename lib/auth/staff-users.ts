// Staff accounts: created by an admin (or, for the first admin, by `npm run admin:create`),
// disabled rather than deleted so the audit log keeps naming them.
//
// Rows are written in better-auth's own shape (a user plus a "credential" account holding the
// password hash), in one transaction with the audit entry, so sign-in through better-auth finds
// them and a failed write leaves no half-made account.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';
import { actorAudit, recordAudit, type Actor, type AuditChannel } from '../audit/audit-log';
import { parseInput, type FieldError } from '../validation/field-errors';
import { staffUserInputSchema } from '../validation/staff-input';
import { hashPassword } from './password-hashing';
import type { RequestContext } from './request-context';
import type { StaffRole } from './staff-session';

export interface StaffUserDto {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
}

export type CreateUserResult = { ok: true; user: StaffUserDto } | { ok: false; errors: FieldError[] };

/** Who creates the account: an admin through the app, or the operator at the command line. */
export type Creator = { actor: Actor } | { cli: RequestContext };

export async function createStaffUser(prisma: PrismaClient, creator: Creator, rawInput: unknown): Promise<CreateUserResult> {
  const parsed = parseInput(staffUserInputSchema, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) return { ok: false, errors: [{ field: 'email', message: 'already belongs to an account' }] };
    const id = randomBytes(16).toString('hex');
    const user = await tx.user.create({
      data: { id, email: input.email, name: input.name, role: input.role, emailVerified: true },
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
    });
    await tx.account.create({
      data: { id: randomBytes(16).toString('hex'), userId: id, accountId: id, providerId: 'credential', password: passwordHash },
    });
    const details = { email: input.email, role: input.role };
    await recordAudit(
      tx,
      'actor' in creator
        ? actorAudit(creator.actor, { action: 'user.create', entityType: 'user', entityId: id, details })
        : { action: 'user.create', channel: 'cli' satisfies AuditChannel, context: creator.cli, entityType: 'user', entityId: id, details },
    );
    return { ok: true, user: { ...user, createdAt: user.createdAt.toISOString() } };
  });
}

export async function listStaffUsers(prisma: PrismaClient): Promise<StaffUserDto[]> {
  const rows = await prisma.user.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/**
 * Disables (or re-enables) an account. Disabling deletes its sessions in the same transaction, so
 * it is signed out everywhere at once; its tokens stop working because authentication checks the
 * flag. An admin cannot disable themself (and so lock everyone out).
 */
export async function setStaffUserDisabled(
  prisma: PrismaClient,
  actor: Actor,
  userId: string,
  disabled: boolean,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (disabled && userId === actor.userId) return { ok: false, message: 'You cannot disable your own account.' };
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { disabled } });
    if (count === 0) return { ok: false, message: 'No such user.' };
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actorAudit(actor, { action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId }));
    return { ok: true };
  });
}
