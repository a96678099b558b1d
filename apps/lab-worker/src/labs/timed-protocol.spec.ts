import path from 'node:path';
import { expectLabChecks } from './expect-lab';

// The GPU labs' timed-call protocol (armed, go with a late perturbation of an input, done with a
// completion proof), exercised on the CPU by a fixture lab: an honest solution passes, one that
// computes before the clock starts gets a wrong answer, one that forges "done" is rejected.
expectLabChecks('timed-probe', path.join(__dirname, '..', '..', 'test', 'fixtures', 'content'));
