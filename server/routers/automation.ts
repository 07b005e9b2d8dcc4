import {
  dryRunRuleInput,
  reorderRulesInput,
  ruleIdInput,
  saveRuleInput,
  setRuleEnabledInput,
} from '@/lib/validators/automation';
import { adminProcedure, router } from '@/server/trpc/init';
import { dryRunRule } from '@/server/services/automation/dry-run-rule';
import {
  deleteRule,
  getRule,
  listRules,
  reorderRules,
  saveRule,
  setRuleEnabled,
} from '@/server/services/automation/rules';

// Automation rules are the admins': they act on every ticket of the workspace.
export const automationRuleRouter = router({
  list: adminProcedure.query(({ ctx }) => listRules(ctx.scope)),
  get: adminProcedure.input(ruleIdInput).query(({ ctx, input }) => getRule(ctx.scope, input)),
  save: adminProcedure.input(saveRuleInput).mutation(({ ctx, input }) => saveRule(ctx.scope, input)),
  setEnabled: adminProcedure.input(setRuleEnabledInput).mutation(({ ctx, input }) => setRuleEnabled(ctx.scope, input)),
  delete: adminProcedure.input(ruleIdInput).mutation(({ ctx, input }) => deleteRule(ctx.scope, input)),
  reorder: adminProcedure.input(reorderRulesInput).mutation(({ ctx, input }) => reorderRules(ctx.scope, input)),
  // A query in effect (it writes nothing) but a mutation in form: the rule being tried travels in the body.
  dryRun: adminProcedure.input(dryRunRuleInput).mutation(({ ctx, input }) => dryRunRule(ctx.scope, input)),
});
