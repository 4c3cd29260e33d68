// While a new device's first sync runs, the pages wait behind its progress (they would re-read
// everything after each pulled batch); the header stays, and so do the pages on the server's data.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../src/i18n';
import { FirstSyncProgress, holdsPage } from '../src/app/layout/FirstSyncGate';

const progress = (received: number, online: boolean) => renderToStaticMarkup(<FirstSyncProgress received={received} online={online} onOpen={() => undefined} />);

describe('the first sync gate', () => {
  it('holds the pages back only while the first sync runs', () => {
    expect(holdsPage({ received: 1234 }, '/members')).toBe(true);
    expect(holdsPage({ received: 0 }, '/')).toBe(true);
    expect(holdsPage(null, '/members')).toBe(false);
    expect(holdsPage(null, '/')).toBe(false);
  });

  it('lets the admin pages on the server data through', () => {
    for (const path of ['/accounts', '/devices', '/trash']) expect(holdsPage({ received: 10 }, path)).toBe(false);
    expect(holdsPage({ received: 10 }, '/compounds')).toBe(true);
  });

  it('says how much has arrived and offers to open the pages anyway', () => {
    const html = progress(1234, true);
    expect(html).toContain('data-count="1234"');
    expect(html).toContain('已接收 1234 条记录');
    expect(html).toContain('data-testid="first-sync-open"');
    expect(html).not.toContain('首次同步将在联网后继续');
  });

  it('says the sync waits for the network when the server cannot be reached', () => {
    expect(progress(0, false)).toContain('首次同步将在联网后继续');
  });
});
