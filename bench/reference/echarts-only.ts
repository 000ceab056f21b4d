// Reference bundle for the size budget: exactly the ECharts pieces the cards register, nothing else.
export { initChart } from '../../cards/echarts/echarts.js';
