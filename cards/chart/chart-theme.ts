/** Colours for a chart, read from Home Assistant's theme variables so charts follow the user's theme. */
export interface ChartTheme {
  text: string;
  secondaryText: string;
  background: string;
  divider: string;
  palette: string[];
  darkMode: boolean;
}

const FALLBACK_PALETTE = [
  '#44739e',
  '#984ea3',
  '#00d2d5',
  '#ff7f00',
  '#af8d00',
  '#7f80cd',
  '#b3e900',
  '#c42e60',
];

/** Reads HA CSS variables from an element's computed style (they inherit into shadow roots). */
export function readChartTheme(style: CSSStyleDeclaration, darkMode: boolean): ChartTheme {
  const read = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const palette = FALLBACK_PALETTE.map((fallback, i) => read(`--graph-color-${i + 1}`, fallback));
  return {
    text: read('--primary-text-color', darkMode ? '#e1e1e1' : '#212121'),
    secondaryText: read('--secondary-text-color', darkMode ? '#9b9b9b' : '#727272'),
    background: read(
      '--ha-card-background',
      read('--card-background-color', darkMode ? '#1c1c1c' : '#ffffff'),
    ),
    divider: read('--divider-color', darkMode ? 'rgba(225,225,225,0.12)' : 'rgba(0,0,0,0.12)'),
    palette,
    darkMode,
  };
}

/**
 * An ECharts theme object from HA's colours: axes, split lines, legend and tooltip follow the
 * user's theme (ECharts' built-in greys are unreadable on a dark card).
 */
export function echartsTheme(theme: ChartTheme): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: theme.divider } },
    axisTick: { lineStyle: { color: theme.divider } },
    axisLabel: { color: theme.secondaryText },
    splitLine: { lineStyle: { color: theme.divider } },
    nameTextStyle: { color: theme.secondaryText },
  };
  return {
    color: theme.palette,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text },
    legend: { textStyle: { color: theme.secondaryText }, pageTextStyle: { color: theme.secondaryText } },
    tooltip: {
      backgroundColor: theme.background,
      borderColor: theme.divider,
      textStyle: { color: theme.text },
    },
    valueAxis: axis,
    timeAxis: axis,
    categoryAxis: axis,
    dataZoom: { textStyle: { color: theme.secondaryText }, borderColor: theme.divider },
  };
}
