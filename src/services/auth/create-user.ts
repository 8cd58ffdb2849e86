// Creates an account with a random one-time password (shown once to whoever creates it; the user must change it at
// first login). A county admin creates only users of their own county and never municipal ones.
import type { Database, Executor } from '../../db/client.ts';
import type { UnitKind } from '../../db/schema/index.ts';
import { creatableRoles, ROLE_LABELS, roleHasCounty, type Role } from '../../domain/access.ts';
import { appendAudit } from '../../repositories/audit.ts';
import { findCountyByName, listCounties } from '../../repositories/counties.ts';
import { ALL_COUNTIES, countyScope, scopeAllows } from '../../repositories/scope.ts';
import { findUnit, insertUnit, listUnits } from '../../repositories/units.ts';
import { findUser, insertUser, type UserRecord } from '../../repositories/users.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { auditActor, type Access } from './access.ts';
import { generateOneTimePassword, hashPassword, normalizeUsername } from './passwords.ts';

export interface CreateUserInput {
  username: string;
  displayName?: string | undefined;
  role: Role;
  /** Required for every role but municipal. A county admin may leave it out (their own county is used). */
  county?: { id: string } | { name: string } | undefined;
  /** Required for unit_reporter. By name: found in the county, or created (the CLI's convenience). */
  unit?: { id: string } | { name: string; kind: UnitKind } | undefined;
  enterpriseId?: string | null | undefined;
}

export interface CreateUserResult {
  user: UserRecord;
  /** Shown once; only its hash is stored. */
  oneTimePassword: string;
}

const USERNAME = /^[\p{L}\p{N}._-]{2,64}$/u;

export async function createUser(db: Database, access: Access, input: CreateUserInput): Promise<CreateUserResult> {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) {
    throw new ValidationError('用户名须为 2–64 个字母、数字、汉字或 . _ - / username: 2–64 letters, digits, . _ -', [
      { path: '/username', message: '用户名格式不正确 / invalid username' },
    ]);
  }
  if (access.user && !creatableRoles(access.user.role).includes(input.role)) {
    throw new ForbiddenError(`无权创建“${ROLE_LABELS[input.role]}”账户 / may not create ${input.role} users`);
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);

  return db.transaction(async (tx) => {
    const countyId = await resolveCounty(tx, access, input);
    const unitId = countyId ? await resolveUnit(tx, access, countyId, input) : null;
    if (input.role === 'unit_reporter' && !unitId) {
      throw new ValidationError('部门/乡镇填报员必须指定所属单位 / a unit reporter needs a unit', [
        { path: '/unitId', message: '必须指定所属单位 / unit required' },
      ]);
    }
    const userId = await insertUser(tx, {
      username,
      displayName: input.displayName?.trim() || username,
      role: input.role,
      countyId,
      unitId,
      enterpriseId: input.enterpriseId?.trim() || null,
      passwordHash,
      mustChangePassword: true,
    });
    if (!userId) throw new ConflictError(`用户名“${username}”已存在 / username taken`);
    const user = await findUser(tx, countyId ? countyScope(countyId) : ALL_COUNTIES, userId);
    if (!user) throw new Error('inserted user not found');
    await appendAudit(tx, {
      countyId,
      ...auditActor(access.actor),
      action: 'user.create',
      entity: 'user',
      entityId: userId,
      after: { username, displayName: user.displayName, role: user.role, countyId, unitId, enterpriseId: user.enterpriseId },
    });
    return { user, oneTimePassword };
  });
}

async function resolveCounty(exec: Executor, access: Access, input: CreateUserInput): Promise<string | null> {
  if (!roleHasCounty(input.role)) {
    if (input.county) throw new ValidationError('市科技局账户不属于任何区县 / municipal users have no county');
    return null;
  }
  let county = input.county;
  if (!county && access.user?.countyId) county = { id: access.user.countyId };
  if (!county) {
    throw new ValidationError('必须指定区县 / a county is required', [{ path: '/countyId', message: '必须指定区县 / required' }]);
  }
  const found =
    'id' in county
      ? ((await listCounties(exec)).find((c) => c.id === county.id) ?? null)
      : await findCountyByName(exec, county.name.trim());
  // Another county's id answers like a missing one: ids of other tenants cannot be probed.
  if (!found || !scopeAllows(access.scope, found.id)) {
    throw new NotFoundError('county', 'id' in county ? county.id : county.name, '区县不存在 / county not found');
  }
  return found.id;
}

async function resolveUnit(exec: Executor, access: Access, countyId: string, input: CreateUserInput): Promise<string | null> {
  const unit = input.unit;
  if (!unit) return null;
  const inCounty = countyScope(countyId);
  if ('id' in unit) {
    const found = await findUnit(exec, inCounty, unit.id);
    if (!found || !scopeAllows(access.scope, found.countyId)) {
      throw new NotFoundError('unit', unit.id, '单位不存在 / unit not found');
    }
    return found.id;
  }
  const name = unit.name.trim();
  const existing = (await listUnits(exec, inCounty)).find((u) => u.name === name);
  if (existing) return existing.id;
  const unitId = await insertUnit(exec, { countyId, name, kind: unit.kind });
  if (!unitId) throw new ConflictError(`单位“${name}”已存在 / unit exists`);
  await appendAudit(exec, {
    countyId,
    ...auditActor(access.actor),
    action: 'unit.create',
    entity: 'unit',
    entityId: unitId,
    after: { name, kind: unit.kind },
  });
  return unitId;
}
