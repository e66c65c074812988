/**
 * The password policy on the forms: the same module the server applies
 * (common/password-policy.ts), so the form refuses what the API would, with
 * the same Vietnamese reasons. Its dictionaries (a few MB) are a separate
 * chunk fetched only by the pages that set a password, warmed when they open.
 */
import { useEffect } from 'react';
import type { FormRule } from 'antd';
import {
  checkPassword,
  loadPasswordEstimator,
  passwordRequirements,
  PASSWORD_POLICY,
  type PasswordOwner,
} from '@common/password-policy.ts';
import type { TMe } from '../api/types.ts';
import { t } from '../i18n/index.ts';

/** A rule object (not a render function), so it can also be returned from one. */
type RuleObject = Exclude<FormRule, (...args: never[]) => unknown>;

/** A form rule judging the field with the policy for `owner()` (read when the field is validated). */
export function passwordPolicyRule(owner: () => PasswordOwner): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const verdict = await checkPassword(value, owner());
      if (!verdict.ok) throw new Error(verdict.problems.join(' '));
    },
  };
}

/** Start fetching the estimator as the page or dialog opens, so the first check does not wait. */
export function usePasswordEstimator(): void {
  useEffect(() => {
    // A failure shows when the field is checked; here it would only be noise.
    loadPasswordEstimator().catch(() => undefined);
  }, []);
}

/** Is the signed-in user an administrator (the higher bar)? */
export function holdsAdminGrant(grants: TMe['grants']): boolean {
  return grants.some((g) => g.role === 'admin');
}

/** The hint under a password field: the bar for this account. */
export function passwordHint(admin: boolean): string {
  const { minLength, minScore } = passwordRequirements(admin);
  return t('password.hint', { min: minLength, score: minScore, history: PASSWORD_POLICY.history });
}

/** The hint where the account's roles are still being chosen: both bars. */
export function passwordHintBothBars(): string {
  return t('password.hintBoth', {
    min: PASSWORD_POLICY.minLength,
    score: PASSWORD_POLICY.minScore,
    adminMin: PASSWORD_POLICY.adminMinLength,
    adminScore: PASSWORD_POLICY.adminMinScore,
  });
}
