import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAppUrl,
  isExternalLink,
  navigationDecision,
  redirectDecision,
  windowOpenDecision,
} from '../navigation';

describe('navigation policy', () => {
  it('keeps the app inside its own origin', () => {
    expect(navigationDecision(APP_ENTRY_URL)).toBe('allow');
    expect(navigationDecision('app://renderer/index.html#/compounds/42')).toBe('allow');
    expect(isAppUrl('app://renderer.evil.example/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://renderer/index.html')).toBe(false);
  });

  it('hands web links to the browser instead of loading them in the window', () => {
    expect(navigationDecision('https://www.gov.cn/')).toBe('open-external');
    expect(navigationDecision('http://localhost:8787/')).toBe('open-external');
    expect(windowOpenDecision('https://www.gov.cn/zhengce/')).toBe('open-external');
  });

  it('refuses schemes that read files, run code or launch programs', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'chrome://settings',
      'not a url',
      '',
    ]) {
      expect(navigationDecision(url), url).toBe('deny');
      expect(windowOpenDecision(url), url).toBe('deny');
    }
  });

  it('refuses links whose credentials disguise the real host', () => {
    expect(isExternalLink('https://www.bank.cn@evil.example/')).toBe(false);
    expect(isExternalLink('https://user:pass@example.com/')).toBe(false);
    expect(windowOpenDecision('https://www.bank.cn@evil.example/')).toBe('deny');
  });

  it('opens no second window of the app and follows no redirect out of it', () => {
    expect(windowOpenDecision(APP_ENTRY_URL)).toBe('deny');
    expect(redirectDecision('app://renderer/index.html')).toBe('allow');
    expect(redirectDecision('https://example.com/')).toBe('deny');
  });
});
