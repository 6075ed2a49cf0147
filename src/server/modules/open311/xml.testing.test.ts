import { describe, expect, it } from 'vitest';
import { fromXmlLikeRails, xmltodictLike } from './xml.testing.ts';

// The conversions stand in for Ruby and Python clients, so they must give what those libraries
// give: these cases and their results are the libraries' own (ActiveSupport's Hash tests,
// xmltodict's README and its force_list documentation).
describe('fromXmlLikeRails gives what Hash.from_xml gives', () => {
  it.each([
    ['<blog><posts type="array"></posts></blog>', { blog: { posts: [] } }],
    ['<blog>\n  <posts type="array">\n  </posts>\n</blog>', { blog: { posts: [] } }],
    ['<blog>\n  <posts type="array">\n    <post>a post</post>\n  </posts>\n</blog>', { blog: { posts: ['a post'] } }],
    ['<blog><posts type="array"><post>a post</post><post>another post</post></posts></blog>', { blog: { posts: ['a post', 'another post'] } }],
    ['<numbers type="Array"><value>1</value></numbers>', { numbers: { type: 'Array', value: '1' } }],
    ['<numbers type="Array"><value>1</value><value>2</value></numbers>', { numbers: { type: 'Array', value: ['1', '2'] } }],
    ['<ABC3XYZ>\n  <TEST>Lorem Ipsum</TEST>\n</ABC3XYZ>', { ABC3XYZ: { TEST: 'Lorem Ipsum' } }],
    [
      '<topic><title></title><id type="integer"></id><approved type="boolean"></approved><written-on type="date"></written-on><parent-id></parent-id></topic>',
      { topic: { title: null, id: null, approved: null, written_on: null, parent_id: null } },
    ],
    [
      '<topic><id type="integer">1</id><approved type="boolean"> true </approved><replies-count type="integer">0</replies-count><optimum-viewing-angle type="float">135</optimum-viewing-angle><parent-id nil="true"></parent-id></topic>',
      { topic: { id: 1, approved: true, replies_count: 0, optimum_viewing_angle: 135, parent_id: null } },
    ],
    ['<bacon><chunky type="boolean"> 1 </chunky><notes type="string"></notes></bacon>', { bacon: { chunky: true, notes: '' } }],
  ])('%s', (xml, expected) => {
    expect(fromXmlLikeRails(xml)).toEqual(expected);
  });
});

describe('xmltodictLike gives what xmltodict.parse gives', () => {
  it('reads the README document', () => {
    const xml = `<mydocument has="an attribute">
  <and>
    <many>elements</many>
    <many>more elements</many>
  </and>
  <plus a="complex">
    element as well
  </plus>
</mydocument>`;
    expect(xmltodictLike(xml)).toEqual({
      mydocument: { '@has': 'an attribute', and: { many: ['elements', 'more elements'] }, plus: { '@a': 'complex', '#text': 'element as well' } },
    });
  });

  it('makes one child a list only with force_list', () => {
    const xml = '<servers><server><name>host1</name><os>Linux</os><interfaces><interface><name>em0</name><ip_address>10.0.0.1</ip_address></interface></interfaces></server></servers>';
    const server = { name: 'host1', os: 'Linux', interfaces: { interface: { name: 'em0', ip_address: '10.0.0.1' } } };
    expect(xmltodictLike(xml)).toEqual({ servers: { server } });
    expect(xmltodictLike(xml, { forceList: ['interface', 'server'] })).toEqual({
      servers: { server: [{ ...server, interfaces: { interface: [server.interfaces.interface] } }] },
    });
  });

  it('reads an empty element as None and drops attributes without xml_attribs', () => {
    expect(xmltodictLike('<a><b/><c x="1">t</c></a>')).toEqual({ a: { b: null, c: { '@x': '1', '#text': 't' } } });
    expect(xmltodictLike('<a><b/><c x="1">t</c></a>', { attribs: false })).toEqual({ a: { b: null, c: 't' } });
  });
});
