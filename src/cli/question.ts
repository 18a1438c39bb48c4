/** Problems as a user reads them at the terminal: the flag or words that were wrong, why, and what works. */
import type { WorkloadProblem } from '../advice/workload.ts';
import { fieldName } from '../advice/field-syntax.ts';
import { fieldLabel } from '../advice/field-labels.ts';

export function formatProblems(problems: readonly WorkloadProblem[], door: 'words' | 'flags' = 'words'): string {
  const lines = problems.map((p) => {
    const where = door === 'flags' && p.field ? `${fieldName('flags', p.field, fieldLabel(p.field))}: ` : p.fragment ? `"${p.fragment}": ` : '';
    return `  - ${where}${p.message}${p.example ? `\n    try: ${p.example}` : ''}`;
  });
  return `tokcost could not use this ${door === 'flags' ? 'workload' : 'question'}:\n${lines.join('\n')}\n`;
}
