/** The parts of mailauth's authenticate() result this decision reads. */
export type AuthenticationSummary = {
  dmarc?: false | { status?: { result?: string } } | null;
};

/**
 * Whether a message may be trusted as coming from its From address. Only a DMARC `fail` (the domain publishes
 * a policy and the mail matches neither aligned SPF nor DKIM) quarantines; `none`, `temperror` (DNS
 * unreachable, as offline) and `permerror` do not, or every mail from a domain without DMARC would be held.
 */
export function senderVerdict(result: AuthenticationSummary | null): { quarantine: boolean; reason: string | null } {
  const dmarc = result?.dmarc ? result.dmarc.status?.result : undefined;
  if (dmarc === 'fail') return { quarantine: true, reason: 'The From address failed DMARC.' };
  return { quarantine: false, reason: null };
}
