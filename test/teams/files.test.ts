import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { allowedFileUrl, createFileSource, filesOf, FILE_DOWNLOAD_INFO } from '../../src/teams/files';

/** Files sent to the bot: which attachments are files, where the bot may fetch them from, and how much. */

describe('the attachments Teams sends', () => {
  test('only a file.download.info attachment with a downloadUrl is a file; its contentUrl is never used', () => {
    expect(
      filesOf({
        attachments: [
          { contentType: 'text/html', content: '<p>hola</p>' },
          {
            contentType: FILE_DOWNLOAD_INFO,
            name: 'Plan.XLSX',
            contentUrl: 'https://contoso-my.sharepoint.com/personal/a/Documents/Plan.XLSX',
            content: { downloadUrl: 'https://contoso-my.sharepoint.com/download.aspx?tempauth=x', fileType: 'XLSX' },
          },
          { contentType: FILE_DOWNLOAD_INFO, name: 'sin-url.xlsx', content: { fileType: 'xlsx' } },
        ],
      }),
    ).toEqual([
      { name: 'Plan.XLSX', fileType: 'xlsx', url: 'https://contoso-my.sharepoint.com/download.aspx?tempauth=x' },
    ]);
  });
});

describe('where files are fetched from', () => {
  const hosts = ['.sharepoint.com', '127.0.0.1'];
  test.each([
    ['https://contoso-my.sharepoint.com/personal/a/_layouts/15/download.aspx?UniqueId=1&tempauth=x', true],
    ['https://sharepoint.com/x', false],
    ['https://evilsharepoint.com/x', false],
    ['https://contoso.sharepoint.com.evil.example/x', false],
    ['http://contoso-my.sharepoint.com/x', false],
    ['https://user:pw@contoso.sharepoint.com/x', false],
    ['http://127.0.0.1:8000/plan.xlsx', true],
    ['http://169.254.169.254/latest/meta-data', false],
    ['file:///etc/passwd', false],
    ['no es una dirección', false],
  ])('%s → %s', (url, ok) => expect(allowedFileUrl(url, hosts)).toBe(ok));
  test('plain http only for a loopback host named in the list', () =>
    expect(allowedFileUrl('http://127.0.0.1:8000/x', ['.sharepoint.com'])).toBe(false));
});

describe('fetching', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/big') {
        res.setHeader('Content-Length', 6 * 1024 * 1024);
        res.end(Buffer.alloc(6 * 1024 * 1024));
      } else if (req.url === '/chunked-big') {
        res.write(Buffer.alloc(3 * 1024 * 1024));
        res.end(Buffer.alloc(3 * 1024 * 1024));
      } else if (req.url === '/away') {
        res.statusCode = 302;
        res.setHeader('Location', 'http://10.0.0.1/internal');
        res.end();
      } else if (req.url === '/here') {
        res.statusCode = 302;
        res.setHeader('Location', '/ok');
        res.end();
      } else if (req.url === '/ok') res.end('bytes');
      else if (req.url === '/never') {
        /* never answers */
      } else {
        res.statusCode = 403;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  const source = createFileSource({ hosts: ['127.0.0.1'] });

  test('the bytes; a redirect followed only to an allowed host', async () => {
    expect(await source.fetch(`${base}/ok`)).toEqual({ ok: true, bytes: Buffer.from('bytes') });
    expect(await source.fetch(`${base}/here`)).toEqual({ ok: true, bytes: Buffer.from('bytes') });
    expect(await source.fetch(`${base}/away`)).toEqual({ ok: false, code: 'not-allowed' });
  });
  test('more than 5 MB, declared or not, is refused; a refused link reads as expired; no answer is a timeout', async () => {
    expect(await source.fetch(`${base}/big`)).toEqual({ ok: false, code: 'too-large' });
    expect(await source.fetch(`${base}/chunked-big`)).toEqual({ ok: false, code: 'too-large' });
    expect(await source.fetch(`${base}/gone`)).toEqual({ ok: false, code: 'expired' });
    const impatient = createFileSource({ hosts: ['127.0.0.1'], timeoutMs: 300 });
    expect(await impatient.fetch(`${base}/never`)).toEqual({ ok: false, code: 'timeout' });
    // Too little of the turn left: not even started.
    expect(await source.fetch(`${base}/ok`, Date.now() + 1000)).toEqual({ ok: false, code: 'timeout' });
  });
});
