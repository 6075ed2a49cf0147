import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settleAnimations } from './accessibility.ts';
import { apiAs, BASE_URL, openBrowser, screenshot, signedInPages } from './browser.ts';
import { checkBothLanguages, choose, confirmModal, stopAfterFailure } from './steps.ts';

/**
 * Story 6, the resident's part: 孙 (account sunli) follows his ramp proposal on his phone — 31
 * neighbours support it and it is on the residents' council's agenda. 周书记 (zhou) records the
 * council meeting at a desk: eleven of thirteen members attend, two speak, they vote 9–2 to put
 * the ramp into this year's micro-project round. The round opens; 孙 votes from his phone, his
 * neighbours vote online (accounts of the demo), staff enter the ballots of elderly neighbours on
 * paper or by what they say; the window closes, the count makes the ramp a winner, 周书记
 * publishes, and anyone reads the result with its turnout by grid on the notice board, signed
 * out on a phone — where no person's full name appears. 孙's proposal page then says it won.
 *
 * It decides J's ramp topic and runs J's draft round, which no other browser test reads in a
 * state it expects (every-route and weight read any topic and round), so it shares the server.
 */
const signedIn = signedInPages();
const opened: Page[] = [];
async function as(username: string, phone: boolean) {
  const page = await signedIn(username, phone);
  opened.push(page);
  return page;
}
stopAfterFailure(opened, 'participation');

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Item { id: string }
interface Member extends Item { name: string; active: boolean }
interface Topic extends Item { title: string; status: string; proposalId: string | null; meeting: { id: string } | null; votes: { for: number; against: number; abstain: number } | null }
interface Candidate extends Item { title: string; votes: number | null; won: boolean | null }
interface Round extends Item { title: string; status: string; candidates: Candidate[]; turnout: { online: number; assisted: number; byGrid: unknown[] } | null }

const RAMP = '12号楼单元门口加装无障碍坡道';
const walk = { community: '', proposal: '', topic: '', meeting: '', round: '', ramp: '', sunName: '', members: [] as Member[] };
let zhou: Api;

async function sunPage(): Promise<Page> {
  return opened[0] ?? as('sunli', true);
}

describe('story 6: a proposal, the council, the budget vote, the notice board', () => {
  it('孙 finds his ramp proposal with 31 supports on the council agenda, in plain steps, on his phone', async () => {
    zhou = await apiAs('zhou');
    const sunli = await apiAs('sunli');
    const mine = await sunli<{ community: Item; proposals: (Item & { title: string; supportCount: number; status: string })[] }>('GET', '/participation/mine');
    walk.community = mine.community.id;
    const ramp = mine.proposals.find((p) => p.title === RAMP)!;
    expect([ramp.supportCount, ramp.status]).toEqual([31, 'on_agenda']);
    walk.proposal = ramp.id;
    const topics = (await zhou<{ items: Topic[] }>('GET', `/council-topics?communityId=${walk.community}`)).items;
    const topic = topics.find((t) => t.proposalId === ramp.id)!;
    walk.topic = topic.id;
    walk.meeting = topic.meeting!.id;
    walk.members = (await zhou<{ items: Member[] }>('GET', `/council-members?communityId=${walk.community}`)).items.filter((m) => m.active);
    expect(walk.members.length).toBe(13);

    const page = await sunPage();
    await page.goto(`${BASE_URL}/participate`);
    await page.getByTestId(`proposal-card-${ramp.id}`).waitFor();
    await checkBothLanguages(page, 'participate-page', 'participate');
    await page.goto(`${BASE_URL}/participate/proposals/${ramp.id}`);
    const steps = page.getByTestId('proposal-steps');
    await steps.waitFor();
    const kinds = await page.getByTestId('proposal-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['proposed', 'threshold', 'on_agenda', 'meeting']);
    await checkBothLanguages(page, 'proposal-steps', 'participate-proposal');
  });

  it('周书记 records the meeting: eleven of thirteen attend, and it is held', async () => {
    const page = await as('zhou', false);
    await page.goto(`${BASE_URL}/council/meetings/${walk.meeting}`);
    await page.getByTestId('meeting-page').waitFor();
    for (const m of walk.members.slice(0, 11)) await page.getByTestId(`attendance-${m.id}`).check();
    await page.getByTestId('minutes-input').fill('居民议事会讨论12号楼无障碍坡道。');
    await page.getByTestId('meeting-held-button').click();
    await expect.poll(async () => (await zhou<{ status: string; attendees: Item[] }>('GET', `/council-meetings/${walk.meeting}`)).attendees.length).toBe(11);
    await expect.poll(async () => (await zhou<{ status: string }>('GET', `/council-meetings/${walk.meeting}`)).status).toBe('held');
    await checkBothLanguages(page, 'meeting-page', 'council-meeting');
  });

  it('the council hears two members and votes 9–2 to put the ramp into this year\'s round', async () => {
    const page = opened[1]!;
    const rounds = (await zhou<{ items: (Item & { status: string; title: string })[] }>('GET', `/budget-rounds?communityId=${walk.community}`)).items;
    walk.round = rounds.find((r) => r.status === 'draft')!.id;
    await page.goto(`${BASE_URL}/council/topics/${walk.topic}`);
    await page.getByTestId('topic-page').waitFor();
    const opinion = page.getByTestId('opinion-form');
    await choose(page, opinion.getByTestId('opinion-member'), walk.members[0]!.name);
    await opinion.getByTestId('opinion-text').fill('坐轮椅的邻居进出太难，坡道很必要。');
    await opinion.getByTestId('opinion-submit').click();
    await expect.poll(async () => (await zhou<{ opinions: unknown[] }>('GET', `/council-topics/${walk.topic}`)).opinions.length).toBe(1);

    const decision = page.getByTestId('decision-form');
    const present = walk.members.slice(0, 11);
    for (const [i, m] of present.entries()) await decision.getByTestId(`vote-${m.id}`).getByText(i < 9 ? '赞成' : '反对', { exact: true }).click();
    await decision.getByTestId('decision-text').fill('同意将12号楼无障碍坡道列入本年度微项目预算，由居民投票决定。');
    await decision.getByTestId('decision-follow-up').getByText('列入微项目预算', { exact: false }).click();
    await choose(page, decision.getByTestId('decision-round'), /微项目/);
    await decision.getByTestId('decision-cost').fill('60000');
    // the category list is long: typing narrows it to the group's general entry
    await decision.getByTestId('decision-category').click();
    await page.keyboard.type('物业与设施');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '物业与设施（其他）' }).first().click();
    await decision.getByTestId('decision-submit').click();
    await page.getByTestId('topic-result').waitFor();
    const topic = await zhou<Topic>('GET', `/council-topics/${walk.topic}`);
    expect([topic.status, topic.votes]).toEqual(['passed', { for: 9, against: 2, abstain: 0 }]);
    const round = await zhou<Round>('GET', `/budget-rounds/${walk.round}`);
    expect(round.candidates.length).toBe(4);
    walk.ramp = round.candidates.find((c) => c.title === RAMP)!.id;
    await checkBothLanguages(page, 'topic-result', 'council-topic');
  });

  it('周书记 opens the round; 孙 votes for the ramp from his phone, once', async () => {
    // The demo's window opens tomorrow: it opens now, for two weeks, before voting starts.
    await zhou('PATCH', `/budget-rounds/${walk.round}`, { opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString() });
    const desk = opened[1]!;
    await desk.goto(`${BASE_URL}/budget-rounds/${walk.round}`);
    await desk.getByTestId('open-round-button').click();
    await confirmModal(desk);
    await expect.poll(async () => (await zhou<Round>('GET', `/budget-rounds/${walk.round}`)).status).toBe('open');

    const page = await sunPage();
    await page.goto(`${BASE_URL}/vote/${walk.round}`);
    await page.getByTestId('ballot-page').waitFor();
    await page.getByTestId(`ballot-candidate-${walk.ramp}`).check();
    await page.getByTestId('ballot-submit').click();
    await confirmModal(page);
    await page.getByTestId('ballot-done').waitFor();
    await checkBothLanguages(page, 'ballot-page', 'ballot');
  });

  it('neighbours vote online and staff enter the elderly households\' paper and spoken ballots', async () => {
    const round = await zhou<Round>('GET', `/budget-rounds/${walk.round}`);
    const others = round.candidates.filter((c) => c.id !== walk.ramp);
    // Forty neighbours with accounts (demo: jmin0001…): most choose the ramp and one other.
    for (let i = 1; i <= 40; i++) {
      const resident = await apiAs(`jmin${String(i).padStart(4, '0')}`);
      const choice = i % 5 === 0 ? [others[i % 3]!.id] : [walk.ramp, others[i % 3]!.id];
      await resident('POST', `/budget-rounds/${walk.round}/ballots`, { candidateIds: choice });
    }
    // Households whose elderly residents have no phone: staff enter their ballots (the demo's supporters of the ramp without accounts).
    const households = (await zhou<{ items: (Item & { address: string })[] }>('GET', `/households?communityId=${walk.community}&limit=100`)).items;
    let assisted = 0;
    for (const h of households) {
      if (assisted === 37) break;
      const { ballot } = await zhou<{ ballot: unknown }>('GET', `/budget-rounds/${walk.round}/ballots/household?householdId=${h.id}`);
      if (ballot) continue;
      await zhou('POST', `/budget-rounds/${walk.round}/ballots`, { householdId: h.id, candidateIds: [walk.ramp], channel: assisted % 2 ? 'paper' : 'spoken' });
      assisted++;
    }
    expect(assisted).toBe(37);
    const desk = opened[1]!;
    await desk.goto(`${BASE_URL}/budget-rounds/${walk.round}`);
    const soFar = desk.getByTestId('ballots-so-far');
    await soFar.waitFor();
    await expect.poll(async () => (await soFar.innerText()).replace(/\s/g, '')).toMatch(/41.*37|37.*41/);
    await checkBothLanguages(desk, 'assisted-ballot-card', 'budget-round-open');
  });

  it('the window closes, the count makes the ramp a winner, and 周书记 publishes it', async () => {
    await zhou('POST', `/testing/budget-rounds/${walk.round}/elapse`, {});
    const desk = opened[1]!;
    await desk.goto(`${BASE_URL}/budget-rounds/${walk.round}`);
    // the first reader after the close counted it
    await desk.getByTestId('round-results').waitFor();
    const counted = await zhou<Round>('GET', `/budget-rounds/${walk.round}`);
    expect(counted.status).toBe('counted');
    expect(counted.candidates.find((c) => c.id === walk.ramp)).toMatchObject({ votes: 1 + 32 + 37, won: true });
    expect([counted.turnout!.online, counted.turnout!.assisted]).toEqual([41, 37]);
    await desk.getByTestId('publish-button').click();
    await confirmModal(desk);
    await expect.poll(async () => (await zhou<Round>('GET', `/budget-rounds/${walk.round}`)).status).toBe('published');
    await checkBothLanguages(desk, 'round-results', 'budget-round-results');
  });

  it('anyone reads the result and its turnout by grid on the notice board, signed out on a phone, with no person named', async () => {
    const session = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
    try {
      const page = session.page;
      await page.goto(`${BASE_URL}/board?communityId=${walk.community}`);
      const board = page.getByTestId('public-board');
      await page.getByTestId('board-decisions').waitFor();
      await settleAnimations(page);
      const text = await board.innerText();
      expect(text).toContain(RAMP);
      expect(text).toMatch(/孙某/);
      // no full name of a person who proposed, supported, sits on the council or voted
      const residents = (await zhou<{ supporters: { name: string }[] }>('GET', `/proposals/${walk.proposal}`)).supporters.map((s) => s.name);
      for (const name of [...residents, ...walk.members.map((m) => m.name)]) expect(text).not.toContain(name);
      expect(text).not.toMatch(/1[3-9]\d{9}|\d{17}[\dXx]/);
      await screenshot(page, 'board-phone-signed-out');
      await checkBothLanguages(page, 'board-decisions', 'board');
    } finally {
      await session.close();
    }
  });

  it('孙\'s proposal page says the ramp won the vote', async () => {
    const page = await sunPage();
    await page.goto(`${BASE_URL}/participate/proposals/${walk.proposal}`);
    await page.getByTestId('proposal-steps').waitFor();
    const kinds = await page.getByTestId('proposal-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['proposed', 'threshold', 'on_agenda', 'meeting', 'passed', 'in_budget', 'won']);
  });
});
