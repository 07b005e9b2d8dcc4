import { acceptTriageSuggestionInput, triageSuggestionInput, updateTriageSettingsInput } from '@/lib/validators/triage';
import { adminProcedure, agentProcedure, router } from '@/server/trpc/init';
import {
  acceptTriageSuggestion,
  dismissTriageSuggestion,
  getTriageSuggestion,
} from '@/server/services/triage/ticket-suggestion';
import {
  getTriageOverview,
  requestTriageTraining,
  updateTriageSettings,
} from '@/server/services/triage/triage-settings';

export const triageRouter = router({
  settings: adminProcedure.query(({ ctx }) => getTriageOverview(ctx.scope)),
  updateSettings: adminProcedure
    .input(updateTriageSettingsInput)
    .mutation(({ ctx, input }) => updateTriageSettings(ctx.scope, input)),
  retrain: adminProcedure.mutation(({ ctx }) => requestTriageTraining(ctx.scope)),
  suggestion: agentProcedure
    .input(triageSuggestionInput)
    .query(({ ctx, input }) => getTriageSuggestion(ctx.scope, input)),
  accept: agentProcedure
    .input(acceptTriageSuggestionInput)
    .mutation(({ ctx, input }) => acceptTriageSuggestion(ctx.scope, input)),
  dismiss: agentProcedure
    .input(triageSuggestionInput)
    .mutation(({ ctx, input }) => dismissTriageSuggestion(ctx.scope, input)),
});
