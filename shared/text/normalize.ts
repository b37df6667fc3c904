import { remembered } from './memo'
import { stripInvisible, toAsciiDigits } from '../validation/digits'

/**
 * Name normalisation for counter search, the name index and duplicate detection
 * (docs/architecture.md, Data). A clerk types a fragment of a name as they hear it; the register holds it
 * as another clerk once copied it from a CIN, in Arabic or in a French transliteration.
 * Both sides go through these functions so that spelling variants meet: Arabic loses the
 * marks and letter variants that never distinguish two names; Latin loses case, accents and
 * the habits of French/English transliteration (Mohammed/Mohamed, Ettahiri/El Tahiri…).
 *
 * The results are search keys, never display text: folding is lossy on purpose, and a few
 * genuinely different names fall together (Saleh/Salah) — the CIN, not the name, is the
 * identity. Every function is pure, deterministic and idempotent (f(f(x)) === f(x)), so a
 * stored key can be normalised again without changing.
 */

export type Script = 'arabic' | 'latin' | 'tifinagh' | 'mixed' | 'none'

// ---------------------------------------------------------------------------------------
// Characters

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim()

const ARABIC_LETTER = /(?=\p{L})\p{Script_Extensions=Arabic}/u
const LATIN_LETTER = /(?=\p{L})\p{Script=Latin}/u
const TIFINAGH_LETTER = /(?=\p{L})\p{Script=Tifinagh}/u
/** Arabic letters and marks by script extension (so tatweel and tashkeel count too). */
const ARABIC_CHAR = /(?=[\p{L}\p{M}])\p{Script_Extensions=Arabic}/u
const LETTER = /\p{L}/u
/** Apostrophes (including the modifier letters ʼ ʻ that are not punctuation). */
const APOSTROPHES = "'\u2018\u2019\u02BC\u02BB\u0060\u00B4\u2032"
const PUNCTUATION_RE = new RegExp(`[\\p{P}\\p{S}${APOSTROPHES}]`, 'gu')
/** Control characters (NUL, ESC…): never part of a key, a space at most. */
const CONTROL_RE = /\p{Cc}/gu

/** The words of a text, each keeping only the letters that match (one script's letters). */
function lettersOf(letter: RegExp, s: string): string {
  return collapse(
    s
      .split(/\s+/)
      .map((w) => [...w].filter((ch) => letter.test(ch)).join(''))
      .join(' '),
  )
}

// ---------------------------------------------------------------------------------------
// Arabic

/** Tashkeel, Quranic annotation marks, superscript alef, honorific signs and tatweel. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g

/** Letter variants folded to one letter; an empty target removes the letter. */
const ARABIC_FOLDS: readonly (readonly [string, string])[] = [
  // أ إ آ ٱ ٲ ٳ → ا
  ['\u0623\u0625\u0622\u0671\u0672\u0673', '\u0627'],
  // ة and the Persian/Urdu heh forms ۃ ە ۀ ہ ھ → ه
  ['\u0629\u06C3\u06D5\u06C0\u06C1\u06BE', '\u0647'],
  // ى ئ and the Persian/Urdu yeh forms ی ې ے ۓ → ي
  ['\u0649\u0626\u06CC\u06D0\u06D2\u06D3', '\u064A'],
  // ؤ → و
  ['\u0624', '\u0648'],
  // keheh ک ڪ and the Maghrebi/Persian "g" letters گ ڭ ڨ → ك (Morocco writes G as ك)
  ['\u06A9\u06AA\u06AF\u06AD\u06A8', '\u0643'],
  // ڤ ڥ (v) and Maghrebi feh ڢ → ف; Maghrebi qaf ڧ → ق
  ['\u06A4\u06A5\u06A2', '\u0641'],
  ['\u06A7', '\u0642'],
  // پ → ب, چ → ج, ژ → ز, ٹ → ت, ڈ → د, ڑ → ر, ں → ن
  ['\u067E', '\u0628'],
  ['\u0686', '\u062C'],
  ['\u0698', '\u0632'],
  ['\u0679', '\u062A'],
  ['\u0688', '\u062F'],
  ['\u0691', '\u0631'],
  ['\u06BA', '\u0646'],
  // standalone hamza ء and high hamza ٴ disappear
  ['\u0621\u0674', ''],
]

const ARABIC_FOLD_MAP = new Map<string, string>(
  ARABIC_FOLDS.flatMap(([from, to]) => [...from].map((ch): [string, string] => [ch, to])),
)
const ARABIC_FOLD_RE = new RegExp(`[${[...ARABIC_FOLD_MAP.keys()].join('')}]`, 'g')

/**
 * Arabic letters as a name is compared: no tashkeel or tatweel, one alef, ة → ه, ى → ي,
 * ؤ → و, ئ → ي, no standalone hamza, Persian/Urdu/Maghrebi letter variants folded,
 * presentation forms (text pasted from PDFs) decomposed, Western digits, single spaces.
 */
export function normalizeArabic(s: string): string {
  const text = toAsciiDigits(stripInvisible(s).normalize('NFKC'))
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_FOLD_RE, (ch) => ARABIC_FOLD_MAP.get(ch) ?? ch)
    .normalize('NFC')
  return collapse(text)
}

/** Words that belong to the next word of an Arabic name: عبد الله = عبدالله, بن علي = بنعلي. */
const ARABIC_PREFIXES = new Map<string, string>([
  ['\u0639\u0628\u062F', '\u0639\u0628\u062F'], // عبد
  ['\u0628\u0646', '\u0628\u0646'], // بن
  ['\u0627\u0628\u0646', '\u0628\u0646'], // ابن → بن
  ['\u0627\u064A\u062A', '\u0627\u064A\u062A'], // ايت (آيت, أيت)
  ['\u0627\u0628\u0648', '\u0627\u0628\u0648'], // ابو
  ['\u0628\u0648', '\u0628\u0648'], // بو
])
/** Words that belong to the previous one: نور الدين = نورالدين. */
const ARABIC_SUFFIXES = new Set(['\u0627\u0644\u062F\u064A\u0646']) // الدين

/**
 * Long vowels written or not in a few known names (the Quranic spelling leaves the ā of
 * رحمن, إبرهيم, إسمعيل unwritten: a dagger alif; Moroccan civil status often writes it, as
 * in عبد الرحمان): the whole word, after the folds above, to its usual spelling.
 */
const ARABIC_LONG_VOWELS = new Map<string, string>([
  ['\u0627\u0633\u0645\u0639\u064A\u0644', '\u0627\u0633\u0645\u0627\u0639\u064A\u0644'], // اسمعيل → اسماعيل
  ['\u0627\u0628\u0631\u0647\u064A\u0645', '\u0627\u0628\u0631\u0627\u0647\u064A\u0645'], // ابرهيم → ابراهيم
  ['\u0627\u0633\u062D\u0642', '\u0627\u0633\u062D\u0627\u0642'], // اسحق → اسحاق
  ['\u0633\u0644\u064A\u0645\u0646', '\u0633\u0644\u064A\u0645\u0627\u0646'], // سليمن → سليمان
  ['\u0647\u0631\u0648\u0646', '\u0647\u0627\u0631\u0648\u0646'], // هرون → هارون
  ['\u0639\u062B\u0645\u0646', '\u0639\u062B\u0645\u0627\u0646'], // عثمن → عثمان
  ['\u0644\u0642\u0645\u0646', '\u0644\u0642\u0645\u0627\u0646'], // لقمن → لقمان
  ['\u0639\u064A\u0634\u0647', '\u0639\u0627\u064A\u0634\u0647'], // عيشه → عايشه
  [
    '\u0639\u0628\u062F\u0627\u0644\u0627\u0644\u0627\u0647',
    '\u0639\u0628\u062F\u0627\u0644\u0627\u0644\u0647',
  ], // عبدالالاه → عبدالاله
])
/** رحمان → رحمن wherever it stands (عبد الرحمان, الرحماني); وو → و, يي → ي (داوود, طاووس, يحيى). */
const RAHMAN = /\u0631\u062D\u0645\u0627\u0646/g
const DOUBLED_WAW_YEH = /([\u0648\u064A])\1+/g
/** The article at the start of a word: الحسن = لحسن, العربي = لعربي (as Moroccan names are written). */
const ARABIC_ARTICLE = /^\u0627\u0644(?=\p{L}{3})/u

function arabicWordKey(word: string): string {
  const w = word.replace(RAHMAN, '\u0631\u062D\u0645\u0646').replace(DOUBLED_WAW_YEH, '$1')
  return (ARABIC_LONG_VOWELS.get(w) ?? w).replace(ARABIC_ARTICLE, '\u0644')
}

function normalizeArabicName(text: string): string {
  const words = lettersOf(ARABIC_LETTER, normalizeArabic(text.replace(PUNCTUATION_RE, ' ')))
    .split(' ')
    .filter(Boolean)
  const out: string[] = []
  let prefix = ''
  words.forEach((word, i) => {
    const joined = ARABIC_PREFIXES.get(word)
    if (joined !== undefined && i + 1 < words.length) {
      prefix += joined
      return
    }
    const last = out.length - 1
    if (prefix === '' && last >= 0 && ARABIC_SUFFIXES.has(word)) {
      out[last] += word
      return
    }
    out.push(prefix + word)
    prefix = ''
  })
  return out.map(arabicWordKey).join(' ')
}

// ---------------------------------------------------------------------------------------
// Latin

const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
}
const LATIN_SPECIAL_RE = /[œæßøđðłıþ]/g

/**
 * Latin text as a name is compared: accents stripped (NFKD), lower case, œ → oe, æ → ae,
 * apostrophes, hyphens, dots and other punctuation → space, single spaces.
 */
export function normalizeLatin(s: string): string {
  const text = toAsciiDigits(stripInvisible(s))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LATIN_SPECIAL_RE, (ch) => LATIN_SPECIAL[ch] ?? ch)
    .replace(PUNCTUATION_RE, ' ')
    .replace(CONTROL_RE, ' ')
  return collapse(text)
}

const VOWEL = /^[aeiouy]/

/** Words that start with "el" but are names, not the article (Elham, Elias…). */
const EL_NAMES = new Set([
  'elham',
  'elhame',
  'elias',
  'eliass',
  'elyas',
  'elyass',
  'elie',
  'eliane',
  'elisa',
  'elise',
  'elissa',
  'eliza',
  'elisabeth',
  'elizabeth',
  'elena',
  'elsa',
  'ella',
  'elle',
  'elodie',
  'elmira',
  'elvira',
])

/**
 * The article written attached: Elamrani → amrani (the rest must still look like a name:
 * three letters after a consonant, four after a vowel), and assimilated before a sun letter,
 * Ettahiri → tahiri, Essaidi → saidi, Echchafii → chafii (four letters left at least, so
 * Essam and Essa stay names).
 */
function stripAttachedArticle(word: string): string {
  if (EL_NAMES.has(word)) return word
  // Ezzeddine is Azzeddine (عز الدين), not the article before Zeddine.
  if (/^ezz?[aeiou]*d{1,2}ine?$/.test(word)) return `a${word.slice(1)}`
  // L glued before a consonant is the article as Moroccans say it: Lfassi, Lhaj, Lkettani.
  const l = /^l([bcdfghjkmnpqrstvwxz][a-z]{2,})$/.exec(word)
  if (l?.[1]) return l[1]
  const el = /^el([a-z]+)$/.exec(word)
  if (el?.[1] && el[1].length >= (VOWEL.test(el[1]) ? 4 : 3)) return el[1]
  const sun = /^e(ch|sh|th|dh|[tdrzsnl])\1([a-z]+)$/.exec(word)
  if (sun?.[1] && sun[2] && sun[1].length + sun[2].length >= 4) return sun[1] + sun[2]
  return word
}

/** Standalone articles: el, al, l, ul; and et, ed, er, es, ez, en, ech… before their letter. */
function isArticle(word: string, next: string): boolean {
  if (word === 'el' || word === 'al' || word === 'l' || word === 'ul') return true
  const sun = /^[ea](ch|sh|th|dh|[tdrzsn])$/.exec(word)
  return sun?.[1] !== undefined && next.startsWith(sun[1])
}

/** Words glued to the next one, under one spelling: Ben Ali = Benali, Aït Baha = Aitbaha. */
const JOIN_NEXT = new Map<string, string>([
  ['ben', 'ben'],
  ['bin', 'ben'],
  ['ibn', 'ben'],
  ['ibnou', 'ben'],
  ['ibnu', 'ben'],
  ['bn', 'ben'],
  ['b', 'ben'],
  ['ait', 'ait'],
  ['ayt', 'ait'],
  ['aith', 'ait'],
  ['ath', 'ait'],
  ['at', 'ait'],
  // Berber u/ou "son of", and Arabic Ould (son of) / Oulad (sons of): Ou Ali = Ouali.
  ['ou', 'ou'],
  ['ould', 'ould'],
  ['wld', 'ould'],
  ['oulad', 'oulad'],
  ['ouled', 'oulad'],
  ['awlad', 'oulad'],
  ['wlad', 'oulad'],
  ['bou', 'bou'],
  ['bu', 'bu'],
  ['abou', 'abou'],
  ['abu', 'abu'],
  ['abd', 'abdel'],
  ['abdel', 'abdel'],
  ['abdal', 'abdel'],
  ['abdul', 'abdel'],
  ['abdoul', 'abdel'],
  ['abdol', 'abdel'],
])
/** "… ad-din" written apart: Nour Eddine = Noureddine = Nourdine. */
const ADDIN_WORD = /^[aeiou]{0,2}d{1,2}ine?$/
/** Abbreviations of Moulay as written on old cards. */
const MOULAY = new Set(['my', 'mly'])

const ABD_ARTICLE = /^abd(?:el|al|ul|oul|ol|il|l)/
const ABD_SUN = /^abd(?:e|a|ou|u|o|i)?(ch|sh|th|dh|[tdrzsn])\1?(?=[a-z]{2})/
const ADDIN_END = /^([a-z]{2,}?)[aeiou]*d{1,2}ine?$/
const DOUBLE_CONSONANT = /([bcdfghjklmnpqrstvwxz])\1+/g

/** Folded words, remembered (see memo.ts). */
const foldWord = remembered((word) => foldWordUncached(word))

/** Spelling folds inside one word (see foldLatinName). */
function foldWordUncached(word: string): string {
  // Aït + name: folded apart, so that Ait Hammou keeps its "t h" (th would fold to t).
  if (/^ait[a-z]{2}/.test(word))
    return `ait${foldWordUncached(stripAttachedArticle(word.slice(3)))}`
  let w = word
  const glued = /^ben(el[a-z]+)$/.exec(w)
  if (glued?.[1]) w = `ben${stripAttachedArticle(glued[1])}`
  w = w.replace(ABD_ARTICLE, 'abdel').replace(ABD_SUN, 'abdel$1').replace(ADDIN_END, '$1din')
  // French c, qu and gu: c before e/i/y sounds s, elsewhere k (ch stays); q is k; the u of
  // gu before e/i/y is silent (Guessous = Gessous).
  w = w
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/qu(?=[aeiy])/g, 'k')
    .replace(/q/g, 'k')
    .replace(/gu(?=[eiy])/g, 'g')
  // French silent final e: Hanane = Hanan, Yassine = Yassin, Othmane = Othman.
  if (w.length >= 4) w = w.replace(/([^aeiouy])e$/, '$1')
  w = w
    .replace(/ph/g, 'f')
    .replace(/sh/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/(ch|kh|gh)\1+/g, '$1')
    .replace(DOUBLE_CONSONANT, '$1')
  // Vowels: ee → i, oo → u, y → i; ou/o → u, but before a vowel they are w (Ouali = Wali).
  w = w
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/y/g, 'i')
    .replace(/aou?/g, 'aw')
    .replace(/ou?(?=[aei])/g, 'w')
    .replace(/(?<=[^aeiouw])u(?=[aei])/g, 'w')
    .replace(/(?<=[a-z]{2}[^aeiou])ie$/, 'i')
    .replace(/o/g, 'u')
    .replace(/uu+/g, 'u')
    .replace(/e/g, 'a')
    .replace(/a+/g, 'a')
    .replace(/i+/g, 'i')
    .replace(DOUBLE_CONSONANT, '$1')
  // English -ah for a final ة: Samirah = Samira, Sarah = Sara.
  if (w.length >= 4) w = w.replace(/ah$/, 'a')
  return LATIN_NAME_VARIANTS.get(w) ?? w
}

/**
 * Spellings that no rule may fold without merging other names, meeting their name by name
 * (keys after the rules above). Vowel quality: e is a or i in French transliteration, so
 * Khaled (خالد) is Khalid but Hamed (حامد) is not Hamid (حميد); Moroccan short forms of a
 * few given names (Driss, Brahim, Smail, Abdelkrim) are the same Arabic name. Each target
 * is a key the rules produce, so the table is applied once and folding stays idempotent.
 */
const LATIN_NAME_VARIANTS = new Map<string, string>([
  ['khalad', 'khalid'], // Khaled = Khalid (خالد)
  ['fatama', 'fatima'], // Fatema = Fatima (فاطمة)
  ['tarak', 'tarik'], // Tarek, Tareq = Tarik (طارق)
  ['majad', 'majid'], // Majed = Majid (ماجد)
  ['adal', 'adil'], // Adel = Adil (عادل)
  ['zinab', 'zainab'], // Zineb = Zaynab (زينب)
  ['ridwan', 'radwan'], // Ridouane = Redouane (رضوان)
  ['iusuf', 'iusaf'], // Yusuf, Youssouf = Youssef (يوسف)
  ['iunus', 'iunas'], // Yunus = Younes (يونس)
  ['iunis', 'iunas'], // Younis = Younes
  ['tufik', 'tawfik'], // Toufik = Taoufik (توفيق)
  ['muhamat', 'muhamad'], // Mohamet = Mohamed (محمد)
  ['ismal', 'ismail'], // Ismael = Ismail (إسماعيل)
  ['smail', 'ismail'], // Smail = Ismail
  ['brahim', 'ibrahim'], // Brahim = Ibrahim (إبراهيم)
  ['dris', 'idris'], // Driss = Idriss (إدريس)
  ['mbark', 'mbarak'], // Mbark = Mbarek (امبارك)
  ['abdalkrim', 'abdalkarim'], // Abdelkrim = Abdelkarim (عبد الكريم)
  ['abdalkadir', 'abdalkadar'], // Abdelkadir = Abdelkader (عبد القادر)
  ['abdalslam', 'abdalsalam'], // Abdeslam = Abdessalam (عبد السلام)
  ['abdalnbi', 'abdalnabi'], // Abdenbi = Abdennabi (عبد النبي)
  ['abubakar', 'abubakr'], // Aboubakar = Aboubakr (أبو بكر)
  ['salhdin', 'salahdin'], // Salheddine = Salaheddine (صلاح الدين)
])
/** Compound given names written as one word: Fatimazahra = Fatima Zahra. */
const SPLIT_WORDS = new Map<string, string>([
  ['fatimazahra', 'fatima zahra'],
  ['fatimaezzahra', 'fatima ezzahra'],
  ['fatimzahra', 'fatima zahra'],
])

const INNER_APOSTROPHE = new RegExp(`(\\p{L})[${APOSTROPHES}]+(?=\\p{L})`, 'gu')

function foldLatinOnce(s: string): string {
  const joined = stripInvisible(s).replace(/[çÇ]/g, 's').replace(INNER_APOSTROPHE, '$1')
  const tokens = normalizeLatin(joined)
    .split(' ')
    .flatMap((t) => (SPLIT_WORDS.get(t) ?? t).split(' '))
    .filter(Boolean)
    .map(stripAttachedArticle)
  const words: string[] = []
  let prefix = ''
  tokens.forEach((token, i) => {
    const next = tokens[i + 1]
    if (next !== undefined && isArticle(token, next)) return
    const join = JOIN_NEXT.get(token)
    if (join !== undefined && next !== undefined) {
      prefix += join
      // After a bare Abd, an attached al- is the article: Abd Allah = Abdallah.
      if (token === 'abd') tokens[i + 1] = next.replace(/^[ae]l(?=[a-z]{3})/, '')
      return
    }
    const last = words.length - 1
    if (prefix === '' && last >= 0 && ADDIN_WORD.test(token)) {
      words[last] += token
      return
    }
    words.push(prefix + (MOULAY.has(token) ? 'moulay' : token))
    prefix = ''
  })
  return words.map(foldWord).filter(Boolean).join(' ')
}

/**
 * Phonetic folding of a Moroccan name written in Latin letters, so that the spellings found
 * on CINs meet. After normalizeLatin:
 * - apostrophes inside a word are dropped, not spaced: M'hamed = Mhamed (≠ Mohamed);
 * - articles go: El Amrani = Elamrani = Al Amrani = El-Amrani = Amrani; Et-Tahiri =
 *   Ettahiri = El Tahiri = Tahiri. Attached "al" is kept (Alaoui, Ali, Allal are not
 *   articles), and so are the L of Lamrani/Laraki and the El of Elham/Elias;
 * - Ben/Bin/Ibn/B. and Aït/Ayt are glued to the next word (Ben Ali = Benali = Bin Ali), as
 *   are Bou, Abou and Abd/Abdel/Abdul (Abd El Kader = Abdelkader = Abdulkader, Abd Allah =
 *   Abdallah, Abderrahim = Abdelrahim); "ad-din" is glued to the previous word (Nour Eddine =
 *   Noureddine = Nourdine); My/Mly → Moulay;
 * - consonants: c before e/i/y → s, other c and q → k, qu/gu before e/i/y → k/g, ph → f,
 *   sh → ch, dj → j, th → t, dh → d, doubled consonants single (kh and gh are letters of
 *   their own and stay);
 * - French silent final e dropped after a consonant (Hanane = Hanan), English final -ah →
 *   -a (Samirah = Samira), both in words of 4+ letters;
 * - vowels: ee → i, oo → u, y → i, aou → aw, o/ou before a vowel → w (Ouali = Wali), other
 *   o/ou → u, e → a, runs of a or i single (Mohamed = Mohammed = Muhammad = Mohamad;
 *   Meryem = Maryam; Leila = Layla). Vowel quality otherwise stays: Khalid ≠ Khaled,
 *   Zahra ≠ Zohra, as Hamid (حميد) ≠ Hamed (حامد).
 * The result is a search key, not a spelling. The rules are applied until the key no longer
 * changes (one or two passes), so fold(fold(x)) === fold(x).
 */
export function foldLatinName(s: string): string {
  let current = foldLatinOnce(s)
  for (let pass = 0; pass < 8; pass++) {
    const next = foldLatinOnce(current)
    if (next === current) return current
    current = next
  }
  return current
}

/** Family names that begin with a particle of their own, never the article. */
const NOT_ARTICLE_VOWEL = /^(?:aith?|ayt|abd|abou|abu|ould|oulad|ouled|awlad)|^(?:at|ath|ou)\b/

/**
 * The article of a Latin family name spoken as a bare L: Lamrani = El Amrani = Amrani,
 * Lidrissi = El Idrissi = Idrissi. As a rule for every word it would merge given names
 * (Latifa ≠ Atifa, Lamia, Loubna), so it is a family name's extra key instead: a family
 * name beginning with L + vowel also gets the key without the L, and one beginning with a
 * vowel (after an article) the key with it. Both are indexed beside the name's own key, so
 * each spelling typed finds the others. Returns the extra keys only.
 */
export const familyNameVariants = remembered((familyName): string[] => {
  const plain = normalizeLatin(familyName)
  if (!plain || NOT_ARTICLE_VOWEL.test(plain)) return []
  const bare = plain.replace(/^(?:el|al) (?=[aeiou])/, '').replace(/^el(?=[aeiou][a-z]{3})/, '')
  let other: string | null = null
  if (/^l[aeiou][a-z]{3}/.test(bare)) other = bare.slice(1)
  else if (/^[aeiou][a-z]{2}/.test(bare) && !EL_NAMES.has(bare.split(' ')[0] ?? ''))
    other = `l${bare}`
  if (other === null) return []
  const own = new Set(foldLatinName(familyName).split(' '))
  return foldLatinName(other)
    .split(' ')
    .filter((w) => w.length >= 2 && !own.has(w))
})

// ---------------------------------------------------------------------------------------
// Tifinagh, scripts, whole names

/** Tifinagh as a name is compared: NFKC, Tifinagh letters only, single spaces. */
function normalizeTifinagh(s: string): string {
  return lettersOf(
    TIFINAGH_LETTER,
    stripInvisible(s).normalize('NFKC').replace(PUNCTUATION_RE, ' '),
  )
}

/** Which scripts the letters of a text are written in (digits and punctuation ignored). */
export function detectScript(s: string): Script {
  let found = 0
  let script: Script = 'none'
  for (const [name, re] of [
    ['arabic', ARABIC_LETTER],
    ['latin', LATIN_LETTER],
    ['tifinagh', TIFINAGH_LETTER],
  ] as const) {
    if (re.test(s)) {
      found++
      script = name
    }
  }
  return found > 1 ? 'mixed' : script
}

type Run = 'arabic' | 'latin' | 'tifinagh' | 'other'

/** Letters of no particular script (ː, ˆ…): dropped, except the apostrophe letters ʼ ʻ. */
const SHARED_LETTER = /(?![\u02BC\u02BB])(?=\p{L})[\p{Script=Common}\p{Script=Inherited}]/gu
const DIGIT = /\p{Nd}/u

function runOf(ch: string): Run | null {
  if (ARABIC_CHAR.test(ch)) return 'arabic'
  if (LATIN_LETTER.test(ch)) return 'latin'
  if (TIFINAGH_LETTER.test(ch)) return 'tifinagh'
  return LETTER.test(ch) || DIGIT.test(ch) ? 'other' : null
}

/** Splits a text where the script changes; marks, spaces and punctuation stay with their run. */
function runs(s: string): { run: Run; text: string }[] {
  const out: { run: Run; text: string }[] = []
  let pending = ''
  for (const ch of s) {
    const run = runOf(ch)
    const current = out[out.length - 1]
    if (run === null) {
      if (current) current.text += ch
      else pending += ch
    } else if (current && current.run === run) {
      current.text += ch
    } else {
      out.push({ run, text: pending + ch })
      pending = ''
    }
  }
  if (pending) out.push({ run: 'other', text: pending })
  return out
}

const NORMALIZERS: Readonly<Record<Run, (text: string) => string>> = {
  arabic: normalizeArabicName,
  latin: foldLatinName,
  tifinagh: normalizeTifinagh,
  other: normalizeLatin,
}

/**
 * The key a name is indexed, searched and compared by. Each run of one script goes through
 * its own normaliser (Arabic: normalizeArabic, and عبد/بن/ابن/ايت/ابو/بو glued to the next
 * word, الدين to the previous one; Latin: foldLatinName; Tifinagh: NFKC; digits and other
 * scripts: normalizeLatin), so a field holding "محمد Mohamed" or a word typed half in each
 * script is handled piece by piece. A run that normalises to nothing (a stray hamza or mark)
 * does not separate its neighbours: they are normalised together, as they would be next time.
 */
export const normalizeName = remembered((s) => normalizeNameUncached(s))

function normalizeNameUncached(s: string): string {
  const text = stripInvisible(s).normalize('NFKC').replace(SHARED_LETTER, '')
  const parts: { run: Run; text: string; key: string }[] = []
  for (const { run, text: piece } of runs(text)) {
    const key = NORMALIZERS[run](piece)
    if (!key) continue
    const previous = parts[parts.length - 1]
    if (previous?.run === run) {
      previous.text += ` ${piece}`
      previous.key = NORMALIZERS[run](previous.text)
    } else {
      parts.push({ run, text: piece, key })
    }
  }
  return parts
    .map((p) => p.key)
    .filter(Boolean)
    .join(' ')
}

/**
 * The distinct words of the normalised name that carry information (two letters or more),
 * in order of first appearance: the units of duplicate detection and of the name index.
 */
export function nameTokens(s: string): string[] {
  const words = normalizeName(s)
    .split(' ')
    .filter((w) => [...w].length >= 2)
  return [...new Set(words)]
}
