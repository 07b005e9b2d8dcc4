import {
  applyMacroInput,
  createCategoryInput,
  createFieldInput,
  deleteCategoryInput,
  deleteTagInput,
  fieldIdInput,
  macroIdInput,
  saveMacroInput,
  savedViewIdInput,
  saveViewInput,
  ticketNumberFormatInput,
  updateCategoryInput,
  updateFieldInput,
} from '@/lib/validators/ticket';
import { adminProcedure, agentProcedure, router, tenantProcedure } from '@/server/trpc/init';
import {
  categoryUsage,
  createCategory,
  deleteCategory,
  listAllCategories,
  updateCategory,
} from '@/server/services/ticket/categories';
import {
  archiveField,
  createField,
  deleteField,
  fieldUsage,
  listFields,
  updateField,
} from '@/server/services/ticket/fields';
import { deleteTag, listTagUsage } from '@/server/services/ticket/tags-admin';
import { applyMacro, deleteMacro, listMacros, saveMacro } from '@/server/services/ticket/macros';
import { createSavedView, deleteSavedView, listSavedViews } from '@/server/services/ticket/saved-views';
import { getTicketSettingsForAdmin, updateTicketNumberFormat } from '@/server/services/ticket/ticket-settings-admin';

// How a workspace sets up its tickets: categories, custom fields, saved views, macros and numbering.

export const categoryRouter = router({
  /** Archived ones included: the admin page lists them to restore; forms use portal.categories or filter. */
  list: tenantProcedure.query(({ ctx }) => listAllCategories(ctx.scope)),
  create: adminProcedure.input(createCategoryInput).mutation(({ ctx, input }) => createCategory(ctx.scope, input)),
  update: adminProcedure.input(updateCategoryInput).mutation(({ ctx, input }) => updateCategory(ctx.scope, input)),
  /** Tickets per category, for the admin page's counts and the delete dialog. */
  usage: adminProcedure.query(({ ctx }) => categoryUsage(ctx.scope)),
  delete: adminProcedure.input(deleteCategoryInput).mutation(({ ctx, input }) => deleteCategory(ctx.scope, input)),
});

export const ticketFieldRouter = router({
  list: tenantProcedure.query(({ ctx }) => listFields(ctx.scope)),
  create: adminProcedure.input(createFieldInput).mutation(({ ctx, input }) => createField(ctx.scope, input)),
  archive: adminProcedure.input(fieldIdInput).mutation(({ ctx, input }) => archiveField(ctx.scope, input)),
  update: adminProcedure.input(updateFieldInput).mutation(({ ctx, input }) => updateField(ctx.scope, input)),
  usage: adminProcedure.query(({ ctx }) => fieldUsage(ctx.scope)),
  delete: adminProcedure.input(fieldIdInput).mutation(({ ctx, input }) => deleteField(ctx.scope, input)),
});

export const tagRouter = router({
  /** Every tag in use with its ticket count. */
  list: adminProcedure.query(({ ctx }) => listTagUsage(ctx.scope)),
  delete: adminProcedure.input(deleteTagInput).mutation(({ ctx, input }) => deleteTag(ctx.scope, input)),
});

export const savedViewRouter = router({
  list: tenantProcedure.query(({ ctx }) => listSavedViews(ctx.scope)),
  create: agentProcedure.input(saveViewInput).mutation(({ ctx, input }) => createSavedView(ctx.scope, input)),
  delete: agentProcedure.input(savedViewIdInput).mutation(({ ctx, input }) => deleteSavedView(ctx.scope, input)),
});

export const macroRouter = router({
  list: tenantProcedure.query(({ ctx }) => listMacros(ctx.scope)),
  save: agentProcedure.input(saveMacroInput).mutation(({ ctx, input }) => saveMacro(ctx.scope, input)),
  delete: agentProcedure.input(macroIdInput).mutation(({ ctx, input }) => deleteMacro(ctx.scope, input)),
  /**
   * Changes the ticket and returns the rendered body for the reply box; nothing is sent. Not `apply`:
   * tRPC reserves that name (its client proxies are functions, whose `apply` it would shadow).
   */
  applyToTicket: agentProcedure.input(applyMacroInput).mutation(({ ctx, input }) => applyMacro(ctx.scope, input)),
});

export const ticketSettingsRouter = router({
  get: tenantProcedure.query(({ ctx }) => getTicketSettingsForAdmin(ctx.scope)),
  update: adminProcedure
    .input(ticketNumberFormatInput)
    .mutation(({ ctx, input }) => updateTicketNumberFormat(ctx.scope, input)),
});
