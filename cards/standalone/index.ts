/**
 * Entry of dist/heatpump-dashboard.js, the standalone page's script: every card (the same code
 * as the HACS bundle) plus the bridge data source and the page logic.
 */
import '../index.js';
import { startDashboard } from './dashboard-page.js';

export { BridgeDataSource } from '../data/bridge-data-source.js';
export { DashboardConnection } from './dashboard-connection.js';
export { startDashboard };

if (typeof document !== 'undefined' && document.getElementById('cards')) void startDashboard(document);
