// Checks shared by creating and correcting a platform.
import type { Executor } from '../../db/client.ts';
import { findEnterprise } from '../../repositories/enterprises.ts';
import { countyScope } from '../../repositories/scope.ts';
import type { PlatformColumns } from '../../repositories/platforms.ts';
import { NotFoundError, ValidationError } from '../errors.ts';

export async function checkPlatform(exec: Executor, countyId: string, p: PlatformColumns): Promise<void> {
  if (p.revokedOn !== null && p.revokedOn < p.recognisedOn) {
    throw new ValidationError('撤销日期不能早于认定日期 / revoked before recognised', [{ path: '/revokedOn', message: '早于认定日期' }]);
  }
  if (p.hostEnterpriseId !== null && !(await findEnterprise(exec, countyScope(countyId), p.hostEnterpriseId))) {
    throw new NotFoundError('enterprise', p.hostEnterpriseId, '依托企业不在本县企业库 / host enterprise not found');
  }
}
