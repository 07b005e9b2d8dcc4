import { saveMacroInput } from '@/lib/validators/ticket';
import type { StaffScope } from '@/server/services/types';
import { saveMacro } from '@/server/services/ticket/macros';
import demoMacros from './demo-macros.json';

/**
 * A few macros for the demo, so the reply box's picker (press m) has something to show on first start.
 * The texts live in demo-macros.json; a macro shared with teams goes to the demo's one team. Each is
 * parsed with the form's schema, so demo data the form would refuse fails here, not in front of a user.
 */
export async function seedDemoMacros(owner: StaffScope, frontlineTeamId: string) {
  for (const macro of demoMacros) {
    const teamIds = macro.visibility === 'teams' ? [frontlineTeamId] : [];
    await saveMacro(owner, saveMacroInput.parse({ ...macro, teamIds }));
  }
}
