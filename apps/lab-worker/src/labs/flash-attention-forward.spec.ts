import { expectLabChecks } from './expect-lab';

expectLabChecks('flash-attention-forward');
