import { PrismaService } from '../../src/modules/prisma/prisma.service';

/** A foreign key in the database: `table(columns)` → `references`, with its ON DELETE action. */
export type TForeignKey = { name: string; table: string; columns: string[]; references: string; onDelete: string };

const ON_DELETE: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/**
 * Every foreign key that leads to "User", directly or through other tables: where a user's data lives. Read from the
 * database's own catalog, so tables that other slices add are covered without anyone listing them.
 */
export async function foreignKeysToUser(prisma: PrismaService): Promise<TForeignKey[]> {
  const all = await prisma.$queryRawUnsafe<{ name: string; table: string; columns: string[]; references: string; on_delete: string }[]>(`
    SELECT c.conname::text AS name, src.relname::text AS table, dst.relname::text AS references,
           c.confdeltype::text AS on_delete,
           array_agg(a.attname::text ORDER BY k.ord) AS columns
    FROM pg_constraint c
    JOIN pg_class src ON src.oid = c.conrelid
    JOIN pg_class dst ON dst.oid = c.confrelid
    JOIN pg_namespace ns ON ns.oid = src.relnamespace
    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.contype = 'f' AND ns.nspname = current_schema()
    GROUP BY c.conname, src.relname, dst.relname, c.confdeltype`);
  const reached = new Set(['User']);
  const keys: TForeignKey[] = [];
  for (let grew = true; grew;) {
    grew = false;
    for (const fk of all) {
      if (!reached.has(fk.references) || keys.some((k) => k.name === fk.name && k.table === fk.table)) continue;
      keys.push({
        name: fk.name,
        table: fk.table,
        columns: fk.columns,
        references: fk.references,
        onDelete: ON_DELETE[fk.on_delete] ?? fk.on_delete,
      });
      if (!reached.has(fk.table)) reached.add(fk.table);
      grew = true;
    }
  }
  return keys;
}

/** How many rows of each table that points straight at "User" still hold this user's id. */
export async function rowsReferencingUser(prisma: PrismaService, userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const fk of (await foreignKeysToUser(prisma)).filter((k) => k.references === 'User')) {
    const where = fk.columns.map((column) => `"${column}"::text = $1`).join(' OR ');
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${fk.table}" WHERE ${where}`, userId);
    counts[`${fk.table}(${fk.columns.join(', ')})`] = row?.n ?? 0;
  }
  return counts;
}
