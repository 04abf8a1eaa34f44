/** Suggestions for draft orders a finding is about (CDS Hooks 2.0 suggestion actions: delete, create). */
import type { MedicationFact } from '../facts';
import type { Suggestion } from '../types';
import type { LabelDose } from '../knowledge/renal-dosing';
import { deleteDrafts, draftRequest, medNames } from '../knowledge/drugs/describe';

/** "Remove the draft order" for the given drafts; none when there are no drafts. */
export function removeDraftSuggestion(drafts: readonly MedicationFact[]): Suggestion[] {
  return drafts.length === 0
    ? []
    : [
        {
          label: `Remove the draft order for ${medNames(drafts, ', ')}`,
          actions: [deleteDrafts(drafts, 'Remove the draft order')],
        },
      ];
}

/** For draft orders: replace with the label's product and dose (as a new draft, to be reviewed), or just remove. */
export function replaceDraftSuggestions(
  drafts: readonly MedicationFact[],
  dose: LabelDose | undefined,
  patientRef: string | undefined,
): Suggestion[] {
  const remove = removeDraftSuggestion(drafts);
  if (drafts.length === 0 || !dose) return remove;
  const replacement = draftRequest(patientRef, dose.code, dose.display);
  replacement.dosageInstruction = [{ text: `${dose.dosage} (label dose)` }];
  return [
    {
      label: `Replace the draft with ${dose.display}, ${dose.dosage}`,
      actions: [
        deleteDrafts(drafts, 'Remove the draft order'),
        { type: 'create', description: `Draft ${dose.display}, ${dose.dosage}`, resource: replacement },
      ],
    },
    ...remove,
  ];
}
