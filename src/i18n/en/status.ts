import type { StatusStrings } from '../types/status';

export const status: StatusStrings = {
  label: {
    rojo: 'Red',
    amarillo: 'Amber',
    verde: 'Green',
    'sobre-ejecucion': 'Over-achieving',
    adelantado: 'Ahead of schedule',
    'sin-meta': 'No target',
    'sin-datos': 'No data',
    'sin-reportes': 'No reports',
  },
  noReportsExpected: (e) => `No reports (${e} expected)`,
};
