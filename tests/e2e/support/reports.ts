// What the reports and the dashboard should show, computed from the server's data with the same
// domain rules the app uses, and a check that the page's fonts draw Chinese.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { branchFunds, fundRate, fundsTotal } from '@domain/funds';
import type { Api } from './server';

export interface StreetFigures {
  streetName: string;
  grids: number;
  reportedMembers: number;
  rateFen: number;
  budgetFen: number;
}

const live = <T extends { _deleted: boolean }>(docs: T[]) => docs.filter((doc) => !doc._deleted);

/** The street's figures for `year` as a street admin's device counts them. */
export async function streetFigures(api: Api, year: number): Promise<StreetFigures> {
  const [streets, grids, members, orgs, compounds, ledger] = await Promise.all([
    api.all('streets'),
    api.all('grids'),
    api.all('members'),
    api.all('orgs'),
    api.all('compounds'),
    api.all('ledger'),
  ]);
  const street = live(streets)[0];
  if (!street) throw new Error('the demo street is missing');
  const rateFen = fundRate(street, year);
  if (rateFen === undefined) throw new Error(`the demo street has no fund rate for ${year}`);
  return {
    streetName: street.name,
    grids: live(grids).length,
    reportedMembers: live(members).filter((m) => m.isPartyMember && m.category === 'inServiceReported' && m.report !== undefined).length,
    rateFen,
    budgetFen: fundsTotal(branchFunds(live(orgs), live(compounds), live(ledger), year, rateFen)).budgetFen,
  };
}

/** A compound with a live compound branch this year: changing its residents changes the budget. */
export async function compoundWithBranch(api: Api): Promise<{ id: string; name: string; residentCount: number }> {
  const [orgs, compounds] = await Promise.all([api.all('orgs'), api.all('compounds')]);
  const branched = new Set(live(orgs).filter((org) => org.level === 'compoundBranch' && org.dissolvedOn === undefined).map((org) => org.compoundId));
  const compound = live(compounds).find((doc) => branched.has(doc.id));
  if (!compound) throw new Error('no compound with a branch in the demo data');
  return { id: compound.id, name: compound.name, residentCount: compound.residentCount };
}

/**
 * Whether the page's own font draws '工作台' differently from three unassigned (private use) code
 * points: without a CJK font both come out as the same missing-glyph boxes.
 */
export function fontDrawsChinese(page: Page): Promise<{ fontFamily: string; differs: boolean }> {
  return page.evaluate(() => {
    const fontFamily = getComputedStyle(document.body).fontFamily;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 60;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.font = `40px ${fontFamily}`;
      context.fillStyle = '#000';
      context.textBaseline = 'top';
      context.fillText(text, 4, 4);
      return { pixels: Array.from(context.getImageData(0, 0, 200, 60).data) };
    };
    const chinese = draw('工作台');
    const unassigned = draw('\u{E000}\u{E001}\u{E002}');
    const samePixels = chinese.pixels.length === unassigned.pixels.length && chinese.pixels.every((value, i) => value === unassigned.pixels[i]);
    return { fontFamily, differs: !samePixels };
  });
}

/** The report's 导出 Excel download read back: each sheet's name and its rows as text. */
export async function exportReport(page: Page): Promise<{ fileName: string; sheets: Map<string, string[][]> }> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  const download = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheets = new Map(
    workbook.worksheets.map((sheet) => [
      sheet.name,
      Array.from({ length: sheet.actualRowCount }, (_, row) =>
        Array.from({ length: sheet.columnCount }, (_, column) => {
          const value = sheet.getRow(row + 1).getCell(column + 1).value;
          return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
        }),
      ),
    ]),
  );
  return { fileName: download.suggestedFilename(), sheets };
}
