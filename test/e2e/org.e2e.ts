import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAppForFile, DEMO_PASSWORD, switchLanguage } from './fixture.ts';

/** 密州街道 and one of its grids, from the demo city of 诸城市. */
const MIZHOU_CODE = '370782001';
const GRID_CODE = '370782001001002';
const GRID_NAME = '兴华社区第二网格';

const { open } = browserAppForFile();

async function logIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * The dialog's save button. After a refused submit antd may leave its (invisible) loading
 * icon in the button for a moment, whose label then reads "loading 保存": match the end.
 */
function saveButton(dialog: ReturnType<Page['getByRole']>) {
  return dialog.getByRole('button', { name: /保存$/ });
}

/** Opens a page from the menu (behind the menu button on a phone). */
async function openMenu(page: Page, item: string, phone = false): Promise<void> {
  if (phone) await page.getByRole('button', { name: '打开菜单' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

interface Unit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
}

/** Units read through the page's own session, as the signed-in user may see them. */
async function units(page: Page, query: Record<string, string>): Promise<Unit[]> {
  const response = await page.request.get(`/api/org/units?${new URLSearchParams(query)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: Unit[] }).items;
}

type Ring = [number, number][];

/** The centre of a grid's bounding box (the demo grids are rectangles), read from the township's GeoJSON. */
async function gridCentre(
  page: Page,
  townshipId: string,
  code: string,
): Promise<{ lat: number; lng: number }> {
  const response = await page.request.get(`/api/org/units/${townshipId}/grids.geojson`);
  const collection = (await response.json()) as {
    features: { properties: { code: string }; geometry: { type: string; coordinates: Ring[] } }[];
  };
  const feature = collection.features.find((f) => f.properties.code === code);
  if (!feature) throw new Error(`no feature ${code}`);
  const ring = feature.geometry.coordinates[0] as Ring;
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return {
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
  };
}

/** Opens 密州街道's grid map from the menu, through the list of townships. */
async function openMizhouMap(page: Page): Promise<void> {
  await openMenu(page, '网格地图');
  await page.waitForURL('**/org/map');
  await page.getByRole('link', { name: '密州街道', exact: true }).click();
  await page.getByRole('heading', { name: '密州街道网格地图' }).waitFor();
  await page.locator('svg path[data-grid-code]').first().waitFor();
}

async function locate(page: Page, at: { lat: number; lng: number }): Promise<void> {
  await page.getByLabel('纬度（WGS 84）').fill(String(at.lat));
  await page.getByLabel('经度（WGS 84）').fill(String(at.lng));
  await page.getByRole('button', { name: '定位', exact: true }).click();
}

describe('web: organisation', () => {
  it('lets the system administrator find 兴华社区 in the tree and open its page', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    await openMenu(page, '组织机构');
    await page.getByRole('heading', { name: '组织机构', exact: true }).waitFor();
    await page.getByLabel('搜索单位').fill('兴华社区');
    await page.getByText(/找到 \d+ 个匹配的单位/).waitFor();
    // The search opens the tree down to the match: 密州街道 and its community are in sight.
    const tree = page.getByRole('tree', { name: '组织机构树' });
    await tree.getByText('密州街道', { exact: true }).waitFor();
    await tree.getByText('兴华社区', { exact: true }).click();
    await page.waitForURL('**/org/units/**');
    await page.getByRole('heading', { name: '兴华社区', exact: true }).waitFor();
    // Breadcrumb of its ancestors, its grids as children, its secretary among the posts.
    const breadcrumb = page.getByRole('navigation').filter({ hasText: '密州街道' });
    await breadcrumb.getByRole('link', { name: '密州街道' }).waitFor();
    await page
      .getByRole('table', { name: '兴华社区的下级单位' })
      .getByRole('link', { name: GRID_NAME })
      .waitFor();
    await page.getByRole('table', { name: '兴华社区的岗位人员' }).getByText('社区书记').waitFor();

    // Back to the tree: the search is still there.
    await page.goBack();
    expect(await page.getByLabel('搜索单位').inputValue()).toBe('兴华社区');
  });

  it('draws 密州街道’s grids and highlights the grid that holds a located point', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    await openMizhouMap(page);
    // One path per grid of the township.
    const [mizhou] = await units(page, { kind: 'township', q: MIZHOU_CODE });
    if (!mizhou) throw new Error('no 密州街道');
    const communities = new Set((await units(page, { parentId: mizhou.id })).map((u) => u.id));
    const grids = (await units(page, { kind: 'grid', q: MIZHOU_CODE })).filter(
      (g) => g.parentId !== null && communities.has(g.parentId),
    );
    expect(grids.length).toBeGreaterThan(100);
    expect(await page.locator('svg path[data-grid-code]').count()).toBe(grids.length);

    // Hovering a grid names it.
    await page.locator(`svg path[data-grid-code="${GRID_CODE}"]`).hover();
    const label = page.locator(`[data-grid-label="${GRID_CODE}"]`);
    await label.waitFor();
    expect(await label.textContent()).toContain(GRID_NAME);

    // The system administrator has no grid.locate: the point is found among the map's polygons.
    await locate(page, await gridCentre(page, mizhou.id, GRID_CODE));
    await page.locator(`svg path[data-highlight="${GRID_CODE}"]`).waitFor();
    expect(await page.locator(`svg path[data-grid-code="${GRID_CODE}"]`).getAttribute('data-selected')).toBe(
      'true',
    );
    expect(await page.locator('svg [data-selected="true"]').count()).toBe(1);
    await page.locator(`[data-located-grid="${GRID_CODE}"]`).getByText(GRID_NAME).waitFor();

    // A point outside every grid is said so, and nothing typed is lost.
    await locate(page, { lat: 10, lng: 10 });
    await page.getByText('坐标 10, 10 不在密州街道的任何网格内').waitFor();
    expect(await page.getByLabel('纬度（WGS 84）').inputValue()).toBe('10');

    // The coverage report sits beside the map.
    await page.getByText('有边界的网格').waitFor();
  });

  it('lets the keyboard walk the map and open a grid', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    await openMizhouMap(page);
    const first = page.locator('svg a').first();
    await first.focus();
    const firstCode = await page.locator('svg a:focus path').getAttribute('data-grid-code');
    await page.keyboard.press('ArrowRight');
    const nextCode = await page.locator('svg a:focus path').getAttribute('data-grid-code');
    expect(nextCode).not.toBe(firstCode);
    // The focused grid is named on screen, as on hover.
    await page.locator(`[data-grid-label="${nextCode}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/org/units/**');
    await page.getByRole('heading', { level: 2 }).getByText(/网格$/).waitFor();
    await page
      .getByText(nextCode ?? '')
      .first()
      .waitFor();
  });

  it('asks the grid index for a dispatcher, with the grid head', async () => {
    const page = await open('/login');
    await logIn(page, 'dispatcher');
    // The dispatcher's scope is 密州街道: the map opens at once.
    await openMenu(page, '网格地图');
    await page.getByRole('heading', { name: '密州街道网格地图' }).waitFor();
    const [mizhou] = await units(page, { kind: 'township' });
    if (!mizhou) throw new Error('no township in scope');
    await locate(page, await gridCentre(page, mizhou.id, '370782001001001'));
    await page.locator('svg path[data-highlight="370782001001001"]').waitFor();
    // A dispatcher must call people: the grid head's number comes unmasked.
    await page.getByText(/网格长：李网格长，1\d{10}$/).waitFor();
  });

  it('shows a grid worker only their grid, no import menu, and masked numbers', async () => {
    const page = await open('/login');
    await logIn(page, 'gridworker');
    expect(await page.getByRole('menuitem', { name: '组织导入' }).count()).toBe(0);
    await openMenu(page, '组织机构');
    const tree = page.getByRole('tree', { name: '组织机构树' });
    await tree.getByText('兴华社区第一网格', { exact: true }).waitFor();
    expect(await tree.locator('.ant-tree-treenode').count()).toBe(1);
    await tree.getByText('兴华社区第一网格', { exact: true }).click();
    await page.getByRole('heading', { name: '兴华社区第一网格', exact: true }).waitFor();
    // Without person.contact the phone numbers come masked: 139****0028.
    const posts = page.getByRole('table', { name: '兴华社区第一网格的岗位人员' });
    const head = posts.getByRole('row').filter({ hasText: '网格长' }).first();
    await head.waitFor();
    expect(await head.textContent()).toMatch(/1\d\d\*\*\*\*\d{4}/);
    // No managing buttons, and the ancestors outside the scope are not links.
    expect(await page.getByRole('button', { name: '交接网格长' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增岗位' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '兴华社区', exact: true }).count()).toBe(0);
    // The import page is refused outright.
    await page.goto('/org/import');
    await page.getByText('无权访问').waitFor();
  });

  it('shows the system administrator the same grid with numbers unmasked', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    const [grid] = await units(page, { kind: 'grid', q: '370782001001001' });
    await page.goto(`/org/units/${grid?.id}`);
    const posts = page.getByRole('table', { name: '兴华社区第一网格的岗位人员' });
    const head = posts.getByRole('row').filter({ hasText: '网格长' }).first();
    await head.waitFor();
    const text = (await head.textContent()) ?? '';
    expect(text).toMatch(/1\d{10}/);
    expect(text).not.toContain('****');
  });

  it('works on a 360 px phone: tree, grid page and map without sideways scrolling', async () => {
    const page = await open('/login', { width: 360, height: 740 });
    await logIn(page, 'dispatcher');
    await openMenu(page, '网格地图', true);
    await page.getByRole('heading', { name: '密州街道网格地图' }).waitFor();
    const svg = await page.locator('figure svg').boundingBox();
    expect(svg && svg.width <= 360 && svg.width > 250).toBe(true);
    const overflow = () => page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(Number(await overflow())).toBeLessThanOrEqual(0);
    // A tap on a grid opens its page, whose tables scroll inside their box.
    await page.locator(`svg path[data-grid-code="${GRID_CODE}"]`).click();
    await page.getByRole('heading', { name: GRID_NAME, exact: true }).waitFor();
    expect(Number(await overflow())).toBeLessThanOrEqual(0);
  });

  it('lets the system administrator add a grid, end a post and hand a grid over', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    const [community] = await units(page, { kind: 'community', q: '370782001001' });
    await page.goto(`/org/units/${community?.id}`);
    await page.getByRole('heading', { name: '兴华社区', exact: true }).waitFor();

    // A child unit: the kinds a community may hold, a code suggested after its grids.
    await page.getByRole('button', { name: '新增下级单位' }).click();
    const add = page.getByRole('dialog', { name: '在“兴华社区”下新增单位' });
    await add.getByLabel('类型').click();
    await page.locator('.ant-select-dropdown').getByTitle('网格', { exact: true }).click();
    expect(await add.getByLabel('编码').inputValue()).toBe('370782001001004');
    // A code that is taken is refused under the code field; nothing typed is lost.
    await add.getByLabel('编码').fill('370782001001001');
    await add.getByLabel('名称', { exact: true }).fill('兴华社区第四网格');
    await saveButton(add).click();
    await add.getByRole('alert').filter({ hasText: '编码 370782001001001 已被使用' }).waitFor();
    expect(await add.getByLabel('名称', { exact: true }).inputValue()).toBe('兴华社区第四网格');
    await add.getByLabel('编码').fill('370782001001004');
    await saveButton(add).click();
    await page.getByText('已新增单位“兴华社区第四网格”').waitFor();
    await page
      .getByRole('table', { name: '兴华社区的下级单位' })
      .getByRole('link', { name: '兴华社区第四网格' })
      .waitFor();

    // The first grid: end the volunteer's post, then hand the grid over to its grid worker.
    await page
      .getByRole('table', { name: '兴华社区的下级单位' })
      .getByRole('link', { name: '兴华社区第一网格' })
      .click();
    await page.getByRole('heading', { name: '兴华社区第一网格', exact: true }).waitFor();
    const posts = page.getByRole('table', { name: '兴华社区第一网格的岗位人员' });
    await posts.getByRole('button', { name: /^赵志愿（志愿者）离岗$/ }).click();
    const end = page.getByRole('dialog', { name: '赵志愿离开志愿者岗位' });
    await end.getByLabel('离岗日期').fill('2026-03-01');
    await end.getByRole('button', { name: '离岗', exact: true }).click();
    await page.getByText('已办理离岗').waitFor();
    await posts.getByText('赵志愿').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '交接网格长' }).first().click();
    const handOver = page.getByRole('dialog', { name: '交接“兴华社区第一网格”的网格长' });
    await handOver.getByText(/现任网格长：李网格长/).waitFor();
    await handOver.getByLabel('新任网格长').fill('王小网');
    await page
      .locator('.ant-select-dropdown')
      .getByTitle(/^王小网 · 兴华社区第一网格/)
      .click();
    await handOver.getByLabel('交接日期').fill('2026-04-01');
    await handOver.getByRole('button', { name: '交接网格长', exact: true }).click();
    await page.getByText('网格长已交接').waitFor();
    const head = posts.getByRole('row').filter({ hasText: '网格长' }).filter({ hasText: '2026-04-01' });
    expect(await head.textContent()).toContain('王小网');
  });

  it('adds a person: the server’s checks show under the fields and nothing typed is lost', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    await openMenu(page, '人员信息');
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增人员' });
    await dialog.getByLabel('姓名').fill('周测试');
    await dialog.getByLabel('手机号码（可不填）').fill('1234');
    await dialog.getByLabel('所属单位').fill('兴华社区第一');
    await page.getByTitle('兴华社区第一网格（网格 370782001001001）').click();
    await saveButton(dialog).click();
    await dialog.getByRole('alert').filter({ hasText: '手机号码须为 11 位数字' }).waitFor();
    expect(await dialog.getByLabel('姓名').inputValue()).toBe('周测试');
    expect(await dialog.getByLabel('手机号码（可不填）').inputValue()).toBe('1234');

    await dialog.getByLabel('手机号码（可不填）').fill('13900001111');
    await dialog.getByLabel('身份证号码（可不填）').fill('110105199001010122');
    await saveButton(dialog).click();
    await dialog.getByRole('alert').filter({ hasText: '身份证号码无效' }).waitFor();

    await dialog.getByLabel('身份证号码（可不填）').fill('');
    await saveButton(dialog).click();
    await page.getByRole('heading', { name: '周测试', exact: true }).waitFor();

    // Put them in a post at their grid, from their page.
    await page.getByRole('button', { name: '新增岗位' }).click();
    const post = page.getByRole('dialog', { name: '为“周测试”新增岗位' });
    await post.getByLabel('岗位所在单位').fill('兴华社区第一');
    await page.getByTitle('兴华社区第一网格（网格 370782001001001）').click();
    await post.getByLabel('岗位角色').click();
    await page.locator('.ant-select-dropdown').getByTitle('网格员', { exact: true }).click();
    await saveButton(post).click();
    await page.getByRole('table', { name: '周测试的岗位' }).getByText('网格员').waitFor();
  });

  it('refuses overlapping grid boundaries and lists the problems of a people sheet in English', async () => {
    const page = await open('/login');
    await logIn(page, 'sysadmin');
    await openMenu(page, '组织导入');
    await page.getByRole('heading', { name: '组织导入' }).waitFor();

    // A township's file in which one grid takes its neighbour's shape.
    const [mizhou] = await units(page, { kind: 'township', q: MIZHOU_CODE });
    const collection = (await (
      await page.request.get(`/api/org/units/${mizhou?.id}/grids.geojson`)
    ).json()) as {
      features: { properties: { code: string }; geometry: unknown }[];
    };
    const a = collection.features.find((f) => f.properties.code === '370782001001001');
    const b = collection.features.find((f) => f.properties.code === GRID_CODE);
    if (!a || !b) throw new Error('grids missing');
    b.geometry = a.geometry;
    await page.getByLabel('镇（街道）').fill('密州');
    await page.getByTitle('密州街道（镇（街道） 370782001）').click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '选择 GeoJSON 文件并导入' }).click(),
    ]);
    await chooser.setFiles({
      name: 'mizhou.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(collection)),
    });
    const refused = page.getByRole('alert').filter({ hasText: '“mizhou.geojson”未导入：网格边界重叠' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(GRID_CODE);

    // A broken geometry is named by its place in the file and its code.
    b.geometry = { type: 'Polygon', coordinates: [[[119, 36]]] };
    const [again] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: '选择 GeoJSON 文件并导入' }).click(),
    ]);
    await again.setFiles({
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(collection)),
    });
    const broken = page.getByRole('alert').filter({ hasText: '“broken.geojson”未导入' });
    await broken.waitFor();
    expect(await broken.textContent()).toMatch(new RegExp(`第 \\d+ 个要素（${GRID_CODE} ${GRID_NAME}）`));

    // The template as it comes still holds its example row: refused, row by row, in English.
    await switchLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Org import' }).waitFor();
    const template = await page.request.get('/api/people/import-template.xlsx');
    expect(template.status()).toBe(200);
    const [sheet] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose an .xlsx file and import' }).click(),
    ]);
    await sheet.setFiles({
      name: 'people.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await template.body(),
    });
    const issues = page.getByRole('table', { name: /errors$/ });
    await issues.waitFor();
    expect(await issues.textContent()).toContain('example row');
    expect(await issues.getByRole('row').count()).toBeGreaterThan(1);
  });
});
