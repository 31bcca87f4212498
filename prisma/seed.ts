// Seeds the Kabul 2021 operation. Safe to run any number of times: the whole seed is one
// transaction under an advisory lock, and an operation that already exists is left alone, so a
// second run (or two app instances starting at once) changes nothing.
import type { PrismaClient } from '../lib/generated/prisma/client';
import { isMainModule, runDatabaseCommand } from '../scripts/database-command';
import * as kabul from './seed-data/kabul-2021';

const SEED_LOCK_KEY = 7_310_021;

// Prisma's defaults (2 s to start the transaction, 5 s to run it) are too short for an instance
// starting while the database is busy, or while other instances start and take their turn on the
// seed lock (on the embedded server, one transaction at a time): the start then failed.
const SEED_TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

export async function seedDatabase(prisma: PrismaClient): Promise<{ created: boolean }> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    const existing = await tx.operation.findUnique({ where: { slug: kabul.operation.slug } });
    if (existing) return { created: false };

    const operation = await tx.operation.create({ data: kabul.operation });
    const sourceIds = new Map<kabul.SourceKey, number>();
    for (const [key, source] of Object.entries(kabul.sources) as [kabul.SourceKey, typeof kabul.sources[kabul.SourceKey]][]) {
      const row = await tx.source.create({ data: { ...source } });
      sourceIds.set(key, row.id);
    }
    const sourceId = (key: kabul.SourceKey) => sourceIds.get(key)!;

    const groupIds = new Map<kabul.GroupSlug, number>();
    for (const group of kabul.groups) {
      const row = await tx.populationGroup.create({ data: { ...group, operationId: operation.id } });
      groupIds.set(group.slug, row.id);
    }
    const groupId = (slug: kabul.GroupSlug) => groupIds.get(slug)!;

    const targetIds = new Map<kabul.GroupSlug, number>();
    for (const target of kabul.targets) {
      const row = await tx.target.create({
        data: {
          operationId: operation.id,
          groupId: groupId(target.group),
          low: target.low,
          high: target.high,
          deadline: operation.deadline,
          sourceId: sourceId(target.source),
        },
      });
      targetIds.set(target.group, row.id);
    }

    for (const figure of kabul.figures) {
      await tx.figure.create({
        data: {
          operationId: operation.id,
          groupId: groupId(figure.group),
          value: figure.value,
          asOf: figure.asOf,
          kind: 'CUMULATIVE',
          basisStart: figure.basisStart,
          sourceId: sourceId(figure.source),
        },
      });
    }

    const { group, source, ...statement } = kabul.statement;
    await tx.statement.create({
      data: {
        ...statement,
        operationId: operation.id,
        groupId: groupId(group),
        targetId: targetIds.get(group) ?? null,
        sourceId: sourceId(source),
      },
    });

    for (const { source: eventSource, ...event } of kabul.events) {
      await tx.event.create({
        data: { ...event, operationId: operation.id, sourceId: sourceId(eventSource) },
      });
    }
    return { created: true };
  }, SEED_TRANSACTION);
}

// `npm run db:seed`
if (isMainModule(import.meta.url)) {
  void runDatabaseCommand(async (prisma) => {
    const { created } = await seedDatabase(prisma);
    console.log(created ? 'Seeded the Kabul 2021 operation' : 'Seed data already present: nothing to do');
  });
}
