// The fault matrix for kind pki (support/fault-matrix.ts): transient faults on each of its writes
// end in success with exactly the CAs wanted; a permanent one in exit 1 that loses nothing.
import { faultMatrix } from './support/fault-matrix.ts'

faultMatrix('pki')
