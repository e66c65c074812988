/**
 * Heavy document libraries loaded on first use, not at start-up: a server
 * answering lists under load never needs them (exceljs alone is ≈20 MB
 * resident). Node caches the module after the first call.
 */
import type ExcelJSModule from 'exceljs';

export async function loadExcelJS(): Promise<typeof ExcelJSModule> {
  return (await import('exceljs')).default;
}
