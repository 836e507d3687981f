/**
 * The channel tab's configuration page (GET /tab/config): Teams shows it when someone adds the tab to a channel;
 * saving points the tab at the dashboard, in the viewer's language and theme.
 */
import { app, pages } from '@microsoft/teams-js';

async function main(): Promise<void> {
  await app.initialize();
  const ctx = await app.getContext();
  document.documentElement.dataset.theme = ctx.app.theme ?? 'default';
  const name = document.body.dataset.name ?? '';
  pages.config.registerOnSaveHandler((save) => {
    const base = `${location.origin}/tab/`;
    pages.config
      .setConfig({
        entityId: 'tablero-pei',
        contentUrl: `${base}?lang={locale}&theme={theme}`,
        websiteUrl: base,
        suggestedDisplayName: name,
      })
      .then(
        () => save.notifySuccess(),
        (e: Error) => save.notifyFailure(e.message),
      );
  });
  pages.config.setValidityState(true);
}

void main().catch(() => undefined);
