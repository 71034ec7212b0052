/**
 * Where one invitation stands, for the practitioner who made it. Completion wins over expiry (a family
 * who finished has finished), and a replaced code is shown as replaced whatever its dates say.
 */
export type InvitationStatus =
  | { kind: 'completed' }
  | { kind: 'replaced' }
  | { kind: 'expired' }
  | { kind: 'notOpened' }
  | { kind: 'inProgress'; section: number; of: number };

export function invitationStatus(
  invitation: { expiresAt: string; openedAt?: string; revokedAt?: string },
  progress: { sectionsSaved: number; completed: boolean; sectionCount: number },
  today: string,
): InvitationStatus {
  if (progress.completed) return { kind: 'completed' };
  if (invitation.revokedAt) return { kind: 'replaced' };
  if (today > invitation.expiresAt) return { kind: 'expired' };
  if (progress.sectionsSaved === 0 && !invitation.openedAt) return { kind: 'notOpened' };
  return {
    kind: 'inProgress',
    section: Math.min(progress.sectionsSaved + 1, progress.sectionCount),
    of: progress.sectionCount,
  };
}

export function describeStatus(status: InvitationStatus): string {
  switch (status.kind) {
    case 'completed':
      return 'completed';
    case 'replaced':
      return 'replaced by a newer link';
    case 'expired':
      return 'expired';
    case 'notOpened':
      return 'not opened';
    case 'inProgress':
      return `section ${status.section} of ${status.of}`;
  }
}

/** A family can be given a fresh link unless they have finished or the link was already replaced. */
export function canRenew(status: InvitationStatus): boolean {
  return status.kind !== 'completed' && status.kind !== 'replaced';
}
