// Excel bulk import of the enterprise register: every cell checked first (per-cell Chinese errors); nothing is
// written unless all rows are valid, and then everything in ONE transaction — new enterprises inserted, known ones
// (by 统一社会信用代码) updated, each row's year of figures inserted or replaced. `dryRun` stops after the checks.
import type { Database } from '../../db/client.ts';
import { parseEnterpriseRows, type ImportCellError } from '../../domain/registers/enterprise-import.ts';
import { appendAudit } from '../../repositories/audit.ts';
import {
  findEnterprisesByUscc,
  findFigures,
  insertEnterprise,
  insertFigures,
  updateEnterpriseIfVersion,
  updateFiguresIfVersion,
  type EnterpriseColumns,
} from '../../repositories/enterprises.ts';
import { auditActor, type Access } from '../auth/access.ts';
import { VersionConflictError } from '../errors.ts';
import { readEnterpriseWorkbook } from './enterprise-workbook.ts';
import { requireAction, today, writeCounty } from './guards.ts';

export interface ImportEnterprisesInput {
  bytes: Uint8Array;
  fileName: string;
  dryRun?: boolean | undefined;
  /** CLI only: the county (id or name). */
  county?: string | undefined;
}

export interface ImportEnterprisesResult {
  status: 'imported' | 'preview' | 'invalid';
  rowCount: number;
  created: number;
  updated: number;
  figureRows: number;
  errors: ImportCellError[];
}

export async function importEnterprises(db: Database, access: Access, input: ImportEnterprisesInput): Promise<ImportEnterprisesResult> {
  requireAction(access, 'register.manage');
  const countyId = await writeCounty(db, access, input.county);
  const sheet = await readEnterpriseWorkbook(input.bytes);
  const parsed = parseEnterpriseRows(sheet.header, sheet.rows);
  const figureRows = parsed.rows.filter((r) => r.year !== null).length;
  const known = await findEnterprisesByUscc(db, countyId, [...new Set(parsed.rows.map((r) => r.uscc))]);
  const knownCodes = new Set(known.map((e) => e.uscc));
  const newCodes = new Set(parsed.rows.map((r) => r.uscc).filter((c) => !knownCodes.has(c)));
  const summary = { rowCount: parsed.rows.length, created: newCodes.size, updated: knownCodes.size, figureRows };
  if (parsed.errors.length > 0) return { status: 'invalid', ...summary, created: 0, updated: 0, figureRows: 0, errors: parsed.errors };
  if (input.dryRun) return { status: 'preview', ...summary, errors: [] };

  await db.transaction(async (tx) => {
    const actor = auditActor(access.actor);
    const ids = new Map<string, string>();
    const stored = new Map((await findEnterprisesByUscc(tx, countyId, [...new Set(parsed.rows.map((r) => r.uscc))])).map((e) => [e.uscc, e]));
    for (const row of parsed.rows) {
      const current = stored.get(row.uscc);
      let enterpriseId = ids.get(row.uscc) ?? current?.id;
      if (enterpriseId === undefined) {
        const values: EnterpriseColumns = {
          uscc: row.uscc,
          name: row.name,
          town: row.town,
          industry: row.industry,
          size: row.size,
          establishedOn: row.establishedOn,
          // Figures for a year mean the enterprise was in the register that year: listed from the first year given.
          listedOn: firstListed(parsed.rows.filter((r) => r.uscc === row.uscc).map((r) => r.year)),
          removedOn: null,
        };
        const id = await insertEnterprise(tx, countyId, values);
        if (!id) throw new VersionConflictError('enterprise', { uscc: row.uscc });
        enterpriseId = id;
        await appendAudit(tx, { countyId, ...actor, action: 'enterprise.import.create', entity: 'enterprise', entityId: id, after: { ...values, row: row.row, file: input.fileName } });
      } else if (current && !ids.has(row.uscc)) {
        // Blank cells keep what the register has; filled ones replace it.
        const values: Partial<EnterpriseColumns> = { name: row.name };
        if (row.town !== null) values.town = row.town;
        if (row.industry !== null) values.industry = row.industry;
        if (row.size !== null) values.size = row.size;
        if (row.establishedOn !== null) values.establishedOn = row.establishedOn;
        if (!(await updateEnterpriseIfVersion(tx, { id: current.id, countyId, version: current.version }, values))) {
          throw new VersionConflictError('enterprise', current);
        }
        await appendAudit(tx, { countyId, ...actor, action: 'enterprise.import.update', entity: 'enterprise', entityId: current.id, before: current, after: { ...values, row: row.row, file: input.fileName } });
      }
      ids.set(row.uscc, enterpriseId);
      if (row.year === null) continue;
      const existing = await findFigures(tx, countyId, enterpriseId, row.year);
      if (existing) {
        // As for the enterprise columns, a blank cell keeps the stored figure: a partial sheet never erases data.
        const filled = Object.fromEntries(Object.entries(row.figures).filter(([, v]) => v !== null && v !== undefined));
        if (!(await updateFiguresIfVersion(tx, { id: existing.id, countyId, version: existing.version }, filled, access.actor.name))) {
          throw new VersionConflictError('enterprise_figures', existing);
        }
      } else if (!(await insertFigures(tx, { countyId, enterpriseId, year: row.year }, row.figures, access.actor.name))) {
        throw new VersionConflictError('enterprise_figures', null);
      }
      await appendAudit(tx, {
        countyId,
        ...actor,
        action: existing ? 'enterprise.figures.import.update' : 'enterprise.figures.import.create',
        entity: 'enterprise_figures',
        entityId: enterpriseId,
        before: existing,
        after: { year: row.year, ...row.figures, row: row.row },
      });
    }
    await appendAudit(tx, { countyId, ...actor, action: 'enterprise.import', entity: 'enterprise_import', entityId: null, after: { file: input.fileName, ...summary } });
  });
  return { status: 'imported', ...summary, errors: [] };
}

function firstListed(years: (number | null)[]): string {
  const given = years.filter((y): y is number => y !== null);
  const now = today();
  if (given.length === 0) return now;
  const first = `${Math.min(...given)}-01-01`;
  return first < now ? first : now;
}
