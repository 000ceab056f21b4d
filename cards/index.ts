import { VERSION } from '../src/version.js';
import './chart/hp-chart.js';

// A version banner lets users confirm in the browser console which bundle HA actually loaded.
console.info(
  `%c HEATPUMP-CARDS %c ${VERSION} `,
  'color:#fff;background:#c0392b;font-weight:700',
  'color:#c0392b',
);
