import { VERSION } from '../src/version.js';
import './chart/hp-chart.js';
import './cop/cop-card.js';
import './runtime/runtime-card.js';
import './temperature/temperature-card.js';
import './performance/performance-card.js';
import './power/power-card.js';
import './valve/valve-card.js';
import './energy-flow/energy-flow-card.js';
import './kpi/kpi-card.js';

// A version banner lets users confirm in the browser console which bundle HA actually loaded.
console.info(
  `%c HEATPUMP-CARDS %c ${VERSION} `,
  'color:#fff;background:#c0392b;font-weight:700',
  'color:#c0392b',
);
