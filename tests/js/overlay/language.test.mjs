// Which articles whosays reads (web/overlay/language.js): English only, by the
// nearest lang attribute and the share of common English words in the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { articleLanguage, englishShare, languageMessage, MIN_ENGLISH_SHARE } from '../../../web/overlay/language.js';

const TEXTS = {
  english: 'The health ministry said at least 14 people were killed and dozens wounded when gunmen attacked the clinic on Monday. It was the third attack on a hospital in the region this year, officials said, and no group has said it was behind it.',
  french: 'Le ministère de la santé a annoncé lundi qu\'au moins quatorze personnes avaient été tuées et des dizaines blessées lors de l\'attaque de la clinique. Il s\'agit de la troisième attaque contre un hôpital dans la région cette année.',
  german: 'Das Gesundheitsministerium teilte am Montag mit, bei dem Angriff auf die Klinik seien mindestens 14 Menschen getötet und Dutzende verletzt worden. Es war in diesem Jahr bereits der dritte Angriff auf ein Krankenhaus in der Region, sagten Beamte.',
  chinese: '卫生部周一表示，枪手袭击诊所时至少有十四人死亡，数十人受伤。这是今年该地区第三次发生针对医院的袭击事件，官员表示目前还没有任何组织声称对此负责。',
};

const documentWith = (lang) => parseHTML(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>t</title></head><body><article><p>x</p></article></body></html>`).document;

describe('englishShare', () => {
  it('tells English text from French, German and Chinese', () => {
    assert.ok(englishShare(TEXTS.english).share >= MIN_ENGLISH_SHARE, JSON.stringify(englishShare(TEXTS.english)));
    for (const language of ['french', 'german', 'chinese']) {
      const { share, words } = englishShare(TEXTS[language]);
      assert.ok(share < MIN_ENGLISH_SHARE / 2, `${language}: ${share}`);
      assert.ok(words >= 30, `${language}: ${words} words`);
    }
  });
});

describe('articleLanguage', () => {
  const cases = [
    // [html lang, text, english?]
    ['en', 'english', true],
    ['en-GB', 'english', true],
    [null, 'english', true],
    ['de', 'german', false],
    ['de', 'english', false],
    ['en', 'french', false],
    [null, 'chinese', false],
  ];
  for (const [lang, text, english] of cases) {
    it(`says ${english ? 'English' : 'not English'} when lang is ${lang} and the text is ${text}`, () => {
      const document = documentWith(lang);
      const result = articleLanguage(document, document.querySelector('article'), TEXTS[text]);
      assert.equal(result.english, english, JSON.stringify(result));
    });
  }

  it('takes the lang attribute nearest the article over the page\'s', () => {
    const { document } = parseHTML('<!doctype html><html lang="en"><body><article lang="fr"><p>x</p></article></body></html>');
    const result = articleLanguage(document, document.querySelector('article'), TEXTS.french);
    assert.deepEqual([result.english, result.language], [false, 'fr']);
    assert.match(languageMessage(result), /English articles only.*French/);
  });

  it('analyses a short text when nothing says it is in another language', () => {
    const document = documentWith(null);
    assert.equal(articleLanguage(document, document.body, 'Five killed.').english, true);
  });
});
