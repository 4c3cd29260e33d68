// What printing (and 另存为 PDF) keeps of the report page: the report alone on A4, without the
// app's menu, header or buttons, and with table rows kept whole across pages where possible.
// Scoped to pages that hold a report, so printing any other page is unchanged.
export const printStyles = `
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body:has([data-testid="report-page"]) .ant-layout-sider,
  body:has([data-testid="report-page"]) .ant-layout-header,
  body:has([data-testid="report-page"]) .report-no-print,
  body:has([data-testid="report-page"]) .ant-btn,
  body:has([data-testid="report-page"]) .ant-message,
  body:has([data-testid="report-page"]) .ant-notification { display: none !important; }
  body:has([data-testid="report-page"]) .ant-layout,
  body:has([data-testid="report-page"]) .ant-layout-content { padding: 0 !important; margin: 0 !important; background: #fff !important; min-height: 0 !important; }
  [data-testid="report-page"] { font-size: 10.5pt; }
  [data-testid="report-page"] .ant-card { border: none !important; box-shadow: none !important; }
  [data-testid="report-page"] tr { break-inside: avoid; page-break-inside: avoid; }
  [data-testid="report-page"] thead { display: table-header-group; }
  [data-testid="report-page"] h2, [data-testid="report-page"] h4 { break-after: avoid; page-break-after: avoid; }
  [data-testid="report-page"] .report-section { break-inside: auto; }
}
`;
