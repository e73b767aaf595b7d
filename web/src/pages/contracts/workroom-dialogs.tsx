import type { Overview } from './contract-queries.ts';
import { EndDialog, RespondToEndDialog } from './end-dialogs.tsx';
import { ApproveDialog, BonusDialog, FundDialog } from './money-dialogs.tsx';
import { RequestChangesDialog, SubmitDialog } from './work-dialogs.tsx';

export type WorkroomDialog =
  | { kind: 'fund' | 'submit' | 'changes' | 'approve'; milestoneId: string }
  | { kind: 'bonus' | 'end' | 'respond' };

/** The one dialog open in the Workroom, whichever button opened it (the header or a milestone). */
export function WorkroomDialogs({
  dialog,
  overview,
  parties,
  onClose,
}: {
  dialog: WorkroomDialog | null;
  overview: Overview;
  parties: { clientId: string; freelancerId: string };
  onClose: () => void;
}) {
  if (!dialog) return null;
  if (!('milestoneId' in dialog)) {
    if (dialog.kind === 'bonus') return <BonusDialog overview={overview} parties={parties} onClose={onClose} />;
    if (dialog.kind === 'end') return <EndDialog overview={overview} onClose={onClose} />;
    return <RespondToEndDialog overview={overview} onClose={onClose} />;
  }
  const milestone = overview.milestones.find((candidate) => candidate.id === dialog.milestoneId);
  if (!milestone) return null;
  const props = { overview, milestone, onClose };
  if (dialog.kind === 'fund') return <FundDialog {...props} parties={parties} />;
  if (dialog.kind === 'approve') return <ApproveDialog {...props} parties={parties} />;
  if (dialog.kind === 'changes') return <RequestChangesDialog {...props} />;
  return <SubmitDialog {...props} />;
}
