// tools/build_icons.mjs — owns the PNG fallbacks of the site's icon: renders assets/icons/icon.svg with
// Debian's Chromium (the e2e tests' playwright-core) into assets/icons/icon-{32,192}.png and
// assets/icons/apple-touch-icon.png (180 px, opaque). Larger sizes use the SVG (the manifest lists it
// for any size), which keeps the site light. Reproducible; run after editing the SVG:
//
//     node tools/build_icons.mjs        (after scripts/setup.sh, which installs tests/e2e's packages)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(ROOT, 'tests/e2e/package.json'))('playwright-core');
const svg = readFileSync(path.join(ROOT, 'assets/icons/icon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [name, size, opaque] of [['icon-32.png', 32, false], ['icon-192.png', 192, false], ['apple-touch-icon.png', 180, true]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const background = opaque ? '#fbfaf7' : 'transparent';
    await page.setContent(`<body style="margin:0;background:${background}"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    writeFileSync(path.join(ROOT, 'assets/icons', name), await page.screenshot({ omitBackground: !opaque }));
    await page.close();
    console.log(`assets/icons/${name}`);
  }
} finally {
  await browser.close();
}
