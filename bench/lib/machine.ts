import os from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  node: string;
  os: string;
  date: string;
  loadStart: number[];
  loadEnd?: number[];
  storageNote: string;
}

function cpuModel(): string {
  const model = os.cpus()[0]?.model?.trim() ?? 'unknown';
  try {
    // Virtual machines often report only the family; the flags line tells a little more about the host.
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(info)?.[1];
    return mhz ? `${model} @ ${Math.round(Number(mhz))} MHz` : model;
  } catch {
    return model;
  }
}

export function machine(tmp: string): Machine {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    ramGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    date: new Date().toISOString(),
    loadStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    storageNote: `stores under ${tmp}`,
  };
}
