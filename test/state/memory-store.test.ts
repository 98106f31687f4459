// The memory store against the state-store conformance suite.
import { MemoryStore } from '../../runtime/state/memory-store';
import { describeStoreConformance } from './store-conformance';

describeStoreConformance('memory', async () => new MemoryStore());
