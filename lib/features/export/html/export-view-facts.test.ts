import { describe, expect, it } from 'vitest';
import { storageToMarkdown } from '../storage-to-markdown';
import { parseXml, readSample } from '../testing/samples';
import { pageLinkResolver, readExportViewFacts, userResolver } from './export-view-facts';
import { testDom } from './testing';

const { parser } = testDom();
const SITE = 'https://varlab-dev.atlassian.net';

describe('readExportViewFacts on the shared samples', () => {
  const report = readExportViewFacts(readSample('rendered-html', 'dlx-gr-test-report-jira-status-mentions.html'), parser, SITE);

  it('finds every mentioned account with its display name', () => {
    const html = readSample('rendered-html', 'dlx-gr-test-report-jira-status-mentions.html');
    const ids = new Set(Array.from(html.matchAll(/data-account-id="([^"]+)"/g), (m) => m[1]));
    expect(new Set(report.users.keys())).toEqual(ids);
    expect(report.users.get('712020:5b70971e-7fbc-438d-9b25-f71e66741762')).toBe('Nilupul Vithanage');
    expect(report.users.get('60354a092de69b006a06c164')).toBe('Stacey Dineen (Unlicensed)');
  });

  it('finds page links by id, title and space:title', () => {
    const usability = readExportViewFacts(readSample('rendered-html', 'dlx-usability-testing-tasks-blockquote.html'), parser, SITE);
    const url = 'https://varlab-dev.atlassian.net/wiki/spaces/VAR/pages/873988219/Code+of+Ethics';
    expect(usability.pageLinks.get('873988219')).toBe(url);
    expect(usability.pageLinks.get('Code of Ethics')).toBe(url);
    expect(usability.pageLinks.get('VAR:Code of Ethics')).toBe(url);
  });

  it('finds Jira issues with their link, summary and status', () => {
    expect(report.jiraIssues.get('RT-504')).toEqual({
      url: 'https://varlab-dev.atlassian.net/browse/RT-504',
      summary: 'POIs can be opened during a camera transition when continuing/restarting from the menu',
      status: 'Done',
    });
    expect(report.jiraIssues.size).toBeGreaterThan(5);
  });

  it('drops the fragment of a link to a heading of another page', () => {
    const decisions = readExportViewFacts(readSample('rendered-html', 'dlx-decision-list-emoticons.html'), parser, SITE);
    expect(decisions.pageLinks.get('Adding and setting up an inspectable')).toBe('https://varlab-dev.atlassian.net/wiki/spaces/VAR/pages/1751580684/Adding+and+setting+up+an+inspectable');
    expect(decisions.pageLinks.get('1751580684')).toBe('https://varlab-dev.atlassian.net/wiki/spaces/VAR/pages/1751580684/Adding+and+setting+up+an+inspectable');
    const large = readExportViewFacts(readSample('rendered-html', 'dlx-large-feedback-tracking-te.html'), parser, SITE);
    expect(large.pageLinks.get('1552515077')).toBe('https://varlab-dev.atlassian.net/wiki/spaces/VAR/pages/1552515077');
  });

  it('takes only the given site\'s pages, and users from every sample that has them', () => {
    const jenkins = readExportViewFacts(readSample('rendered-html', 'jenkins-wiki-chatwork-plugin-view.html'), parser, 'https://wiki.jenkins.io');
    expect(jenkins.pageLinks.size).toBe(0);
    const anySite = readExportViewFacts(readSample('rendered-html', 'jenkins-wiki-chatwork-plugin-view.html'), parser);
    expect(anySite.pageLinks.get('JENKINS:ChatWork Plugin')).toBe('https://wiki.jenkins-ci.org/display/JENKINS/ChatWork+Plugin');
    const large = readExportViewFacts(readSample('rendered-html', 'dlx-large-feedback-tracking-te.html'), parser, SITE);
    expect(large.users.get('631119164fbe9c4bd0ee1070')).toBe('Amila Abeygunasekara (Unlicensed)');
  });
});

describe('readExportViewFacts on hand-written shapes', () => {
  it('reads Server mentions by username and relative links against the site', () => {
    const facts = readExportViewFacts(
      '<p><a class="confluence-userlink user-mention" data-username="jdoe" href="/display/~jdoe" data-linked-resource-type="userinfo">John Doe</a>' +
        ' <a href="/pages/viewpage.action?pageId=4242">Old style</a>' +
        ' <a href="/display/ENG/Release+Notes" data-linked-resource-id="99" data-linked-resource-type="page" data-linked-resource-default-alias="Release Notes">notes</a>' +
        ' <a class="createlink" href="/pages/createpage.action?spaceKey=ENG&amp;title=New">New</a></p>',
      parser,
      'https://wiki.example.org',
    );
    expect([...facts.users]).toEqual([['jdoe', 'John Doe']]);
    expect(facts.pageLinks.get('4242')).toBe('https://wiki.example.org/pages/viewpage.action?pageId=4242');
    expect(facts.pageLinks.get('99')).toBe('https://wiki.example.org/display/ENG/Release+Notes');
    expect(facts.pageLinks.get('ENG:Release Notes')).toBe('https://wiki.example.org/display/ENG/Release+Notes');
    expect(facts.pageLinks.has('New')).toBe(false);
  });
});

describe('the facts feed the storage converter', () => {
  it('shows mentions by display name and links pages to their real URL', () => {
    const facts = readExportViewFacts(readSample('rendered-html', 'dlx-gr-test-report-jira-status-mentions.html'), parser, SITE);
    const links = readExportViewFacts(readSample('rendered-html', 'dlx-usability-testing-tasks-blockquote.html'), parser, SITE);
    const storage =
      '<p>Ask <ac:link><ri:user ri:account-id="712020:5b70971e-7fbc-438d-9b25-f71e66741762" /></ac:link> about ' +
      '<ac:link ac:anchor="Reporting a concern"><ri:page ri:content-title="Code of Ethics" ri:space-key="VAR" /></ac:link>.</p>' +
      '<p><ac:link><ri:user ri:account-id="unknown-account" /></ac:link></p>';
    const { markdown } = storageToMarkdown(storage, { parseXml, siteUrl: SITE, resolveUser: userResolver(facts), resolvePageLink: pageLinkResolver(links) });
    expect(markdown).toContain('Ask @Nilupul Vithanage about');
    expect(markdown).toContain('(https://varlab-dev.atlassian.net/wiki/spaces/VAR/pages/873988219/Code+of+Ethics#Reporting-a-concern)');
    expect(markdown).toContain('@unknown-account');
  });
});
