/** The shared zod field schemas the org forms validate with (same rules as the API). */
import { ZCreateUnitBody, ZNewUnit } from '@common/schemas/org.ts';
import { zodRule } from '../../../lib/zod-rule.ts';

export const unitRules = {
  name: [zodRule(ZCreateUnitBody.shape.name)],
  shortName: [zodRule(ZCreateUnitBody.shape.shortName)],
  code: [zodRule(ZNewUnit.shape.code)],
};
