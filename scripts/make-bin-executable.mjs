// tsc does not keep the executable bit; npm's bin link and direct use need it.
import { chmodSync } from 'node:fs';
chmodSync('dist/bridge/bin/heatpump-bridge.js', 0o755);
