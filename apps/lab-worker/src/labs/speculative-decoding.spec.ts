import { expectLabChecks } from './expect-lab';

expectLabChecks('speculative-decoding');
