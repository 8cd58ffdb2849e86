// Checks every monitoring use case repeats: the role may do the action (the routes check it too; the services check
// again so the CLI and future callers cannot skip it), and a unit reporter stays inside their own unit.
import { can, type Action } from '../../domain/access.ts';
import { parsePeriod, PeriodParseError, type Period } from '../../domain/period/period.ts';
import { unitFilter, type Access } from '../auth/access.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';

/** The operator (CLI, system jobs: `access.user` null) acts with full rights. */
export function requireAction(access: Access, action: Action): void {
  if (access.user !== null && !can(access.user.role, action)) throw new ForbiddenError();
}

/** A unit reporter may only act for their own unit; every other role is not confined to a unit. */
export function requireOwnUnit(access: Access, unitId: string | null): void {
  const own = unitFilter(access);
  if (own !== null && own !== unitId) {
    throw new ForbiddenError('只能处理本单位负责的指标 / only your own unit’s indicators', 'not-your-unit');
  }
}

/** Whether a reader may see this unit's data (reads answer "not found" rather than revealing other units). */
export function mayReadUnit(access: Access, unitId: string | null): boolean {
  const own = unitFilter(access);
  return own === null || own === unitId;
}

/** A period code from a request, as a 400 with the parser's bilingual message when it cannot be read. */
export function periodFromInput(code: string, path = '/period'): Period {
  try {
    return parsePeriod(code);
  } catch (error) {
    if (error instanceof PeriodParseError) throw new ValidationError(error.message, [{ path, message: error.message }]);
    throw error;
  }
}

/** A reason that must be given (退回, 重新打开): trimmed, not empty. */
export function requiredReason(reason: string | undefined | null, what: string): string {
  const text = reason?.trim() ?? '';
  if (text === '') {
    throw new ValidationError(`${what}必须填写原因 / a reason is required`, [{ path: '/reason', message: '必须填写原因 / required' }]);
  }
  return text;
}
