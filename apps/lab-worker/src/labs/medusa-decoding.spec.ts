import { expectLabChecks } from './expect-lab';

expectLabChecks('medusa-decoding');
