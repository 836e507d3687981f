import type { StatusStrings } from '../types/status';

export const status: StatusStrings = {
  label: {
    rojo: 'Rojo',
    amarillo: 'Amarillo',
    verde: 'Verde',
    'sobre-ejecucion': 'Sobre-ejecución',
    adelantado: 'Adelantado',
    'sin-meta': 'Sin meta',
    'sin-datos': 'Sin datos',
    'sin-reportes': 'Sin reportes',
  },
  noReportsExpected: (e) => `Sin reportes (se esperaba ${e})`,
};
