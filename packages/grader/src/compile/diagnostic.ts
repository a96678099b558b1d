import type { z } from 'zod';
import type { ZCompileDiagnostic } from '@prep/contracts';

export type CompileDiagnostic = z.infer<typeof ZCompileDiagnostic>;
