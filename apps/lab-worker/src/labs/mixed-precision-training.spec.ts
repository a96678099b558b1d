import { expectLabChecks } from './expect-lab';

expectLabChecks('mixed-precision-training');
