'use client';

import { RotateCcw } from 'lucide-react';
import { ConfirmDialog } from '../ui/dialog';

/** Reset the editor to the starter code, after a confirmation (problem and lab workspaces). */
export function ResetCodeButton({ onConfirm }: { onConfirm: () => void }) {
  return (
    <ConfirmDialog
      title="Start over from the starter code?"
      description="Your current code is replaced by the starter. Your submissions keep their code."
      confirmLabel="Reset code"
      onConfirm={onConfirm}
      trigger={
        <button type="button" className="button button--ghost button--sm">
          <RotateCcw size={14} aria-hidden="true" /> Reset
        </button>
      }
    />
  );
}
