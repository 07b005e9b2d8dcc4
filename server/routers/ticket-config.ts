import {
  applyMacroInput,
  createCategoryInput,
  createFieldInput,
  createTicketTypeInput,
  deleteCategoryInput,
  deleteTagInput,
  deleteTicketTypeInput,
  fieldIdInput,
  macroIdInput,
  reorderTicketTypesInput,
  saveMacroInput,
  savedViewIdInput,
  saveViewInput,
  ticketNumberFormatInput,
  updateCategoryInput,
  updateFieldInput,
  updateTicketTypeInput,
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
import {
  createTicketType,
  deleteTicketType,
  listTicketTypes,
  reorderTicketTypes,
  ticketTypeUsage,
  updateTicketType,
} from '@/server/services/ticket/ticket-types';
import { applyMacro, deleteMacro, listMacros, saveMacro } from '@/server/services/ticket/macros';
import { createSavedView, deleteSavedView, listSavedViews } from '@/server/services/ticket/saved-views';
import { getTicketSettingsForAdmin, updateTicketNumberFormat } from '@/server/services/ticket/ticket-settings-admin';

// How a workspace sets up its tickets: categories, types, custom fields, saved views, macros and numbering.

export const categoryRouter = router({
  /** Archived ones included: the admin page lists them to restore; forms use portal.categories or filter. */
  list: tenantProcedure.query(({ ctx }) => listAllCategories(ctx.scope)),
  create: adminProcedure.input(createCategoryInput).mutation(({ ctx, input }) => createCategory(ctx.scope, input)),
  update: adminProcedure.input(updateCategoryInput).mutation(({ ctx, input }) => updateCategory(ctx.scope, input)),
  /** Tickets per category, for the admin page's counts and the delete dialog. */
  usage: adminProcedure.query(({ ctx }) => categoryUsage(ctx.scope)),
  delete: adminProcedure.input(deleteCategoryInput).mutation(({ ctx, input }) => deleteCategory(ctx.scope, input)),
});

export const ticketTypeRouter = router({
  /** Archived ones included, in the admin's order: forms offer the active ones (and the ticket's own). */
  list: tenantProcedure.query(({ ctx }) => listTicketTypes(ctx.scope)),
  create: adminProcedure.input(createTicketTypeInput).mutation(({ ctx, input }) => createTicketType(ctx.scope, input)),
  update: adminProcedure.input(updateTicketTypeInput).mutation(({ ctx, input }) => updateTicketType(ctx.scope, input)),
  reorder: adminProcedure
    .input(reorderTicketTypesInput)
    .mutation(({ ctx, input }) => reorderTicketTypes(ctx.scope, input)),
  /** Tickets per type key, for the admin page's counts and the delete dialog. */
  usage: adminProcedure.query(({ ctx }) => ticketTypeUsage(ctx.scope)),
  delete: adminProcedure.input(deleteTicketTypeInput).mutation(({ ctx, input }) => deleteTicketType(ctx.scope, input)),
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
