import { getProvider } from '../../../src/providers/index.js';
import type { SimBrand } from '../../../src/simulator/index.js';

export { SIM_ALARM_CODES } from '../../../src/simulator/index.js';

/** The provider's English text for a code, or undefined when the brand table lacks it. */
export function getProviderAlarmText(brand: SimBrand, code: number): string | undefined {
  return getProvider(brand).alarms[code]?.en;
}
